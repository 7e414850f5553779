using System.Linq;
using AutoSend.Gen.Model;

namespace AutoSend.Gen.Emitting;

/// <summary>
/// Writes what a receiver of the document's webhooks uses: the <c>&lt;Name&gt;Webhooks</c> class (verify, then parse a
/// delivery) and the <c>&lt;Name&gt;Webhook</c> class a parsed delivery is, with one typed property per webhook.
/// </summary>
internal static class WebhooksEmitter
{
    private const string Primitives = "global::AutoSend.Runtime.Primitives";
    private const string HeadersType = "global::System.Func<string, string?>";

    public static string EmitDelivery(EmitContext context, WebhooksSpec webhooks)
    {
        SourceWriter writer = context.StartFile(out SourceWriter.Block ns);
        using (ns)
        {
            DocComment.Summary(writer, null, "A webhook delivery, read by <see cref=\"" + webhooks.ClassName + "\"/>: its webhook's name and its payload.");
            writer.Line("/// <remarks>Each webhook's payload has its own property, null unless the delivery is of that webhook.</remarks>");
            writer.Line(context.GeneratedCodeAttribute);
            using (writer.Open("public sealed partial class " + webhooks.DeliveryName))
            {
                using (writer.Open("internal " + webhooks.DeliveryName + "(string name, object payload, bool isKnown)"))
                {
                    writer.Line("Name = name;");
                    writer.Line("Payload = payload;");
                    writer.Line("IsKnown = isKnown;");
                }

                writer.Line();
                DocComment.Summary(writer, null, "The webhook's name, as the document writes it.");
                writer.Line("public string Name { get; }");
                writer.Line();
                DocComment.Summary(writer, null, "The payload: an instance of the webhook's payload type, or the JSON as a <see cref=\"global::System.Text.Json.Nodes.JsonNode\"/> for a webhook the document does not declare.");
                writer.Line("public object Payload { get; }");
                writer.Line();
                DocComment.Summary(writer, null, "Whether the document declares the webhook (else <see cref=\"Payload\"/> is the JSON as it came).");
                writer.Line("public bool IsKnown { get; }");
                foreach (WebhookSpec webhook in webhooks.Webhooks)
                {
                    writer.Line();
                    DocComment.Summary(writer, webhook.Summary, "The payload of a <c>" + DocComment.Inline(webhook.Name) + "</c> delivery.");
                    writer.Line("/// <remarks>Null unless <see cref=\"Name\"/> is <c>" + DocComment.Inline(webhook.Name) + "</c>.</remarks>");
                    writer.Line("public " + context.TypeName(webhook.PayloadType, nullable: true) + " " + webhook.PropertyName + " => IsKnown && Name == " + Literal.String(webhook.Name)
                        + " ? (" + context.TypeName(webhook.PayloadType, nullable: true) + ")Payload : null;");
                }

                writer.Line();
                DocComment.Summary(writer, null, "Names the webhook.");
                writer.Line("public override string ToString() => Name;");
            }
        }

        return writer.ToString();
    }

