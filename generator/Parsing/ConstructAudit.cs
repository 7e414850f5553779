using System;
using System.Collections.Generic;
using System.Linq;
using AutoSend.Gen.Diagnostics;
using Microsoft.OpenApi;

namespace AutoSend.Gen.Parsing;

/// <summary>
/// Never silence: walks the whole document once and reports each construct the generated client does not use
/// (callbacks, links, <c>patternProperties</c>, conditional and content keywords, unknown formats, XML, ...) where
/// it is written, once per construct kind and place. What the client does use is mapped elsewhere; validation keywords
/// and documentation (examples, contact, ...) are not enforced by design (docs/diagnostics.md, AG0013).
/// </summary>
internal sealed class ConstructAudit(DiagnosticBag diagnostics, bool swagger2)
{
    // Formats the client maps to a type, or deliberately to string (README, "How OpenAPI maps to C#").
    private static readonly HashSet<string> s_knownFormats = new(StringComparer.Ordinal)
    {
        "date-time", "date", "time", "duration", "uuid", "byte", "binary", "base64", "int32", "int64", "float", "double", "decimal",
        "uri", "uri-reference", "uri-template", "url", "iri", "iri-reference", "email", "idn-email", "hostname", "idn-hostname",
        "ipv4", "ipv6", "password", "regex", "json-pointer", "relative-json-pointer", "char", "string", "number", "integer",
        "date-time-local", "time-local", "unixtime", "int8", "int16", "uint8", "uint16", "uint32", "uint64", "phone", "html",
    };

    private static readonly string[] s_defaultDialects =
    [
        "https://spec.openapis.org/oas/3.1/dialect/base", "https://spec.openapis.org/oas/3.1/dialect/2024-10-25",
        "https://spec.openapis.org/oas/3.2/dialect/2025-09-17", "https://json-schema.org/draft/2020-12/schema",
    ];

    private readonly HashSet<IOpenApiSchema> _visited = new(SameInstance.Comparer);

    public void Audit(OpenApiDocument document)
    {
        if (document.JsonSchemaDialect is { } dialect && !s_defaultDialects.Contains(dialect.OriginalString.TrimEnd('#'), StringComparer.Ordinal))
        {
            Report("#/jsonSchemaDialect", "jsonSchemaDialect", $"schemas are read as the OpenAPI dialect of JSON Schema, not as '{dialect.OriginalString}'");
        }

        OpenApiComponents? components = document.Components;
        foreach (KeyValuePair<string, IOpenApiSchema> schema in components?.Schemas ?? new Dictionary<string, IOpenApiSchema>())
        {
            Schema(schema.Value, "#/components/schemas/" + SourceLocator.Escape(schema.Key));
        }

        foreach (string name in (components?.Callbacks ?? new Dictionary<string, IOpenApiCallback>()).Keys)
        {
            Report("#/components/callbacks/" + SourceLocator.Escape(name), "callbacks", "the client has no server to receive them; handle the requests in your own endpoint");
        }

        foreach (string name in (components?.Links ?? new Dictionary<string, IOpenApiLink>()).Keys)
        {
            Report("#/components/links/" + SourceLocator.Escape(name), "links", "a link describes how responses lead to other calls; make those calls yourself");
        }

        foreach (KeyValuePair<string, IOpenApiPathItem> path in document.Paths ?? new OpenApiPaths())
        {
            string pathPointer = "#/paths/" + SourceLocator.Escape(path.Key);
            PathItem(path.Value, pathPointer);
        }

        foreach (KeyValuePair<string, IOpenApiPathItem> webhook in document.Webhooks ?? new Dictionary<string, IOpenApiPathItem>())
        {
            PathItem(webhook.Value, "#/webhooks/" + SourceLocator.Escape(webhook.Key));
        }
    }

