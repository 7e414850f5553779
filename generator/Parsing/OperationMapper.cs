using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using AutoSend.Gen.Diagnostics;
using AutoSend.Gen.Helpers;
using AutoSend.Gen.Model;
using AutoSend.Gen.Naming;
using Microsoft.OpenApi;
using OpenApiParameterLocation = Microsoft.OpenApi.ParameterLocation;
using ParameterLocation = AutoSend.Gen.Model.ParameterLocation;

namespace AutoSend.Gen.Parsing;

/// <summary>
/// Where paths and operations become methods: one group per tag (untagged operations go on the client itself),
/// method names from the operation id without the tag's noun (<c>resumeCampaign</c> in tag <c>Campaigns</c> →
/// <c>ResumeAsync</c>), typed parameters, the JSON body, the success type and the declared error bodies.
/// </summary>
internal sealed class OperationMapper
{
    private static readonly string[] s_ignoredHeaders = ["accept", "content-type", "authorization"];

    private readonly SchemaMapper _schemas;
    private readonly JsonTypeRegistry _json;
    private readonly DiagnosticBag _diagnostics;
    private readonly NameScope _typeNames;

    public OperationMapper(SchemaMapper schemas, JsonTypeRegistry json, DiagnosticBag diagnostics, NameScope typeNames)
    {
        _schemas = schemas;
        _json = json;
        _diagnostics = diagnostics;
        _typeNames = typeNames;
    }

    /// <summary>Maps every operation; the group with an empty property name holds the untagged ones.</summary>
    public EquatableArray<OperationGroupSpec> Map(OpenApiDocument document, NameScope clientMembers)
    {
        var groups = new List<GroupBuilder>();
        var byTag = new Dictionary<string, GroupBuilder>(StringComparer.Ordinal);
        var tagDescriptions = (document.Tags ?? new HashSet<OpenApiTag>()).Where(t => t.Name is not null)
            .GroupBy(t => t.Name!).ToDictionary(g => g.Key, g => g.First().Description, StringComparer.Ordinal);
        var operationIds = new NameScope();

        foreach (KeyValuePair<string, IOpenApiPathItem> path in document.Paths ?? new OpenApiPaths())
        {
            foreach (KeyValuePair<System.Net.Http.HttpMethod, OpenApiOperation> entry in path.Value.Operations ?? new Dictionary<System.Net.Http.HttpMethod, OpenApiOperation>())
            {
                OpenApiOperation operation = entry.Value;
                string method = entry.Key.Method.ToUpperInvariant();
                string pointer = "#/paths/" + SourceLocator.Escape(path.Key) + "/" + entry.Key.Method.ToLowerInvariant();
                string tag = operation.Tags?.FirstOrDefault()?.Name ?? string.Empty;
                if (!byTag.TryGetValue(tag, out GroupBuilder? group))
                {
                    group = tag.Length == 0
                        ? new GroupBuilder(string.Empty, string.Empty, null)
                        : new GroupBuilder(
                            clientMembers.Allocate(Identifier.ToPascalCase(tag, "_", "Operations")),
                            _typeNames.Allocate(Identifier.ToPascalCase(tag, "_", "Operations") + "Client"),
                            tagDescriptions.TryGetValue(tag, out string? description) ? description : null);
                    byTag.Add(tag, group);
                    groups.Add(group);
                }

                string operationId = operationIds.Allocate(operation.OperationId ?? DeriveOperationId(method, path.Key));
                OperationSpec? spec = MapOperation(operationId, method, path.Key, path.Value, operation, tag, group, pointer);
                if (spec is not null)
                {
                    group.Operations.Add(spec);
                }
            }
        }

        // The untagged group, if any, is emitted into the client class itself.
        return groups.Select(g => new OperationGroupSpec(g.PropertyName, g.TypeName, g.Description, g.Operations.ToEquatableArray())).ToEquatableArray();
    }

