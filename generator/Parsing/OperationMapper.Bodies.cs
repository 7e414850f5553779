using System;
using System.Collections.Generic;
using System.Linq;
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
    private RequestBodySpec? MapBody(IOpenApiRequestBody requestBody, IDictionary<string, IOpenApiMediaType> content, string operationId, string typeHint, string pointer, NameScope names)
    {
        (string mediaType, IOpenApiMediaType media, BodyKind kind) = PickBodyMedia(content);
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
                    fields.Add(new ParameterSpec(fieldName, property.Key, ParameterLocation.FormField, fieldType, required.Contains(property.Key) && bodyRequired,
                        SchemaShapes.OwnDescription(property.Value), safe.Deprecated, ParameterStyle.Form, true));
                }

                return new RequestBodySpec(kind, mediaType, string.Empty, null, bodyRequired, requestBody.Description,
                    fields.Where(f => f.IsRequired).Concat(fields.Where(f => !f.IsRequired)).ToEquatableArray());
        }
    }

    // Form fields sent as text or bytes rather than as JSON: files, primitives, enums and lists of primitives or enums.
    private static bool IsFormText(TypeRef type)
    {
        static bool Scalar(TypeRef t) => t.IsPrimitive || t.Kind == TypeKind.Enum;
        return type.IsFile || Scalar(type) || (type.Kind == TypeKind.List && Scalar(type.Element!));
    }

    private static (string MediaType, IOpenApiMediaType Media, BodyKind Kind) PickBodyMedia(IDictionary<string, IOpenApiMediaType> content)
    {
        // Preference: JSON, then forms, then raw bytes, then text (the order of BodyKind).
        (string, IOpenApiMediaType, BodyKind)? best = null;
        foreach (KeyValuePair<string, IOpenApiMediaType> entry in content)
        {
            BodyKind kind = MediaTypes.BodyKindOf(entry.Key);
            if (best is null || kind < best.Value.Item3)
            {
                best = (MediaTypes.WithoutParameters(entry.Key), entry.Value, kind);
            }
        }

        return best!.Value;
    }
}