    private void PathItem(IOpenApiPathItem item, string pointer)
    {
        if (item is OpenApiPathItemReference)
        {
            return;
        }

        foreach (KeyValuePair<System.Net.Http.HttpMethod, OpenApiOperation> entry in item.Operations ?? new Dictionary<System.Net.Http.HttpMethod, OpenApiOperation>())
        {
            string at = pointer + "/" + entry.Key.Method.ToLowerInvariant();
            OpenApiOperation operation = entry.Value;
            if (operation.Callbacks is { Count: > 0 })
            {
                Report(at + "/callbacks", "callbacks", "the client has no server to receive them; handle the requests in your own endpoint");
            }

            for (int i = 0; i < (operation.Parameters?.Count ?? 0); i++)
            {
                Schema(operation.Parameters![i].Schema, at + "/parameters/" + i + "/schema");
            }

            foreach (KeyValuePair<string, IOpenApiMediaType> media in operation.RequestBody?.Content ?? new Dictionary<string, IOpenApiMediaType>())
            {
                Media(media.Value, at + "/requestBody/content/" + SourceLocator.Escape(media.Key));
            }

            foreach (KeyValuePair<string, IOpenApiResponse> response in operation.Responses ?? new OpenApiResponses())
            {
                string responsePointer = at + "/responses/" + SourceLocator.Escape(response.Key);
                if (response.Value.Links is { Count: > 0 })
                {
                    Report(responsePointer + "/links", "links", "a link describes how responses lead to other calls; make those calls yourself");
                }

                foreach (KeyValuePair<string, IOpenApiHeader> header in response.Value.Headers ?? new Dictionary<string, IOpenApiHeader>())
                {
                    Header(header.Key, header.Value, responsePointer + "/headers/" + SourceLocator.Escape(header.Key));
                }

                foreach (KeyValuePair<string, IOpenApiMediaType> media in response.Value.Content ?? new Dictionary<string, IOpenApiMediaType>())
                {
                    Media(media.Value, responsePointer + "/content/" + SourceLocator.Escape(media.Key));
                }
            }
        }

        for (int i = 0; i < (item.Parameters?.Count ?? 0); i++)
        {
            Schema(item.Parameters![i].Schema, pointer + "/parameters/" + i + "/schema");
        }
    }

    private void Media(IOpenApiMediaType media, string pointer)
    {
        Schema(media.Schema, pointer + "/schema");
        if (media.PrefixEncoding is { Count: > 0 })
        {
            Report(pointer + "/prefixEncoding", "prefixEncoding", "the parts are sent with their default encoding");
        }

        if (media.ItemEncoding is not null)
        {
            Report(pointer + "/itemEncoding", "itemEncoding", "the parts are sent with their default encoding");
        }
    }

    // A response header the client cannot type: one described by content rather than a scalar schema.
    private void Header(string name, IOpenApiHeader header, string pointer)
    {
        if (header is OpenApiHeaderReference)
        {
            return;
        }

        if (header.Content is { Count: > 0 })
        {
            Report(pointer + "/content", "header content", $"the header '{name}' is described by a media type, which the client cannot type; read it from the raw response");
            return;
        }

        IOpenApiSchema? schema = header.Schema is null ? null : SchemaShapes.Resolve(header.Schema, out _);
        if (schema is not null && (schema.Properties is { Count: > 0 } || (schema.Type is { } type && (type & (JsonSchemaType.Object)) != 0)))
        {
            Report(pointer + "/schema", "header schema", $"the header '{name}' holds an object, which the client cannot type; read it from the raw response");
        }
    }

