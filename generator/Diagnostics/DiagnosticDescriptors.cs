using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace AutoSend.Gen.Diagnostics;

/// <summary>
/// Every diagnostic the generator reports. IDs are stable and documented in docs/diagnostics.md; each message says what
/// is wrong and what to do, and points at the spec file and line.
/// </summary>
internal static class DiagnosticDescriptors
{
    private const string Category = "AutoSend.Gen";

    public static readonly DiagnosticDescriptor UnreadableDocument = new(
        "AG0001",
        "The OpenAPI document cannot be read",
        "The OpenAPI document cannot be read: {0}",
        Category, DiagnosticSeverity.Error, isEnabledByDefault: true,
        description: "The file is not valid YAML or JSON, or not an OpenAPI document. No client is generated from it; fix the syntax at the reported line.");

    public static readonly DiagnosticDescriptor UnsupportedVersion = new(
        "AG0002",
        "The OpenAPI version is not supported",
        "The document declares OpenAPI version '{0}', which is not supported; use OpenAPI 2.0, 3.0, 3.1 or 3.2",
        Category, DiagnosticSeverity.Error, isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor EmptyDocument = new(
        "AG0003",
        "The OpenAPI document is empty",
        "The OpenAPI document '{0}' is empty; write an OpenAPI document into it or remove the <OpenApiClient> item",
        Category, DiagnosticSeverity.Error, isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor UnresolvedReference = new(
        "AG0004",
        "A $ref points to nothing",
        "The reference '{0}' does not point to anything in the document; the value is typed as JsonNode until the reference is fixed",
        Category, DiagnosticSeverity.Warning, isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor ReaderProblem = new(
        "AG0005",
        "The OpenAPI reader reports a problem",
        "The OpenAPI reader reports a problem: {0}",
        Category, DiagnosticSeverity.Warning, isEnabledByDefault: true,
        description: "The reader met a value it cannot read where it stands (a list where a map belongs, an unknown field) and left it out. Problems the reader names a rule for are AG0015; the message is the reader's own.");

    public static readonly DiagnosticDescriptor UnsupportedSchema = new(
        "AG0006",
        "A schema construct is not supported",
        "{0}; '{1}' is typed as {2}",
        Category, DiagnosticSeverity.Warning, isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor DuplicateClient = new(
        "AG0007",
        "Two OpenAPI documents generate the same type",
        "The type '{0}' in namespace '{1}' is also generated from '{2}'; give one of the <OpenApiClient> items its own Namespace or ClientName",
        Category, DiagnosticSeverity.Error, isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor GeneratorFailure = new(
        "AG0008",
        "The generator failed on this document",
        "The generator failed on this document ({0}: {1}); the other documents are not affected. Please report this with the document.",
        Category, DiagnosticSeverity.Error, isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor OperationSkipped = new(
        "AG0009",
        "An operation is not generated",
        "The operation '{0}' is not generated: {1}",
        Category, DiagnosticSeverity.Warning, isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor InvalidSetting = new(
        "AG0010",
        "An <OpenApiClient> setting is invalid",
        "The {0} '{1}' of <OpenApiClient Include=\"{2}\"> is not a valid C# {3}",
        Category, DiagnosticSeverity.Error, isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor ExtensionIgnored = new(
        "AG0011",
        "A vendor extension cannot be applied",
        "The {0} extension of '{1}' is ignored: {2}",
        Category, DiagnosticSeverity.Warning, isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor ReferenceCycle = new(
        "AG0012",
        "A $ref never reaches a schema",
        "The reference '{0}' leads back to itself without reaching a schema; the value is typed as JsonNode until the cycle is broken",
        Category, DiagnosticSeverity.Warning, isEnabledByDefault: true,
        description: "A chain of $refs loops (A: {$ref: A}, or A → B → A) or is longer than 64 links, so it names no schema.");

    public static readonly DiagnosticDescriptor UnsupportedSecurityScheme = new(
        "AG0013",
        "A security scheme is not supported",
        "The security scheme '{0}' ({1}) is not supported yet; requests are sent without it",
        Category, DiagnosticSeverity.Warning, isEnabledByDefault: true,
        description: "Supported: http bearer and basic, apiKey in a header, query or cookie, oauth2 and openIdConnect (as a bearer token).");

    public static readonly DiagnosticDescriptor DuplicateOperationId = new(
        "AG0014",
        "An operationId is used more than once",
        "The operationId '{0}' is used by more than one operation; this one's C# names are made from '{1}'",
        Category, DiagnosticSeverity.Warning, isEnabledByDefault: true,
        description: "OpenAPI requires each operationId to be unique. The operation keeps the document's id on the wire, in exceptions and traces; only its C# names get a number.");

    public static readonly DiagnosticDescriptor RuleViolation = new(
        "AG0015",
        "The document breaks an OpenAPI rule",
        "The document breaks the OpenAPI rule {0}: {1}",
        Category, DiagnosticSeverity.Warning, isEnabledByDefault: true,
        description: "The reader's validation names the rule (for example ResponsesMustContainAtLeastOneResponse); the message is the reader's own. The client is generated.");

    public static readonly DiagnosticDescriptor NotMapped = new(
        "AG0016",
        "A construct is not used by the generated client",
        "'{0}' is not used by the generated client: {1}",
        Category, DiagnosticSeverity.Warning, isEnabledByDefault: true,
        description: "Never silence: every construct the generator reads and does not turn into code (callbacks, links, patternProperties, unknown formats, xml...) is reported where it is written, once per construct and place.");

    public static readonly DiagnosticDescriptor PagingNotRecognised = new(
        "AG0017",
        "A list's paging is ambiguous",
        "The paging of '{0}' is not recognised: {1}; no {2} is generated",
        Category, DiagnosticSeverity.Warning, isEnabledByDefault: true,
        description: "The operation looks paginated, but the patterns the generator recognises by name match in more than one way; x-pagination says which.");

    public static readonly DiagnosticDescriptor UndeclaredSecurityScheme = new(
        "AG0018",
        "A security requirement names an undeclared scheme",
        "The security requirement names '{0}', which components/securitySchemes does not declare; this alternative is never used",
        Category, DiagnosticSeverity.Warning, isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor UnusableSecurityRequirement = new(
        "AG0019",
        "No alternative of a security requirement can be applied",
        "No alternative of the security requirement of {0} uses only schemes the client can apply; it is sent without credentials",
        Category, DiagnosticSeverity.Warning, isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor WebhookWithoutPayload = new(
        "AG0020",
        "A webhook has no JSON payload",
        "The webhook '{0}' has no JSON request body; {1}.Parse returns its deliveries as unknown, with the JSON as payload",
        Category, DiagnosticSeverity.Warning, isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor UnknownFilterName = new(
        "AG0023",
        "An <OpenApiClient> filter names something the document does not declare",
        "The {0} setting of <OpenApiClient> names the {2} '{1}', which the document does not declare; {3}",
        Category, DiagnosticSeverity.Warning, isEnabledByDefault: true,
        description: "Operations, Tags and ExcludeTags select operations by operationId and tag name, exactly as the document spells them. A name that matches nothing selects nothing; the rest of the filter still applies.");

    public static readonly DiagnosticDescriptor UnusableServer = new(
        "AG0030",
        "A server cannot be used",
        "The server '{0}' cannot be used: {1}; its operations go to the client's base address",
        Category, DiagnosticSeverity.Warning, isEnabledByDefault: true,
        description: "A path's or operation's first server (or the document's) is where its requests go; each {variable} must be declared with a default, and the URL must be http(s) without a query.");

    public static readonly DiagnosticDescriptor FalseSchema = new(
        "AG0031",
        "A schema allows no value",
        "This schema is 'false': no value is valid here; it is typed as JsonNode",
        Category, DiagnosticSeverity.Warning, isEnabledByDefault: true,
        description: "In OpenAPI 3.1 a schema may be a boolean: 'true' allows any value (typed as JsonNode), 'false' allows none. A member nothing can satisfy is typed loosely as JsonNode so the rest of the client is generated; remove it or give it a schema.");

    public static readonly DiagnosticDescriptor UnreadableValue = new(
        "AG0032",
        "A value that cannot be read is left out",
        "{0} {1}; it is left out and the rest of the document is generated",
        Category, DiagnosticSeverity.Warning, isEnabledByDefault: true,
        description: "The OpenAPI reader cannot read a value of the wrong kind where a schema, a media type, a security scheme or another object belongs, an empty $ref, or a length or count that is no non-negative integer. The generator leaves such a value out, reports where it is, and generates the rest.");

    /// <summary>Every descriptor, in ID order.</summary>
    public static readonly IReadOnlyList<DiagnosticDescriptor> All =
    [
        UnreadableDocument, UnsupportedVersion, EmptyDocument, UnresolvedReference, ReaderProblem,
        UnsupportedSchema, DuplicateClient, GeneratorFailure, OperationSkipped, InvalidSetting, ExtensionIgnored,
        ReferenceCycle, UnsupportedSecurityScheme, DuplicateOperationId, RuleViolation, NotMapped, PagingNotRecognised,
        UndeclaredSecurityScheme, UnusableSecurityRequirement, WebhookWithoutPayload, UnknownFilterName, UnusableServer,
        FalseSchema, UnreadableValue,
    ];

    private static readonly Dictionary<string, DiagnosticDescriptor> s_byId = All.ToDictionary(d => d.Id);

    public static DiagnosticDescriptor Get(string id) => s_byId[id];
}