    private OperationSpec? MapOperation(string operationId, string method, string path, IOpenApiPathItem pathItem, OpenApiOperation operation, string tag, GroupBuilder group, string pointer)
    {
        string baseName = group.Methods.Allocate(MethodBaseName(operationId, tag));
        string typeHint = Identifier.ToPascalCase(operationId, "_", "Operation");
        var parameterNames = new NameScope("cancellationToken", "request", "query", "content");
        var parameters = new List<ParameterSpec>();

        foreach ((IOpenApiParameter parameter, string parameterPointer) in MergeParameters(pathItem, operation, pointer))
        {
            if (parameter.Name is null || parameter.In is null)
            {
                continue;
            }

            ParameterLocation? location = parameter.In switch
            {
                OpenApiParameterLocation.Path => ParameterLocation.Path,
                OpenApiParameterLocation.Query => ParameterLocation.Query,
                OpenApiParameterLocation.Header when !s_ignoredHeaders.Contains(parameter.Name.ToLowerInvariant()) => ParameterLocation.Header,
                OpenApiParameterLocation.Header => null,
                _ => null,
            };
            bool required = parameter.Required || location == ParameterLocation.Path;
            if (location is null)
            {
                if (parameter.In != OpenApiParameterLocation.Header && !Skip(required, operationId, parameterPointer, $"{parameter.In} parameter '{parameter.Name}' is not supported yet"))
                {
                    return null;
                }

                continue;
            }

            string hint = typeHint + Identifier.ToPascalCase(parameter.Name, "_", "Parameter");
            TypeRef type = _schemas.Map(parameter.Schema, hint, parameterPointer + "/schema", out _);
            if (!IsSimpleParameterType(type))
            {
                if (!Skip(required, operationId, parameterPointer, $"parameter '{parameter.Name}' of type {type.Name} cannot be sent in the {location.Value.ToString().ToLowerInvariant()} yet"))
                {
                    return null;
                }

                continue;
            }

            string wireName = parameter.Name;
            string name = parameterNames.Allocate(Identifier.ToCamelCase(
                location == ParameterLocation.Header && wireName.StartsWith("x-", StringComparison.OrdinalIgnoreCase) ? wireName.Substring(2) : wireName,
                "parameter"));
            parameters.Add(new ParameterSpec(name, wireName, location.Value, type, required, parameter.Description, parameter.Deprecated));
        }

        RequestBodySpec? body = null;
        if (operation.RequestBody is { } requestBody)
        {
            IOpenApiMediaType? media = JsonMedia(requestBody.Content, out string? otherMediaType);
            if (media is null)
            {
                if (otherMediaType is not null && !Skip(requestBody.Required, operationId, pointer + "/requestBody", $"request bodies of type '{otherMediaType}' are not supported yet"))
                {
                    return null;
                }
            }
            else
            {
                TypeRef type = _schemas.Map(media.Schema, typeHint + "Request", pointer + "/requestBody/content", out _);
                _json.Register(type, nullable: false);
                body = new RequestBodySpec(parameterNames.Allocate("body"), type, requestBody.Required, requestBody.Description);
            }
        }

        foreach (string templateName in PathParameterNames(path))
        {
            if (!parameters.Any(p => p.Location == ParameterLocation.Path && p.WireName == templateName))
            {
                _diagnostics.AddAtPointer(DiagnosticDescriptors.OperationSkipped, pointer, operationId, $"the path has a parameter '{{{templateName}}}' that the operation does not declare");
                return null;
            }
        }

        SuccessResponseSpec? success = MapSuccess(operation, operationId, typeHint, pointer);
        if (success is null)
        {
            return null;
        }

        var errors = new List<ErrorResponseSpec>();
        foreach (KeyValuePair<string, IOpenApiResponse> response in (operation.Responses ?? new OpenApiResponses()).Where(r => !IsSuccess(r.Key)))
        {
            if (JsonMedia(response.Value.Content, out _) is { Schema: { } schema })
            {
                TypeRef type = _schemas.Map(schema, typeHint + StatusName(response.Key) + "Error", pointer + "/responses/" + response.Key, out _);
                _json.Register(type, nullable: false);
                errors.Add(new ErrorResponseSpec(response.Key, type, response.Value.Description));
            }
        }

        // Required parameters first, in path-template order for path parameters, then the optional ones.
        List<ParameterSpec> ordered = parameters.Where(p => p.Location == ParameterLocation.Path)
            .OrderBy(p => path.IndexOf("{" + p.WireName + "}", StringComparison.Ordinal))
            .Concat(parameters.Where(p => p.Location != ParameterLocation.Path && p.IsRequired))
            .Concat(parameters.Where(p => !p.IsRequired))
            .ToList();

        return new OperationSpec(operationId, baseName + "Async", method, path.TrimStart('/'), operation.Summary, operation.Description,
            operation.Deprecated, ordered.ToEquatableArray(), body, success, errors.ToEquatableArray());
    }

    private SuccessResponseSpec? MapSuccess(OpenApiOperation operation, string operationId, string typeHint, string pointer)
    {
        KeyValuePair<string, IOpenApiResponse> first = (operation.Responses ?? new OpenApiResponses())
            .Where(r => IsSuccess(r.Key))
            .OrderBy(r => r.Key, StringComparer.Ordinal)
            .FirstOrDefault();
        if (first.Value is null)
        {
            return new SuccessResponseSpec(null, null);
        }

        IOpenApiMediaType? media = JsonMedia(first.Value.Content, out string? otherMediaType);
        if (media is null)
        {
            if (otherMediaType is not null)
            {
                _diagnostics.AddAtPointer(DiagnosticDescriptors.OperationSkipped, pointer + "/responses/" + first.Key, operationId,
                    $"responses of type '{otherMediaType}' are not supported yet");
                return null;
            }

            return new SuccessResponseSpec(null, first.Value.Description);
        }

        TypeRef type = _schemas.Map(media.Schema, typeHint + "Response", pointer + "/responses/" + first.Key, out _);
        _json.Register(type, nullable: false);
        return new SuccessResponseSpec(type, first.Value.Description);
    }

