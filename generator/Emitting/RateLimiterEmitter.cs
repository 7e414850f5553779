using AutoSend.Gen.Model;
using static AutoSend.Gen.Emitting.KnownTypes;

namespace AutoSend.Gen.Emitting;

/// <summary>
/// Writes <c>&lt;Options&gt;RateLimiterExtensions.UseRateLimiter</c>, which plugs a
/// <c>System.Threading.RateLimiting.RateLimiter</c> into the options' <c>RateLimiter</c> hook. Emitted only when the
/// consumer references System.Threading.RateLimiting (<see cref="ReferencedPackages.RateLimiting"/>): the runtime
/// takes no dependency and keeps a delegate.
/// </summary>
internal static class RateLimiterEmitter
{
    public static string Emit(EmitContext context)
    {
        ClientSpec client = context.Client;
        string options = context.TypeName(client.OptionsName);

        SourceWriter writer = context.StartFile(out SourceWriter.Block ns);
        using (ns)
        {
            DocComment.Summary(writer, null, "Client-side rate limiting for <see cref=\"" + options + "\"/> with <c>System.Threading.RateLimiting</c>.");
            writer.Line(context.GeneratedCodeAttribute);
            using (writer.Open("public static class " + client.RateLimiterExtensionsName))
            {
                DocComment.Summary(writer, null,
                    "Makes every attempt (retries included) wait for a permit of <paramref name=\"limiter\"/>, held until the attempt\nends, so that a bulk job stays under the API's rate limit instead of being answered 429.");
                writer.Lines($$"""
                    /// <remarks>
                    /// Share one limiter between all clients that use the same key. A lease the limiter refuses (its queue is full) ends
                    /// the call with <see cref="{{Bcl.InvalidOperationException}}"/> before anything is sent.
                    /// </remarks>
                    /// <param name="options">The client options.</param>
                    """);
                DocComment.Param(writer, "limiter", null, "The limiter, for example a <see cref=\"" + Extensions.TokenBucketRateLimiter + "\"/>.");
                writer.Lines($$"""
                    /// <returns><paramref name="options"/>.</returns>
                    public static {{options}} UseRateLimiter(this {{options}} options, {{Extensions.RateLimiter}} limiter)
                    {
                        {{context.ThrowIfNull("options")}}
                        {{context.ThrowIfNull("limiter")}}
                        options.RateLimiter = async cancellationToken =>
                        {
                            {{Extensions.RateLimitLease}} lease = await limiter.AcquireAsync(1, cancellationToken).ConfigureAwait(false);
                            if (!lease.IsAcquired)
                            {
                                lease.Dispose();
                                throw new {{Bcl.InvalidOperationException}}("The rate limiter refused a permit (its queue is full); nothing was sent.");
                            }

                            return lease;
                        };
                        return options;
                    }
                    """);
            }
        }

        return writer.ToString();
    }
}
