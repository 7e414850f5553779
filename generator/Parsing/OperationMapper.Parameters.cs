using System;
using System.Collections.Generic;
using System.Linq;
using AutoSend.Gen.Model;
using AutoSend.Gen.Naming;
using Microsoft.OpenApi;
using OpenApiParameterLocation = Microsoft.OpenApi.ParameterLocation;
using ParameterLocation = AutoSend.Gen.Model.ParameterLocation;
using ParameterStyle = AutoSend.Gen.Model.ParameterStyle;

namespace AutoSend.Gen.Parsing;

/// <summary>Path, query, header and cookie parameters: location, style, type and C# name.</summary>
internal sealed partial class OperationMapper
{
    // Set by the client itself (content negotiation, credentials), never by a method parameter.
    private static readonly string[] s_ignoredHeaders = ["accept", "content-type", "authorization"];

    /// <summary>The operation's parameters in declaration order, or null when a required one cannot be sent.</summary>
    private List<ParameterSpec>? MapParameters(IOpenApiPathItem pathItem, OpenApiOperation operation, string operationId, string typeHint, string pointer, NameScope names)
    {
        var parameters = new List<ParameterSpec>();
        foreach ((IOpenApiParameter parameter, string parameterPointer) in MergeParameters(pathItem, operation, pointer))
        {
            if (parameter.Name is null || parameter.In is null)
            {
                continue;
            }

            if (parameter.In == OpenApiParameterLocation.Header && s_ignoredHeaders.Contains(parameter.Name.ToLowerInvariant()))
            {
                continue;
            }

            ParameterLocation? location = parameter.In switch
            {
                OpenApiParameterLocation.Path => ParameterLocation.Path,
                OpenApiParameterLocation.Query => ParameterLocation.Query,
                OpenApiParameterLocation.Header => ParameterLocation.Header,
                OpenApiParameterLocation.Cookie => ParameterLocation.Cookie,
                _ => null,
            };
            bool required = parameter.Required || location == ParameterLocation.Path;
            if (location is null)
            {
                if (!Skip(required, operationId, parameterPointer, $"{parameter.In} parameter '{parameter.Name}' is not supported"))
                {
                    return null;
                }

                continue;
            }

            IOpenApiSchema? schema = parameter.Schema ?? parameter.Content?.Values.FirstOrDefault()?.Schema;
            TypeRef type = _schemas.Map(schema, typeHint + Identifier.ToPascalCase(parameter.Name, "_", "Parameter"), parameterPointer + "/schema", out _);
            ParameterStyle style = Style(parameter, location.Value);
            bool explode = parameter.Explode || (parameter.Style is null && style == ParameterStyle.Form);
            if (_collectionFormats is not null && location == ParameterLocation.Query && type.Kind == TypeKind.List && style == ParameterStyle.Form
                && CollectionFormat(parameter, parameterPointer) is null or "csv")
            {
                // Swagger 2.0's default collectionFormat, csv, is form without explode: ids=1,2.
                explode = false;
            }

            string? unsupported = CheckParameterType(type, location.Value, style);
            if (unsupported is not null)
            {
                if (!Skip(required, operationId, parameterPointer, $"parameter '{parameter.Name}': {unsupported}"))
                {
                    return null;
                }

                continue;
            }

            string name = AllocateParameterName(names, parameter, location.Value);
            string? shared = SharedOption(parameter);
            string? defaultValue = SchemaShapes.DefaultText(schema);

            // A shared header can come from the options, so the call need not pass it.
            parameters.Add(new ParameterSpec(name, parameter.Name, location.Value, type, required && shared is null, parameter.Description, parameter.Deprecated, style, explode,
                AllowReserved: parameter.AllowReserved && location == ParameterLocation.Query, SharedOption: shared, DefaultValue: defaultValue, RequiredByDocument: required && shared is not null));
        }

        return parameters;
    }

    // A Swagger 2.0 parameter's collectionFormat as written, for the parameter itself or the shared one it refers to.
    private string? CollectionFormat(IOpenApiParameter parameter, string pointer)
    {
        string at = parameter is OpenApiParameterReference { Reference.Id: { } id } ? "/parameters/" + SourceLocator.Escape(id) : pointer.TrimStart('#');
        return _collectionFormats!.TryGetValue(at, out string? format) ? format : null;
    }

