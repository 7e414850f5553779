using AutoSend.Gen.Model;

namespace AutoSend.Gen.Emitting;

/// <summary>
/// Writes <c>&lt;Options&gt;RateLimiterExtensions.UseRateLimiter</c>, which plugs a
/// <c>System.Threading.RateLimiting.RateLimiter</c> into the options' <c>RateLimiter</c> hook. Emitted only when the
/// consumer references System.Threading.RateLimiting (<see cref="ReferencedPackages.RateLimiting"/>): the runtime
/// takes no dependency and keeps a delegate.
/// </summary>
internal static class RateLimiterEmitter
{
    private const string RateLimiting = "global::System.Threading.RateLimiting";

    /// <summary>The static class's name, e.g. <c>AutoSendClientOptionsRateLimiterExtensions</c>.</summary>
    public static string ClassName(ClientSpec client) => client.OptionsName + "RateLimiterExtensions";

    public static string Emit(EmitContext context)
    {
        ClientSpec client = context.Client;
        string optionsCref = "<see cref=\"" + client.OptionsName + "\"/>";

        var writer = new SourceWriter();
        writer.FileHeader(context.SpecFileName);
        using (writer.Open("namespace " + client.Namespace))
        {
            DocComment.Summary(writer, null, "Client-side rate limiting for " + optionsCref + " with <c>System.Threading.RateLimiting</c>.");
            writer.Line(context.GeneratedCodeAttribute);
            using (writer.Open("public static class " + ClassName(client)))
            {
                DocComment.Summary(writer, null,
                    "Makes every attempt (retries included) wait for a permit of <paramref name=\"limiter\"/>, held until the attempt\nends, so that a bulk job stays under the API's rate limit instead of being answered 429.");
                writer.Line("/// <remarks>");
                writer.Line("/// Share one limiter between all clients that use the same key. A lease the limiter refuses (its queue is full) ends");
                writer.Line("/// the call with <see cref=\"global::System.InvalidOperationException\"/> before anything is sent.");
                writer.Line("/// </remarks>");
                DocComment.Param(writer, "options", null, "The client options.");
                DocComment.Param(writer, "limiter", null, "The limiter, for example a <see cref=\"" + RateLimiting + ".TokenBucketRateLimiter\"/>.");
                DocComment.Returns(writer, null, "<paramref name=\"options\"/>.");
                using (writer.Open("public static " + client.OptionsName + " UseRateLimiter(this " + client.OptionsName + " options, " + RateLimiting + ".RateLimiter limiter)"))
                {
                    writer.Line("global::System.ArgumentNullException.ThrowIfNull(options);");
                    writer.Line("global::System.ArgumentNullException.ThrowIfNull(limiter);");
                    writer.Line("options.RateLimiter = async cancellationToken =>");
                    writer.Line("{");
                    writer.Indent();
                    writer.Line(RateLimiting + ".RateLimitLease lease = await limiter.AcquireAsync(1, cancellationToken).ConfigureAwait(false);");
                    using (writer.Open("if (!lease.IsAcquired)"))
                    {
                        writer.Line("lease.Dispose();");
                        writer.Line("throw new global::System.InvalidOperationException(\"The rate limiter refused a permit (its queue is full); nothing was sent.\");");
                    }

                    writer.Line();
                    writer.Line("return lease;");
                    writer.Unindent();
                    writer.Line("};");
                    writer.Line("return options;");
                }
            }
        }

        return writer.ToString();
    }
}
