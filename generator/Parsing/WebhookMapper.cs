using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;
using AutoSend.Gen.Diagnostics;
using AutoSend.Gen.Helpers;
using AutoSend.Gen.Model;
using AutoSend.Gen.Naming;
using Microsoft.OpenApi;

namespace AutoSend.Gen.Parsing;

/// <summary>
/// Where OpenAPI 3.1 <c>webhooks</c> are read: each webhook's JSON payload becomes a model like any schema, and the
/// document gets a <c>&lt;Name&gt;Webhooks</c> class that verifies (<c>x-webhook-signature</c>) and parses a delivery.
/// A delivery is told apart by a payload property that names its webhook (a <c>const</c>, a one-value <c>enum</c> or
/// a discriminator mapping), else by the name the caller or the event header gives.
/// </summary>
internal sealed class WebhookMapper(SchemaMapper schemas, JsonTypeRegistry json, DiagnosticBag diagnostics)
{
    public const string SignatureExtension = "x-webhook-signature";

    public WebhooksSpec? Map(OpenApiDocument document, string baseName, NameScope typeNames)
    {
        if (document.Webhooks is not { Count: > 0 } webhooks)
        {
            return null;
        }

        var members = new NameScope("Name", "Payload", "IsKnown", "ToString", "Equals", "GetHashCode", "GetType");
        var result = new List<WebhookSpec>();
        var discriminators = new List<string?>();
        foreach (KeyValuePair<string, IOpenApiPathItem> webhook in webhooks)
        {
            string pointer = "#/webhooks/" + SourceLocator.Escape(webhook.Key);
            KeyValuePair<System.Net.Http.HttpMethod, OpenApiOperation> operation = (webhook.Value.Operations ?? new Dictionary<System.Net.Http.HttpMethod, OpenApiOperation>())
                .FirstOrDefault(o => o.Value.RequestBody?.Content is { Count: > 0 });
            KeyValuePair<string, IOpenApiMediaType> media = operation.Value?.RequestBody?.Content?
                .FirstOrDefault(c => MediaTypes.ResponseKindOf(c.Key, c.Value.Schema) == ResponseKind.Json) ?? default;
            if (media.Value?.Schema is not { } schema)
            {
                diagnostics.AddAtPointer(DiagnosticDescriptors.WebhookWithoutPayload, pointer, webhook.Key, ClassNameOf(baseName));
                continue;
            }

            string at = pointer + "/" + operation.Key.Method.ToLowerInvariant() + "/requestBody/content/" + SourceLocator.Escape(media.Key);
            TypeRef type = schemas.Map(schema, Identifier.ToPascalCase(webhook.Key, "Webhook", "Webhook") + "Payload", at + "/schema", out _);
            json.Register(type, nullable: false);
            result.Add(new WebhookSpec(webhook.Key, members.Allocate(Identifier.ToPascalCase(webhook.Key, "Webhook", "Webhook")), type, operation.Value!.Summary ?? operation.Value.Description));
            discriminators.Add(NamingProperty(schema, webhook.Key));
        }

        // The payload property that names the webhook: the same for every payload that has one.
        List<string> named = discriminators.Where(d => d is not null).Select(d => d!).Distinct(StringComparer.Ordinal).ToList();
        return new WebhooksSpec(typeNames.Allocate(ClassNameOf(baseName)), typeNames.Allocate(baseName + "Webhook"), result.ToEquatableArray(),
            named.Count == 1 ? named[0] : null, Signature(document));
    }

    private static string ClassNameOf(string baseName) => baseName + "Webhooks";

    // A top-level property whose only value is the webhook's name, or a discriminator that maps the name.
    private static string? NamingProperty(IOpenApiSchema schema, string webhookName)
    {
        if (SchemaShapes.Resolve(schema, out _) is not { } resolved)
        {
            return null;
        }

        if (resolved.Discriminator?.PropertyName is { } discriminator
            && (resolved.Discriminator.Mapping?.ContainsKey(webhookName) ?? false))
        {
            return discriminator;
        }

        foreach (KeyValuePair<string, IOpenApiSchema> property in resolved.Properties ?? new Dictionary<string, IOpenApiSchema>())
        {
            if (SchemaShapes.Resolve(property.Value, out _) is not { } value)
            {
                continue;
            }

            string? only = value.Const ?? (value.Enum is { Count: 1 } values ? (values[0] as JsonValue)?.ToString() : null);
            if (only == webhookName)
            {
                return property.Key;
            }
        }

        return null;
    }

    private WebhookSignatureSpec? Signature(OpenApiDocument document)
    {
        if (VendorExtensions.Get(document.Extensions, SignatureExtension) is not { } node)
        {
            return null;
        }

        const string at = "#/" + SignatureExtension;
        string Text(string key) => (node[key] as JsonValue)?.TryGetValue(out string? s) == true ? s!.Trim() : string.Empty;
        void Ignore(string reason) => diagnostics.AddAtPointer(DiagnosticDescriptors.ExtensionIgnored, at, SignatureExtension, "the document", reason);

        if (node is not JsonObject)
        {
            Ignore("it must be an object: { algorithm, header, encoding?, prefix?, timestampHeader?, timestampUnit?, tolerance?, eventHeader? }");
            return null;
        }

        if (!string.Equals(Text("algorithm"), "hmac-sha256", StringComparison.OrdinalIgnoreCase))
        {
            Ignore($"the algorithm '{Text("algorithm")}' is not supported (only hmac-sha256); deliveries cannot be verified");
            return null;
        }

        string header = Text("header"), encoding = Text("encoding").ToLowerInvariant(), unit = Text("timestampUnit").ToLowerInvariant();
        if (header.Length == 0 || encoding is not ("" or "hex" or "base64") || unit is not ("" or "seconds" or "milliseconds"))
        {
            Ignore("it needs a 'header', 'encoding' hex or base64, and 'timestampUnit' seconds or milliseconds");
            return null;
        }

        int? tolerance = 300;
        if (node["tolerance"] is JsonValue toleranceValue)
        {
            tolerance = SchemaShapes.IntegerValue(toleranceValue) is long seconds && seconds is >= 0 and <= int.MaxValue ? (seconds == 0 ? null : (int)seconds) : -1;
            if (tolerance == -1)
            {
                Ignore("'tolerance' must be a whole number of seconds (0 does not check the age)");
                return null;
            }
        }

        string timestampHeader = Text("timestampHeader"), prefix = Text("prefix"), eventHeader = Text("eventHeader");
        return new WebhookSignatureSpec(header, encoding == "base64", prefix.Length > 0 ? prefix : null,
            timestampHeader.Length > 0 ? timestampHeader : null, unit == "milliseconds", timestampHeader.Length > 0 ? tolerance : null,
            eventHeader.Length > 0 ? eventHeader : null);
    }
}