    private static IEnumerable<(IOpenApiParameter Parameter, string Pointer)> MergeParameters(IOpenApiPathItem pathItem, OpenApiOperation operation, string pointer)
    {
        // Operation parameters override path-level ones with the same name and location.
        var result = new List<(IOpenApiParameter, string)>();
        var operationParameters = operation.Parameters ?? [];
        for (int i = 0; i < operationParameters.Count; i++)
        {
            result.Add((operationParameters[i], pointer + "/parameters/" + i));
        }

        IList<IOpenApiParameter> shared = pathItem.Parameters ?? [];
        string pathPointer = pointer.Substring(0, pointer.LastIndexOf('/'));
        for (int i = 0; i < shared.Count; i++)
        {
            if (!operationParameters.Any(p => p.Name == shared[i].Name && p.In == shared[i].In))
            {
                result.Add((shared[i], pathPointer + "/parameters/" + i));
            }
        }

        return result;
    }

    private static string AllocateParameterName(NameScope names, IOpenApiParameter parameter, ParameterLocation location)
    {
        if (ValidParameterName(VendorExtensions.GetString(parameter.Extensions, VendorExtensions.CSharpName)) is { } custom)
        {
            return names.Allocate(custom);
        }

        string full = Identifier.ToCamelCase(parameter.Name!, "parameter");

        // x-project-id → projectId, unless that name is taken (then xProjectId).
        if (location == ParameterLocation.Header && parameter.Name!.StartsWith("x-", StringComparison.OrdinalIgnoreCase) && parameter.Name.Length > 2)
        {
            string stripped = Identifier.ToCamelCase(parameter.Name.Substring(2), "parameter");
            if (!names.IsTaken(Identifier.Unescape(stripped)) && !names.IsTaken(stripped))
            {
                return names.Allocate(stripped);
            }
        }

        return names.Allocate(full);
    }

    private static ParameterStyle Style(IOpenApiParameter parameter, ParameterLocation location) => parameter.Style switch
    {
        Microsoft.OpenApi.ParameterStyle.Form => ParameterStyle.Form,
        Microsoft.OpenApi.ParameterStyle.Label => ParameterStyle.Label,
        Microsoft.OpenApi.ParameterStyle.Matrix => ParameterStyle.Matrix,
        Microsoft.OpenApi.ParameterStyle.SpaceDelimited => ParameterStyle.SpaceDelimited,
        Microsoft.OpenApi.ParameterStyle.PipeDelimited => ParameterStyle.PipeDelimited,
        Microsoft.OpenApi.ParameterStyle.DeepObject => ParameterStyle.DeepObject,
        Microsoft.OpenApi.ParameterStyle.Simple => ParameterStyle.Simple,
        _ => location is ParameterLocation.Query or ParameterLocation.Cookie ? ParameterStyle.Form : ParameterStyle.Simple,
    };

    /// <summary>Why a parameter type cannot be sent where it is declared, or null when it can: scalars, arrays of
    /// scalars, flat objects and maps of scalars can be sent in every location and style.</summary>
    private string? CheckParameterType(TypeRef type, ParameterLocation location, ParameterStyle style)
    {
        static bool Scalar(TypeRef t) => t.IsPrimitive || t.IsJson || t.Kind is TypeKind.Enum or TypeKind.Union;

        bool flat = type.Kind switch
        {
            TypeKind.Model => _schemas.FindObject(type.Name!) is { } model && _schemas.AllProperties(model).All(p => Scalar(p.Type)),
            TypeKind.Map or TypeKind.List => Scalar(type.Element!),
            _ => Scalar(type),
        };
        return flat ? null : $"a {KindWord(type)} of type {type.Describe()} has no {style.ToString().ToLowerInvariant()} form in the {location.ToString().ToLowerInvariant()}";
    }

    // How the message names a type's shape (the words the messages have always used).
    private static string KindWord(TypeRef type) => type.Kind switch
    {
        TypeKind.Model => "object",
        TypeKind.List or TypeKind.Map or TypeKind.Enum or TypeKind.Union => type.Kind.ToString().ToLowerInvariant(),
        _ when type.IsFile => "file",
        _ when type.IsJson => "json",
        _ => "primitive",
    };
}
