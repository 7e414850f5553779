using System;
using System.Collections.Generic;
using System.Linq;
using AutoSend.Gen.Diagnostics;
using AutoSend.Gen.Helpers;
using AutoSend.Gen.Model;
using AutoSend.Gen.Naming;
using Microsoft.OpenApi;
using ParameterLocation = AutoSend.Gen.Model.ParameterLocation;

namespace AutoSend.Gen.Parsing;

/// <summary>
/// Where paths and operations become methods: one group per tag (untagged operations go on the client itself),
/// method names from the operation id (OperationMapper.Names.cs), typed parameters (.Parameters.cs), the request body
/// (.Bodies.cs), the success response and the declared error bodies (.Responses.cs), and all-pages enumerators
/// (.Pagination.cs). The method's parameter order is decided once, by <see cref="MethodSignature"/>.
/// </summary>
internal sealed partial class OperationMapper
{
    private readonly SchemaMapper _schemas;
    private readonly JsonTypeRegistry _json;
    private readonly DiagnosticBag _diagnostics;
    private readonly NameScope _typeNames;

    // Swagger 2.0 only: each parameter's collectionFormat as written (JSON pointer without '#' → value). The reader
    // turns csv and multi alike into an exploded form, so the text is asked.
    private readonly IReadOnlyDictionary<string, string>? _collectionFormats;

    public OperationMapper(SchemaMapper schemas, JsonTypeRegistry json, DiagnosticBag diagnostics, NameScope typeNames,
        IReadOnlyDictionary<string, string>? collectionFormats = null)
    {
        _schemas = schemas;
        _json = json;
        _diagnostics = diagnostics;
        _typeNames = typeNames;
        _collectionFormats = collectionFormats;
    }