    // Returns true when the caller may carry on without the part (it is optional), after warning about it.
    private bool Skip(bool required, string operationId, string pointer, string reason)
    {
        _diagnostics.AddAtPointer(DiagnosticDescriptors.OperationSkipped, pointer, operationId,
            required ? reason : reason + " (the optional part is left out; the operation is generated without it)");
        return !required;
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

    private static IOpenApiMediaType? JsonMedia(IDictionary<string, IOpenApiMediaType>? content, out string? otherMediaType)
    {
        otherMediaType = null;
        if (content is null || content.Count == 0)
        {
            return null;
        }

        foreach (KeyValuePair<string, IOpenApiMediaType> entry in content)
        {
            string mediaType = entry.Key.Split(';')[0].Trim();
            if (mediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase)
                || mediaType.EndsWith("+json", StringComparison.OrdinalIgnoreCase)
                || mediaType.Equals("*/*", StringComparison.Ordinal)
                || mediaType.EndsWith("/json", StringComparison.OrdinalIgnoreCase))
            {
                return entry.Value;
            }
        }

        otherMediaType = content.Keys.First();
        return null;
    }

    /// <summary>The names between braces in a path template, in order.</summary>
    public static IEnumerable<string> PathParameterNames(string path)
    {
        int start = 0;
        while ((start = path.IndexOf('{', start)) >= 0)
        {
            int end = path.IndexOf('}', start);
            if (end < 0)
            {
                yield break;
            }

            yield return path.Substring(start + 1, end - start - 1);
            start = end + 1;
        }
    }

    private static bool IsSimpleParameterType(TypeRef type) =>
        type.Kind is TypeKind.Primitive or TypeKind.Enum
        || (type.Kind == TypeKind.List && type.Element!.Kind is TypeKind.Primitive or TypeKind.Enum && type.Element != Primitives.Bytes);

    private static bool IsSuccess(string status) => status.Length == 3 && status[0] == '2';

    private static string StatusName(string status) =>
        status.Equals("default", StringComparison.OrdinalIgnoreCase) ? "Default" : status.ToUpperInvariant();

    /// <summary>The method name without <c>Async</c>: the operation id, minus a trailing noun that repeats the tag.</summary>
    private static string MethodBaseName(string operationId, string tag)
    {
        string name = Identifier.ToPascalCase(operationId, "_", "Operation");
        if (tag.Length > 0)
        {
            string plural = Identifier.ToPascalCase(tag, "_", "Operations");
            foreach (string noun in new[] { plural, Singular(plural) })
            {
                if (noun.Length > 0 && name.Length > noun.Length && name.EndsWith(noun, StringComparison.Ordinal))
                {
                    return name.Substring(0, name.Length - noun.Length);
                }
            }
        }

        return name;
    }

    private static string Singular(string plural) =>
        plural.EndsWith("ies", StringComparison.Ordinal) ? plural.Substring(0, plural.Length - 3) + "y"
        : plural.EndsWith("sses", StringComparison.Ordinal) ? plural.Substring(0, plural.Length - 2)
        : plural.EndsWith("s", StringComparison.Ordinal) && !plural.EndsWith("ss", StringComparison.Ordinal) ? plural.Substring(0, plural.Length - 1)
        : plural;

    /// <summary>An id for operations without one: the method and the path's words, e.g. <c>get /pets/{id}</c> → <c>getPetsById</c>.</summary>
    private static string DeriveOperationId(string method, string path)
    {
        var words = new List<string> { method.ToLowerInvariant() };
        foreach (string segment in path.Split(new[] { '/' }, StringSplitOptions.RemoveEmptyEntries))
        {
            words.Add(segment.StartsWith("{", StringComparison.Ordinal) ? "By " + segment.Trim('{', '}') : segment);
        }

        string id = Identifier.ToPascalCase(string.Join(" ", words), "_", "Operation");
        return char.ToLower(id[0], CultureInfo.InvariantCulture) + id.Substring(1);
    }

    private sealed class GroupBuilder(string propertyName, string typeName, string? description)
    {
        public string PropertyName { get; } = propertyName;

        public string TypeName { get; } = typeName;

        public string? Description { get; } = description;

        public List<OperationSpec> Operations { get; } = [];

        public NameScope Methods { get; } = new(typeName, "Equals", "GetHashCode", "ToString", "GetType", "Dispose");
    }
}
