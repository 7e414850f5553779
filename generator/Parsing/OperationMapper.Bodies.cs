using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;
using AutoSend.Gen.Helpers;
using AutoSend.Gen.Model;
using AutoSend.Gen.Naming;
using Microsoft.OpenApi;
using ParameterLocation = AutoSend.Gen.Model.ParameterLocation;
using ParameterStyle = AutoSend.Gen.Model.ParameterStyle;

namespace AutoSend.Gen.Parsing;

/// <summary>Request bodies: JSON, forms (each property a method parameter), raw bytes and text.</summary>
internal sealed partial class OperationMapper
{
    private RequestBodySpec? MapBody(IOpenApiRequestBody requestBody, (string MediaType, IOpenApiMediaType Media, BodyKind Kind) choice, string operationId, string typeHint,
        string pointer, NameScope names)
    {
        (string mediaType, IOpenApiMediaType media, BodyKind kind) = choice;
        switch (kind)
        {
            case BodyKind.Json:
                TypeRef type = _schemas.Map(media.Schema, typeHint + "Request", pointer + "/content", out _);
                _json.Register(type, nullable: false);
                return new RequestBodySpec(BodyKind.Json, mediaType, names.Allocate("body"), type, requestBody.Required, requestBody.Description, EquatableArray<ParameterSpec>.Empty);
            case BodyKind.Binary:
                return new RequestBodySpec(BodyKind.Binary, mediaType, names.Allocate("content"), Primitives.Stream, requestBody.Required, requestBody.Description, EquatableArray<ParameterSpec>.Empty);
            case BodyKind.Text:
                return new RequestBodySpec(BodyKind.Text, mediaType, names.Allocate("body"), Primitives.String, requestBody.Required, requestBody.Description, EquatableArray<ParameterSpec>.Empty);
            default:
                IOpenApiSchema? schema = media.Schema is null ? null : SchemaShapes.Resolve(media.Schema, out _);
                if (schema?.Properties is not { Count: > 0 } properties)
                {
                    Skip(requestBody.Required, operationId, pointer, $"a '{mediaType}' body must be an object with properties");
                    return null;
                }

                var fields = new List<ParameterSpec>();
                var required = new HashSet<string>(schema.Required ?? new HashSet<string>(), StringComparer.Ordinal);

                // A form with required fields is sent: Swagger 2.0 formData parameters marked required arrive as a
                // schema's required list on a body the reader leaves optional.
                bool bodyRequired = requestBody.Required || required.Count > 0;
                foreach (KeyValuePair<string, IOpenApiSchema> property in properties)
                {
                    IOpenApiSchema safe = SchemaShapes.Safe(property.Value);
                    TypeRef fieldType = MediaTypes.IsBinary(safe) ? Primitives.File
                        : safe.Type is { } t && (t & JsonSchemaType.Array) != 0 && safe.Items is { } items && MediaTypes.IsBinary(items) ? Primitives.FileList
                        : _schemas.Map(property.Value, typeHint + Identifier.ToPascalCase(property.Key, "_", "Field"), pointer + "/content/properties/" + SourceLocator.Escape(property.Key), out _);
                    if (!IsFormText(fieldType))
                    {
                        // Structured fields travel as JSON text in their part.
                        _json.Register(fieldType, nullable: false);
                    }

                    string fieldName = names.Allocate(ValidParameterName(VendorExtensions.GetString(safe.Extensions, VendorExtensions.CSharpName))
                        ?? Identifier.ToCamelCase(property.Key, "field"));
                    OpenApiEncoding? encoding = kind == BodyKind.Multipart && media.Encoding is { } encodings && encodings.TryGetValue(property.Key, out OpenApiEncoding? e) ? e : null;
                    fields.Add(new ParameterSpec(fieldName, property.Key, ParameterLocation.FormField, fieldType, required.Contains(property.Key) && bodyRequired,
                        SchemaShapes.OwnDescription(property.Value), safe.Deprecated, ParameterStyle.Form, true,
                        PartContentType: encoding?.ContentType?.Split(',')[0].Trim() is { Length: > 0 } partType ? partType : null,
                        PartHeaders: PartHeaders(encoding)));
                }

                return new RequestBodySpec(kind, mediaType, string.Empty, null, bodyRequired, requestBody.Description,
                    fields.Where(f => f.IsRequired).Concat(fields.Where(f => !f.IsRequired)).ToEquatableArray());
        }
    }

    // The headers a multipart part declares in its encoding that the document gives a value for (a default, or a
    // single enum value); the others cannot be filled in by generated code.
    private static EquatableArray<PartHeaderSpec> PartHeaders(OpenApiEncoding? encoding)
    {
        var headers = new List<PartHeaderSpec>();
        foreach (KeyValuePair<string, IOpenApiHeader> header in encoding?.Headers ?? new Dictionary<string, IOpenApiHeader>())
        {
            if (header.Key.Equals("Content-Type", StringComparison.OrdinalIgnoreCase) || header.Key.Equals("Content-Disposition", StringComparison.OrdinalIgnoreCase))
            {
                // OpenAPI: these are described by contentType and by the form itself.
                continue;
            }

            JsonNode? value = header.Value.Schema?.Default ?? (header.Value.Schema?.Enum is { Count: 1 } single ? single[0] : null);
            if (value is JsonValue scalar && (scalar.TryGetValue(out string? text) ? text : scalar.ToJsonString()) is { Length: > 0 } wire
                && wire.IndexOfAny(['\r', '\n']) < 0)
            {
                headers.Add(new PartHeaderSpec(header.Key, wire));
            }
        }

        return headers.ToEquatableArray();
    }

    // Form fields sent as text or bytes rather than as JSON: files, primitives, enums and lists of primitives or enums.
    private static bool IsFormText(TypeRef type)
    {
        static bool Scalar(TypeRef t) => t.IsPrimitive || t.Kind == TypeKind.Enum;
        return type.IsFile || Scalar(type) || (type.Kind == TypeKind.List && Scalar(type.Element!));
    }

    // Every media type of a body by preference: JSON, then forms, then raw bytes, then text (the order of BodyKind),
    // in document order within a kind.
    private static List<(string MediaType, IOpenApiMediaType Media, BodyKind Kind)> BodyMedia(IDictionary<string, IOpenApiMediaType> content) =>
        content.Select((entry, index) => (Choice: (MediaTypes.WithoutParameters(entry.Key), entry.Value, MediaTypes.BodyKindOf(entry.Key)), Index: index))
            .OrderBy(c => c.Choice.Item3).ThenBy(c => c.Index).Select(c => c.Choice).ToList();
}