    public static string EmitParser(EmitContext context, WebhooksSpec webhooks)
    {
        WebhookSignatureSpec? signature = webhooks.Signature;
        string delivery = webhooks.DeliveryName;
        SourceWriter writer = context.StartFile(out SourceWriter.Block ns);
        using (ns)
        {
            DocComment.Summary(writer, null, "Reads the webhook deliveries of " + (context.Client.Title.Length > 0 ? "the " + DocComment.Inline(context.Client.Title) : "the API")
                + (signature is null ? "." : ", after verifying their signature."));
            writer.Line("/// <remarks>");
            writer.Line("/// Webhooks: " + string.Join(", ", webhooks.Webhooks.Select(w => "<c>" + DocComment.Inline(w.Name) + "</c>")) + ".");
            writer.Line("/// " + (webhooks.Discriminator is { } d
                ? "A delivery's webhook is named by its payload's <c>" + DocComment.Inline(d) + "</c> property" + (signature?.EventHeader is { } h ? ", else by the <c>" + DocComment.Inline(h) + "</c> header." : ", else by the name given.")
                : signature?.EventHeader is { } header ? "A delivery's webhook is named by the <c>" + DocComment.Inline(header) + "</c> header." : "A delivery's webhook is named by the caller."));
            writer.Line("/// </remarks>");
            writer.Line(context.GeneratedCodeAttribute);
            using (writer.Open("public static partial class " + webhooks.ClassName))
            {
                if (signature is not null)
                {
                    writer.Line("private static readonly " + Primitives + ".ApiWebhookSignature s_signature = " + (context.Features.CSharp9 ? "new(" : "new " + Primitives + ".ApiWebhookSignature(") + Literal.String(signature.Header) + ", "
                        + (signature.Base64 ? "true" : "false") + ", " + (signature.Prefix is null ? "null" : Literal.String(signature.Prefix)) + ", "
                        + (signature.TimestampHeader is null ? "null" : Literal.String(signature.TimestampHeader)) + ", " + (signature.TimestampInMilliseconds ? "true" : "false") + ", "
                        + (signature.ToleranceSeconds is { } seconds ? "global::System.TimeSpan.FromSeconds(" + seconds + ")" : "null") + ");");
                    writer.Line();
                    WriteVerifyDocs(writer, signature);
                    DocComment.Returns(writer, null, "The delivery, with its typed payload.");
                    writer.Line("/// <exception cref=\"global::AutoSend.Runtime.ApiWebhookSignatureException\">The signature or timestamp is missing or wrong: refuse the delivery (for example with 401). No payload is returned.</exception>");
                    writer.Line("/// <exception cref=\"global::System.FormatException\">The delivery is signed but its body is not the documented JSON, or its webhook cannot be told.</exception>");
                    using (writer.Open("public static " + delivery + " Parse(global::System.ReadOnlySpan<byte> body, " + HeadersType + " headers, string secret, global::System.TimeProvider? clock = null)"))
                    {
                        writer.Line("s_signature.Verify(body, headers, secret, clock);");
                        writer.Line("return ParseUnverified(body, " + (signature.EventHeader is { } eventHeader ? "headers(" + Literal.String(eventHeader) + ")" : "null") + ");");
                    }

                    writer.Line();
                    WriteVerifyDocs(writer, signature);
                    writer.Line("/// <exception cref=\"global::AutoSend.Runtime.ApiWebhookSignatureException\">The signature or timestamp is missing or wrong.</exception>");
                    writer.Line("public static void Verify(global::System.ReadOnlySpan<byte> body, " + HeadersType + " headers, string secret, global::System.TimeProvider? clock = null)");
                    writer.Line("    => s_signature.Verify(body, headers, secret, clock);");
                    writer.Line();
                }

                DocComment.Summary(writer, null, signature is null
                    ? "Parses a delivery."
                    : "Parses a delivery <b>without verifying it</b>: only for a body whose signature was checked otherwise (<see cref=\"Parse\"/> verifies it).");
                DocComment.Param(writer, "body", null, "The raw request body.");
                DocComment.Param(writer, "webhookName", null, webhooks.Discriminator is null
                    ? "The webhook's name, as the document writes it."
                    : "The webhook's name, used when the payload does not name it.");
                DocComment.Returns(writer, null, "The delivery, with its typed payload.");
                writer.Line("/// <exception cref=\"global::System.FormatException\">The body is not the documented JSON, or its webhook cannot be told.</exception>");
                string method = signature is null ? "Parse" : "ParseUnverified";
                using (writer.Open("public static " + delivery + " " + method + "(global::System.ReadOnlySpan<byte> body, string? webhookName = null)"))
                {
                    writer.Line("string? name = " + (webhooks.Discriminator is { } property
                        ? Primitives + ".ApiWebhookSignature.ReadTopLevelString(body, " + Literal.String(property) + ") ?? webhookName;"
                        : "webhookName;"));
                    using (writer.Open("if (name is null)"))
                    {
                        writer.Line("throw new global::System.FormatException(\"The webhook delivery does not say which webhook it is; pass its name.\");");
                    }

                    writer.Line();
                    using (writer.Open("try"))
                    {
                        using (writer.Open("switch (name)"))
                        {
                            foreach (WebhookSpec webhook in webhooks.Webhooks)
                            {
                                writer.Line("case " + Literal.String(webhook.Name) + ":");
                                writer.Line("    return new " + delivery + "(name, global::System.Text.Json.JsonSerializer.Deserialize(body, " + context.TypeInfo(webhook.PayloadType.InfoName) + ")"
                                    // A value type cannot be null: the serializer itself refuses a JSON null for it.
                                    + (webhook.PayloadType.IsValueType ? string.Empty : " ?? throw Null(name)") + ", true);");
                            }

                            writer.Line("default:");
                            writer.Line("    return new " + delivery + "(name, global::System.Text.Json.Nodes.JsonNode.Parse(body) ?? throw Null(name), false);");
                        }
                    }

                    using (writer.Open("catch (global::System.Text.Json.JsonException exception)"))
                    {
                        writer.Line("throw new global::System.FormatException(\"The '\" + name + \"' webhook delivery is not the documented JSON: \" + exception.Message, exception);");
                    }
                }

                writer.Line();
                writer.Line("private static global::System.FormatException Null(string name) => " + (context.Features.CSharp9 ? "new(" : "new global::System.FormatException(") + "\"The '\" + name + \"' webhook delivery is the JSON null, not a payload.\");");
            }
        }

        return writer.ToString();
    }

    private static void WriteVerifyDocs(SourceWriter writer, WebhookSignatureSpec signature)
    {
        DocComment.Summary(writer, null, "Verifies a delivery: the HMAC-SHA256 of the raw body in <c>" + DocComment.Inline(signature.Header) + "</c> (compared in constant time)"
            + (signature.TimestampHeader is { } time
                ? ", and that <c>" + DocComment.Inline(time) + "</c> is " + (signature.ToleranceSeconds is { } s ? "at most " + s + " s old" : "present") + "."
                : "."));
        DocComment.Param(writer, "body", null, "The raw request body, exactly as received (before any parsing).");
        DocComment.Param(writer, "headers", null, "Returns a request header by name, or null; for ASP.NET Core: <c>name =&gt; request.Headers[name]</c>.");
        DocComment.Param(writer, "secret", null, "The webhook's signing secret.");
        DocComment.Param(writer, "clock", null, "The clock the timestamp is checked against; null uses the system clock.");
    }
}