    /// <summary>Maps every operation; the group with an empty property name holds the untagged ones.</summary>
    /// <param name="document">The document.</param>
    /// <param name="clientMembers">The client's member names, where the group properties are named.</param>
    /// <param name="clientName">The client class, which holds the untagged operations.</param>
    public EquatableArray<OperationGroupSpec> Map(OpenApiDocument document, NameScope clientMembers, string clientName)
    {
        FindSharedHeaders(document);
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
                    // The group's class, its interface and its raw mirror's interface are named together (the mirror
                    // class is nested in the group's class); the untagged operations' interface is the client's.
                    if (tag.Length == 0)
                    {
                        group = new GroupBuilder(string.Empty, string.Empty, null, string.Empty, RawTypeName(clientName), _typeNames.Allocate(RawInterfaceName(clientName)));
                    }
                    else
                    {
                        string typeName = _typeNames.Allocate(groupName + "Client", [RawResponseClient]);
                        group = new GroupBuilder(clientMembers.Allocate(groupName), typeName, tagObject?.Description, _typeNames.Allocate("I" + typeName),
                            RawTypeName(typeName), _typeNames.Allocate(RawInterfaceName(typeName)));
                    }

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

                var variants = new List<OperationSpec>();
                OperationSpec? spec = MapOperation(operationId, uniqueId, method, path.Key, path.Value, operation, tag, group, pointer, variants);
                if (spec is not null)
                {
                    group.Operations.Add(spec);
                    group.Operations.AddRange(variants);
                }
            }
        }

        return groups.Select(g => new OperationGroupSpec(g.PropertyName, g.TypeName, g.Description, g.NameRequestBuilders(), g.InterfaceName, g.RawTypeName, g.RawInterfaceName))
            .ToEquatableArray();
    }

    /// <summary>The name of every nested raw mirror class; the client's members reserve it (ReservedNames.ClientMembers).</summary>
    public const string RawResponseClient = "RawResponseClient";

    // The mirror's interface after its container's class: CampaignsClient → ICampaignsRawResponseClient, a group
    // numbered after the client (OperationsClient2) → IOperationsRawResponseClient2, a client named MyApi → IMyApiRawResponseClient.
    private static string RawInterfaceName(string containerName)
    {
        System.Text.RegularExpressions.Match match = System.Text.RegularExpressions.Regex.Match(containerName, "^(.+)Client([0-9]*)$");
        return match.Success
            ? "I" + match.Groups[1].Value + "RawResponseClient" + match.Groups[2].Value
            : "I" + containerName + "RawResponseClient";
    }

    // A nested type cannot have its container's name (CS0542): only a client named RawResponseClient needs another.
    private static string RawTypeName(string containerName) => containerName == RawResponseClient ? "RawResponses" : RawResponseClient;

    private OperationSpec? MapOperation(string operationId, string uniqueId, string method, string path, IOpenApiPathItem pathItem, OpenApiOperation operation, string tag, GroupBuilder group,
        string pointer, List<OperationSpec> variants)
    {
        string baseName = group.Methods.Allocate(
            ValidName(VendorExtensions.GetString(operation.Extensions, VendorExtensions.CSharpName)) ?? MethodBaseName(uniqueId, tag));
        string typeHint = Identifier.ToPascalCase(uniqueId, "_", "Operation");
        var names = new NameScope(SignatureParameter.CancellationTokenName, SignatureParameter.RequestOptionsName);
        List<ParameterSpec>? parameters = MapParameters(pathItem, operation, operationId, typeHint, pointer, names);
        if (parameters is null)
        {
            return null;
        }

        foreach (string templateName in PathTemplate.ParameterNames(path))
        {
            if (!parameters.Any(p => p.Location == ParameterLocation.Path && p.WireName == templateName))
            {
                _diagnostics.AddAtPointer(DiagnosticDescriptors.OperationSkipped, pointer, operationId, $"the path has a parameter '{{{templateName}}}' that the operation does not declare");
                return null;
            }
        }

        RequestBodySpec? body = null;
        var otherBodies = new List<RequestBodySpec>();
        if (operation.RequestBody is { } requestBody && requestBody.Content is { Count: > 0 } content)
        {
            List<(string MediaType, IOpenApiMediaType Media, BodyKind Kind)> choices = BodyMedia(content);
            body = MapBody(requestBody, choices[0], operationId, typeHint, pointer + "/requestBody", names);
            if (body is null && requestBody.Required)
            {
                return null;
            }

            // The body's other media types each get a method of their own (the first of each kind), so that every
            // kind the document offers is reachable; only bodies sent as one parameter (JSON, bytes, text) do.
            foreach ((string, IOpenApiMediaType, BodyKind) other in choices.Skip(1).Where(c => c.Kind != choices[0].Kind).GroupBy(c => c.Kind).Select(g => g.First()))
            {
                if (body is { IsSingleParameter: true } && other.Item3 is BodyKind.Json or BodyKind.Binary or BodyKind.Text
                    && MapBody(requestBody, other, operationId, typeHint, pointer + "/requestBody",
                        new NameScope([SignatureParameter.CancellationTokenName, .. parameters.Select(p => Identifier.Unescape(p.Name))])) is { } alternative)
                {
                    otherBodies.Add(alternative);
                }
            }
        }

        (ResponseSpec success, ResponseSpec? fileVariant) = MapSuccess(operation, typeHint, pointer);
        CollectResponseHeaders(operation);
        (List<ErrorResponseSpec> errors, List<string> retryAfter) = MapErrors(operation, success, typeHint, pointer);

        // The order values are written into the request: path parameters in template order, then the required
        // parameters, then the optional ones. The method's order is the signature's.
        List<ParameterSpec> ordered = parameters.Where(p => p.Location == ParameterLocation.Path)
            .OrderBy(p => path.IndexOf("{" + p.WireName + "}", StringComparison.Ordinal))
            .Concat(parameters.Where(p => p.Location != ParameterLocation.Path && p.IsRequired))
            .Concat(parameters.Where(p => !p.IsRequired))
            .ToList();

        bool idempotent = VendorExtensions.GetBool(operation.Extensions, VendorExtensions.Idempotent)
            || parameters.Any(p => p.IsRequired && p.Location == ParameterLocation.Header && string.Equals(p.WireName, "Idempotency-Key", StringComparison.OrdinalIgnoreCase));
        PaginationSpec? pagination = MapPagination(operation, operationId, success, ordered, body, group, baseName, pointer);
        FileVariantSpec? variant = fileVariant is null ? null : new FileVariantSpec(group.Methods.Allocate(baseName + "File") + "Async", fileVariant.MediaType!);
        string trimmedPath = path.TrimStart('/');

        var spec = new OperationSpec(
            operationId,
            baseName + "Async",
            RequestBuilderName: string.Empty,
            method,
            trimmedPath,
            PathTemplate.Parts(trimmedPath, ordered),
            operation.Summary,
            operation.Description,
            operation.Deprecated,
            operation.Security is not { Count: 0 },
            OwnSecurity(operation, pointer),
            idempotent,
            ordered.ToEquatableArray(),
            body,
            MethodSignature.Build(ordered, body),
            success,
            variant,
            errors.ToEquatableArray(),
            retryAfter.Distinct(StringComparer.Ordinal).ToEquatableArray(),
            pagination,
            Servers?.ForOperation(pathItem, operation, pointer.Substring(0, pointer.LastIndexOf('/')), pointer));
        foreach (RequestBodySpec other in otherBodies)
        {
            // createNote with text/plain → CreateNoteTextAsync; application/xml → CreateNoteXmlAsync.
            string variantName = group.Methods.Allocate(baseName + Identifier.ToPascalCase(MediaTypes.Word(other.MediaType), "_", "Body"));
            variants.Add(spec with { MethodName = variantName + "Async", Body = other, Signature = MethodSignature.Build(ordered, other), FileVariant = null, Pagination = null });
        }

        return spec;
    }

    /// <summary>The document's security schemes and requirement; each operation's own requirement is read through it.</summary>
    public SecurityMapper? Security { get; init; }

    /// <summary>Where operations with servers of their own send their requests; null sends every operation to the base address.</summary>
    public ServerMapper? Servers { get; init; }

    /// <summary>The options class's member names, shared with the security schemes' and the server variables' properties.</summary>
    public NameScope OptionNames { get; init; } = new(ReservedNames.OptionsMembers);

    // An operation's own requirement, when it has one that is not security: [] and differs from the document's.
    private EquatableArray<SecurityRequirementSpec>? OwnSecurity(OpenApiOperation operation, string pointer) =>
        Security?.Requirement(operation.Security, pointer + "/security") is { Count: > 0 } own && !own.Equals(Security.Default) ? own : null;

    // Returns true when the caller may carry on without the part (it is optional), after warning about it.
    private bool Skip(bool required, string operationId, string pointer, string reason)
    {
        _diagnostics.AddAtPointer(DiagnosticDescriptors.OperationSkipped, pointer, operationId,
            required ? reason : reason + " (the optional part is left out; the operation is generated without it)");
        return !required;
    }

    private sealed class GroupBuilder(string propertyName, string typeName, string? description, string interfaceName, string rawTypeName, string rawInterfaceName)
    {
        public string PropertyName { get; } = propertyName;

        public string TypeName { get; } = typeName;

        public string? Description { get; } = description;

        public string InterfaceName { get; } = interfaceName;

        public string RawTypeName { get; } = rawTypeName;

        public string RawInterfaceName { get; } = rawInterfaceName;

        public List<OperationSpec> Operations { get; } = [];

        // Method names end in Async, so they cannot clash with the class's other members (Dispose, ToString,
        // BaseAddress, the group properties): only with each other. Request builders are Build…Request.
        public NameScope Methods { get; } = new();

        // The private request builders are named last, so that no public method name depends on them.
        public EquatableArray<OperationSpec> NameRequestBuilders() => Operations
            .Select(o => o with { RequestBuilderName = Methods.Allocate(RequestBuilderName(o.MethodName)) })
            .ToEquatableArray();
    }
}