    private void Schema(IOpenApiSchema? schema, string pointer)
    {
        // A reference is audited where its target is declared; an inline schema only once.
        if (schema is null || schema is OpenApiSchemaReference || !_visited.Add(schema))
        {
            return;
        }

        if (schema.PatternProperties is { Count: > 0 })
        {
            Report(pointer + "/patternProperties", "patternProperties", "properties matching a pattern are kept with the other unknown properties, untyped");
        }

        if (schema.Format is { Length: > 0 } format && !s_knownFormats.Contains(format))
        {
            Report(pointer + "/format", "format", $"the format '{format}' is unknown; the value keeps the type of its 'type'");
        }

        if (schema.Discriminator?.DefaultMapping is not null)
        {
            Report(pointer + "/discriminator/defaultMapping", "defaultMapping", "a value the mapping does not name is read as the union's unknown variant, not as the default schema");
        }

        if (schema.Xml is not null)
        {
            Report(pointer + "/xml", "xml", "the client reads and writes JSON only");
        }

        if (schema is OpenApiSchema full)
        {
            if (full.If is not null || full.Then is not null || full.Else is not null)
            {
                Report(pointer + (full.If is not null ? "/if" : full.Then is not null ? "/then" : "/else"), "if/then/else", "conditional schemas are not typed; the properties of the schema itself are");
            }

            if (full.DependentSchemas is { Count: > 0 })
            {
                Report(pointer + "/dependentSchemas", "dependentSchemas", "schemas that apply when a property is present are not typed");
            }

            if (full.Contains is not null)
            {
                Report(pointer + "/contains", "contains", "the array's items keep the type of 'items'");
            }

            if (full.ContentSchema is not null || full.ContentMediaType is not null || full.ContentEncoding is not null)
            {
                Report(pointer + (full.ContentEncoding is not null ? "/contentEncoding" : full.ContentMediaType is not null ? "/contentMediaType" : "/contentSchema"),
                    "content keywords", "the string is not decoded or parsed; it stays a string");
            }

            if (full.UnevaluatedPropertiesSchema is not null)
            {
                Report(pointer + "/unevaluatedProperties", "unevaluatedProperties", "unevaluated properties are kept with the other unknown properties, untyped");
            }

            if (full.DynamicRef is not null)
            {
                Report(pointer + "/$dynamicRef", "$dynamicRef", "the dynamic reference is not followed; the value is typed as JsonNode");
            }

            Schemas(full.If, full.Then, full.Else, full.Contains, full.ContentSchema, full.UnevaluatedPropertiesSchema, full.PropertyNames);
            foreach (KeyValuePair<string, IOpenApiSchema> dependent in full.DependentSchemas ?? new Dictionary<string, IOpenApiSchema>())
            {
                Schema(dependent.Value, pointer + "/dependentSchemas/" + SourceLocator.Escape(dependent.Key));
            }
        }

        foreach (string keyword in (schema.UnrecognizedKeywords ?? new Dictionary<string, System.Text.Json.Nodes.JsonNode>()).Keys)
        {
            Report(pointer + "/" + SourceLocator.Escape(keyword), keyword, $"'{keyword}' is not a keyword the generator knows; the schema is mapped without it");
        }

        foreach (KeyValuePair<string, IOpenApiSchema> property in schema.Properties ?? new Dictionary<string, IOpenApiSchema>())
        {
            Schema(property.Value, pointer + "/properties/" + SourceLocator.Escape(property.Key));
        }

        foreach (KeyValuePair<string, IOpenApiSchema> property in schema.PatternProperties ?? new Dictionary<string, IOpenApiSchema>())
        {
            Schema(property.Value, pointer + "/patternProperties/" + SourceLocator.Escape(property.Key));
        }

        Schema(schema.Items, pointer + "/items");
        Schema(schema.AdditionalProperties, pointer + "/additionalProperties");
        Schema(schema.Not, pointer + "/not");
        List("allOf", schema.AllOf);
        List("anyOf", schema.AnyOf);
        List("oneOf", schema.OneOf);
        foreach (KeyValuePair<string, IOpenApiSchema> definition in schema.Definitions ?? new Dictionary<string, IOpenApiSchema>())
        {
            Schema(definition.Value, pointer + "/$defs/" + SourceLocator.Escape(definition.Key));
        }

        void List(string keyword, IList<IOpenApiSchema>? list)
        {
            for (int i = 0; i < (list?.Count ?? 0); i++)
            {
                Schema(list![i], pointer + "/" + keyword + "/" + i);
            }
        }

        void Schemas(params IOpenApiSchema?[] nested)
        {
            string[] names = ["if", "then", "else", "contains", "contentSchema", "unevaluatedProperties", "propertyNames"];
            for (int i = 0; i < nested.Length; i++)
            {
                Schema(nested[i], pointer + "/" + names[i]);
            }
        }
    }

    // A Swagger 2.0 document is read as 3.0: its schemas are written under definitions.
    private void Report(string pointer, string construct, string consequence) =>
        diagnostics.AddAtPointer(DiagnosticDescriptors.NotMapped,
            swagger2 && pointer.StartsWith("#/components/schemas/", StringComparison.Ordinal) ? "#/definitions/" + pointer.Substring("#/components/schemas/".Length) : pointer,
            construct, consequence);
}

/// <summary>Compares schema objects by identity (netstandard2.0 has no ReferenceEqualityComparer).</summary>
internal sealed class SameInstance : IEqualityComparer<IOpenApiSchema>
{
    public static readonly SameInstance Comparer = new();

    public bool Equals(IOpenApiSchema? x, IOpenApiSchema? y) => ReferenceEquals(x, y);

    public int GetHashCode(IOpenApiSchema obj) => System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(obj);
}
