using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json.Nodes;
using AutoSend.Gen.Diagnostics;
using AutoSend.Gen.Helpers;
using AutoSend.Gen.Model;
using AutoSend.Gen.Naming;
using Microsoft.OpenApi;
using OpenApiParameterLocation = Microsoft.OpenApi.ParameterLocation;
using ParameterLocation = AutoSend.Gen.Model.ParameterLocation;
using ParameterStyle = AutoSend.Gen.Model.ParameterStyle;

namespace AutoSend.Gen.Parsing;

/// <summary>
/// Where paths and operations become methods: one group per tag (untagged operations go on the client itself),
/// method names from the operation id without the tag's noun (<c>resumeCampaign</c> in tag <c>Campaigns</c> →
/// <c>ResumeAsync</c>) unless <c>x-csharp-name</c> says otherwise, typed parameters, the request body, the success
/// response and the declared error bodies.
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
        var tags = (document.Tags ?? new HashSet<OpenApiTag>()).Where(t => t.Name is not null)
            .GroupBy(t => t.Name!).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var operationIds = new NameScope();
        var seenIds = new HashSet<string>(StringComparer.Ordinal);

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
                    tags.TryGetValue(tag, out OpenApiTag? tagObject);
                    string groupName = ValidName(VendorExtensions.GetString(tagObject?.Extensions, VendorExtensions.CSharpName))
                        ?? Identifier.ToPascalCase(tag, "_", "Operations");
                    group = tag.Length == 0
                        ? new GroupBuilder(string.Empty, string.Empty, null)
                        : new GroupBuilder(clientMembers.Allocate(groupName), _typeNames.Allocate(groupName + "Client"), tagObject?.Description);
                    byTag.Add(tag, group);
                    groups.Add(group);
                }

                // The document's id stays the operation's name in messages and traces; a repeated id gets a number
                // for the C# names only, and a warning, since OpenAPI requires ids to be unique.
                string operationId = operation.OperationId ?? DeriveOperationId(method, path.Key);
                string uniqueId = operationIds.Allocate(operationId);
                if (operation.OperationId is not null && !seenIds.Add(operation.OperationId))
                {
                    _diagnostics.AddAtPointer(DiagnosticDescriptors.DuplicateOperationId, pointer + "/operationId", operation.OperationId, uniqueId);
                }

                OperationSpec? spec = MapOperation(operationId, uniqueId, method, path.Key, path.Value, operation, tag, group, pointer);
                if (spec is not null)
                {
                    group.Operations.Add(spec);
                }
            }
        }

        return groups.Select(g => new OperationGroupSpec(g.PropertyName, g.TypeName, g.Description, g.Operations.ToEquatableArray())).ToEquatableArray();
    }

    private OperationSpec? MapOperation(string operationId, string uniqueId, string method, string path, IOpenApiPathItem pathItem, OpenApiOperation operation, string tag, GroupBuilder group, string pointer)
    {
        string baseName = group.Methods.Allocate(
            ValidName(VendorExtensions.GetString(operation.Extensions, VendorExtensions.CSharpName)) ?? MethodBaseName(uniqueId, tag));
        string typeHint = Identifier.ToPascalCase(uniqueId, "_", "Operation");
        var names = new NameScope("cancellationToken");
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
            parameters.Add(new ParameterSpec(name, parameter.Name, location.Value, type, required, parameter.Description, parameter.Deprecated, style, explode));
        }

        foreach (string templateName in PathParameterNames(path))
        {
            if (!parameters.Any(p => p.Location == ParameterLocation.Path && p.WireName == templateName))
            {
                _diagnostics.AddAtPointer(DiagnosticDescriptors.OperationSkipped, pointer, operationId, $"the path has a parameter '{{{templateName}}}' that the operation does not declare");
                return null;
            }
        }

        RequestBodySpec? body = null;
        if (operation.RequestBody is { } requestBody && requestBody.Content is { Count: > 0 } content)
        {
            body = MapBody(requestBody, content, operationId, typeHint, pointer + "/requestBody", names);
            if (body is null && requestBody.Required)
            {
                return null;
            }
        }

        if (!MapResponses(operation, operationId, typeHint, pointer, out ResponseSpec success, out ResponseSpec? fileVariant))
        {
            return null;
        }

        var errors = new List<ErrorResponseSpec>();
        var retryAfter = new List<string>();
        foreach (KeyValuePair<string, IOpenApiResponse> response in operation.Responses ?? new OpenApiResponses())
        {
            retryAfter.AddRange(VendorExtensions.GetStrings(response.Value.Extensions, VendorExtensions.RetryAfter));
            if (IsSuccess(response.Key) || (IsDefault(response.Key) && success.Kind != ResponseKind.None && !HasSuccess(operation)))
            {
                continue;
            }

            if (FirstJson(response.Value.Content) is { Schema: { } schema })
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

        bool idempotent = VendorExtensions.GetBool(operation.Extensions, VendorExtensions.Idempotent)
            || parameters.Any(p => p.IsRequired && p.Location == ParameterLocation.Header && string.Equals(p.WireName, "Idempotency-Key", StringComparison.OrdinalIgnoreCase));
        PaginationSpec? pagination = MapPagination(operation, operationId, success, ordered, body, group, baseName, pointer);
        FileVariantSpec? variant = fileVariant is null ? null : new FileVariantSpec(group.Methods.Allocate(baseName + "File") + "Async", fileVariant.MediaType!);

        return new OperationSpec(
            operationId,
            baseName + "Async",
            method,
            path.TrimStart('/'),
            operation.Summary,
            operation.Description,
            operation.Deprecated,
            operation.Security is not { Count: 0 },
            idempotent,
            ordered.ToEquatableArray(),
            body,
            success,
            variant,
            errors.ToEquatableArray(),
            retryAfter.Distinct(StringComparer.Ordinal).ToEquatableArray(),
            pagination);
    }

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
                    TypeRef fieldType = IsBinary(property.Value) ? Primitives.File
                        : property.Value.Type is { } t && (t & JsonSchemaType.Array) != 0 && property.Value.Items is { } items && IsBinary(items) ? Primitives.FileList
                        : _schemas.Map(property.Value, typeHint + Identifier.ToPascalCase(property.Key, "_", "Field"), pointer + "/content/properties/" + SourceLocator.Escape(property.Key), out _);
                    if (fieldType.Kind is not (TypeKind.File or TypeKind.Primitive or TypeKind.Enum) && !(fieldType.Kind == TypeKind.List && fieldType.Element!.Kind is TypeKind.Primitive or TypeKind.Enum))
                    {
                        // Structured fields travel as JSON text in their part.
                        _json.Register(fieldType, nullable: false);
                    }

                    string fieldName = names.Allocate(ValidParameterName(VendorExtensions.GetString(property.Value.Extensions, VendorExtensions.CSharpName))
                        ?? Identifier.ToCamelCase(property.Key, "field"));
                    fields.Add(new ParameterSpec(fieldName, property.Key, ParameterLocation.FormField, fieldType, required.Contains(property.Key) && bodyRequired,
                        SchemaMapper.OwnDescription(property.Value), property.Value.Deprecated, ParameterStyle.Form, true));
                }

                return new RequestBodySpec(kind, mediaType, string.Empty, null, bodyRequired, requestBody.Description,
                    fields.Where(f => f.IsRequired).Concat(fields.Where(f => !f.IsRequired)).ToEquatableArray());
        }
    }

    private bool MapResponses(OpenApiOperation operation, string operationId, string typeHint, string pointer, out ResponseSpec success, out ResponseSpec? fileVariant)
    {
        fileVariant = null;
        OpenApiResponses responses = operation.Responses ?? new OpenApiResponses();

        // The first 2xx with a body (else the first 2xx); without any 2xx, a 'default' with a body is the success.
        KeyValuePair<string, IOpenApiResponse> chosen = responses.Where(r => IsSuccess(r.Key)).OrderBy(r => r.Key, StringComparer.Ordinal)
            .OrderBy(r => r.Value.Content is { Count: > 0 } ? 0 : 1).FirstOrDefault();
        if (chosen.Value is null)
        {
            chosen = responses.FirstOrDefault(r => IsDefault(r.Key) && r.Value.Content is { Count: > 0 });
        }

        // 204 and 205 have no body by definition (RFC 9110), whatever media types a converted Swagger 2.0
        // 'produces' list attaches to them.
        if (chosen.Value?.Content is not { Count: > 0 } content || chosen.Key is "204" or "205")
        {
            success = new ResponseSpec(ResponseKind.None, null, null, chosen.Value?.Description);
            return true;
        }

        string at = pointer + "/responses/" + chosen.Key;
        KeyValuePair<string, IOpenApiMediaType> json = content.FirstOrDefault(c => MediaKind(c.Key, c.Value.Schema) == ResponseKind.Json);
        KeyValuePair<string, IOpenApiMediaType> file = content.FirstOrDefault(c => MediaKind(c.Key, c.Value.Schema) == ResponseKind.File);
        KeyValuePair<string, IOpenApiMediaType> text = content.FirstOrDefault(c => MediaKind(c.Key, c.Value.Schema) == ResponseKind.Text);
        if (json.Value is not null)
        {
            TypeRef type = _schemas.Map(json.Value.Schema, typeHint + "Response", at + "/content/" + SourceLocator.Escape(json.Key), out _);
            _json.Register(type, nullable: false);
            success = new ResponseSpec(ResponseKind.Json, type, json.Key, chosen.Value.Description);
            if (file.Value is not null)
            {
                fileVariant = new ResponseSpec(ResponseKind.File, Primitives.File, file.Key, chosen.Value.Description);
            }

            return true;
        }

        success = file.Value is not null
            ? new ResponseSpec(ResponseKind.File, Primitives.File, file.Key, chosen.Value.Description)
            : new ResponseSpec(ResponseKind.Text, Primitives.String, text.Key, chosen.Value.Description);
        return true;
    }

    private PaginationSpec? MapPagination(OpenApiOperation operation, string operationId, ResponseSpec success, List<ParameterSpec> parameters, RequestBodySpec? body,
        GroupBuilder group, string baseName, string pointer)
    {
        if (VendorExtensions.Get(operation.Extensions, VendorExtensions.Pagination) is not JsonObject settings)
        {
            return null;
        }

        string at = pointer + "/" + VendorExtensions.Pagination;
        string? page = (string?)(settings["page"] as JsonValue);
        bool inBody = string.Equals((string?)(settings["in"] as JsonValue), "body", StringComparison.OrdinalIgnoreCase);
        string? items = (string?)(settings["items"] as JsonValue);
        string? totalPages = (string?)(settings["totalPages"] as JsonValue);
        if (page is null || items is null || success.Kind != ResponseKind.Json)
        {
            Warn(at, operationId, "it needs 'page' and 'items', and a JSON success response");
            return null;
        }

        string? pageName;
        if (inBody)
        {
            pageName = body is { Kind: BodyKind.Json, Type: { Kind: TypeKind.Object } bodyType }
                ? _schemas.FindObject(bodyType.Name)?.Properties.FirstOrDefault(p => p.JsonName == page && !p.IsRequired || p.JsonName == page)?.Name
                : null;
        }
        else
        {
            pageName = parameters.FirstOrDefault(p => p.Location == ParameterLocation.Query && p.WireName == page && !p.IsRequired && p.Type.IsValueType)?.Name;
        }

        if (pageName is null)
        {
            Warn(at, operationId, $"no optional integer page parameter '{page}' {(inBody ? "in the JSON body" : "in the query")}");
            return null;
        }

        if (!TryFollow(success.Type!, items, out List<PathStep> itemsPath, out TypeRef? listType, out _) || listType!.Kind != TypeKind.List)
        {
            Warn(at, operationId, $"'{items}' does not lead to an array in the response");
            return null;
        }

        List<PathStep> totalPath = [];
        if (totalPages is not null && (!TryFollow(success.Type!, totalPages, out totalPath, out TypeRef? totalType, out _) || totalType is not { Kind: TypeKind.Primitive, IsValueType: true }))
        {
            Warn(at, operationId, $"'{totalPages}' does not lead to a number in the response");
            return null;
        }

        return new PaginationSpec(group.Methods.Allocate(baseName + "All") + "Async", pageName, inBody, itemsPath.ToEquatableArray(),
            listType.Element!, listType.ElementIsNullable, totalPath.ToEquatableArray());
    }

    // Follows a JSON pointer through generated classes: /data/campaigns → Data?.Campaigns.
    private bool TryFollow(TypeRef root, string jsonPointer, out List<PathStep> steps, out TypeRef? type, out bool nullable)
    {
        steps = [];
        type = root;
        nullable = false;
        foreach (string segment in jsonPointer.Trim('/').Split('/'))
        {
            string key = segment.Replace("~1", "/").Replace("~0", "~");
            ObjectSpec? owner = type?.Kind == TypeKind.Object ? _schemas.FindObject(type.Name) : null;
            PropertySpec? property = owner?.Properties.FirstOrDefault(p => p.JsonName == key);
            if (property is null)
            {
                return false;
            }

            steps.Add(new PathStep(property.Name, property.IsNullable, property.Type.IsValueType));
            type = property.Type;
            nullable = property.IsNullable;
        }

        return true;
    }

    private void Warn(string pointer, string operationId, string reason) =>
        _diagnostics.AddAtPointer(DiagnosticDescriptors.ExtensionIgnored, pointer, VendorExtensions.Pagination, operationId, reason);

    // Returns true when the caller may carry on without the part (it is optional), after warning about it.
    private bool Skip(bool required, string operationId, string pointer, string reason)
    {
        _diagnostics.AddAtPointer(DiagnosticDescriptors.OperationSkipped, pointer, operationId,
            required ? reason : reason + " (the optional part is left out; the operation is generated without it)");
        return !required;
    }

    private string AllocateParameterName(NameScope names, IOpenApiParameter parameter, ParameterLocation location)
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
        static bool Scalar(TypeRef t) => t.Kind is TypeKind.Primitive or TypeKind.Enum or TypeKind.Union or TypeKind.Json && t.Kind != TypeKind.File;

        bool flat = type.Kind switch
        {
            TypeKind.Object => _schemas.FindObject(type.Name) is { } model && _schemas.AllProperties(model).All(p => Scalar(p.Type)),
            TypeKind.Map => Scalar(type.Element!),
            TypeKind.List => Scalar(type.Element!),
            _ => Scalar(type),
        };
        return flat ? null : $"a {type.Kind.ToString().ToLowerInvariant()} of type {type.Name} has no {style.ToString().ToLowerInvariant()} form in the {location.ToString().ToLowerInvariant()}";
    }

    private static (string MediaType, IOpenApiMediaType Media, BodyKind Kind) PickBodyMedia(IDictionary<string, IOpenApiMediaType> content)
    {
        // Preference: JSON, then forms, then raw bytes, then text.
        (string, IOpenApiMediaType, BodyKind)? best = null;
        foreach (KeyValuePair<string, IOpenApiMediaType> entry in content)
        {
            string mediaType = entry.Key.Split(';')[0].Trim().ToLowerInvariant();
            BodyKind kind = mediaType switch
            {
                "multipart/form-data" or "multipart/mixed" => BodyKind.Multipart,
                "application/x-www-form-urlencoded" => BodyKind.FormUrlEncoded,
                _ when IsJsonMediaType(mediaType) => BodyKind.Json,
                _ when mediaType.StartsWith("text/", StringComparison.Ordinal) => BodyKind.Text,
                _ => BodyKind.Binary,
            };
            if (best is null || kind < best.Value.Item3)
            {
                best = (entry.Key.Split(';')[0].Trim(), entry.Value, kind);
            }
        }

        return best!.Value;
    }

    private static ResponseKind MediaKind(string mediaType, IOpenApiSchema? schema)
    {
        string type = mediaType.Split(';')[0].Trim().ToLowerInvariant();
        if (type == "*/*")
        {
            return schema is not null && IsBinary(schema) ? ResponseKind.File : ResponseKind.Json;
        }

        return IsJsonMediaType(type) ? ResponseKind.Json
            : type.StartsWith("text/", StringComparison.Ordinal) && !(schema is not null && IsBinary(schema)) ? ResponseKind.Text
            : ResponseKind.File;
    }

    private static bool IsJsonMediaType(string mediaType) =>
        mediaType == "application/json" || mediaType.EndsWith("+json", StringComparison.Ordinal) || mediaType.EndsWith("/json", StringComparison.Ordinal);

    private static bool IsBinary(IOpenApiSchema schema) => schema.Format is "binary";

    private static IOpenApiMediaType? FirstJson(IDictionary<string, IOpenApiMediaType>? content) =>
        content?.FirstOrDefault(c => MediaKind(c.Key, c.Value.Schema) == ResponseKind.Json).Value;

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

    private static bool HasSuccess(OpenApiOperation operation) => (operation.Responses ?? new OpenApiResponses()).Keys.Any(IsSuccess);

    private static bool IsSuccess(string status) => status.Length == 3 && status[0] == '2';

    private static bool IsDefault(string status) => status.Equals("default", StringComparison.OrdinalIgnoreCase);

    private static string StatusName(string status) => IsDefault(status) ? "Default" : status.ToUpperInvariant();

    /// <summary>An <c>x-csharp-name</c> that is a usable type or member name, else null.</summary>
    private static string? ValidName(string? name) => name is not null && Identifier.IsValid(name) ? name : null;

    private static string? ValidParameterName(string? name) => name is not null && Identifier.IsValid(name) ? Identifier.EscapeKeyword(name) : null;

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

        // Method names end in Async, so they cannot clash with the class's other members (Dispose, ToString,
        // BaseAddress, the group properties): only with each other.
        public NameScope Methods { get; } = new();
    }
}
