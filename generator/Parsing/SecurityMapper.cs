using System;
using System.Collections.Generic;
using System.Linq;
using AutoSend.Gen.Diagnostics;
using AutoSend.Gen.Helpers;
using AutoSend.Gen.Model;
using AutoSend.Gen.Naming;
using Microsoft.OpenApi;

namespace AutoSend.Gen.Parsing;

/// <summary>
/// Where security schemes and requirements are read: every scheme the client can apply, with the options properties
/// that carry its credentials (named after the scheme), and each operation's requirement as alternatives of schemes
/// applied together. The document's first scheme keeps the options' <c>ApiKey</c> and <c>AccessTokenProvider</c>.
/// </summary>
internal sealed class SecurityMapper
{
    private readonly DiagnosticBag _diagnostics;
    private readonly Dictionary<string, SecuritySchemeSpec> _supported = new(StringComparer.Ordinal);
    private readonly HashSet<string> _declared = new(StringComparer.Ordinal);

    public SecurityMapper(OpenApiDocument document, DiagnosticBag diagnostics, NameScope optionsMembers)
    {
        _diagnostics = diagnostics;
        IDictionary<string, IOpenApiSecurityScheme> declared = document.Components?.SecuritySchemes ?? new Dictionary<string, IOpenApiSecurityScheme>();
        _declared.UnionWith(declared.Keys);

        // The primary scheme: the first the document requires, else the first it declares.
        string? primary = (document.Security ?? []).SelectMany(r => r.Keys).Select(k => k.Reference.Id).FirstOrDefault(id => id is not null && declared.ContainsKey(id))
            ?? declared.Keys.FirstOrDefault();
        Dictionary<string, List<string>> scopes = RequiredScopes(document);

        var schemes = new List<SecuritySchemeSpec>();
        foreach (string name in primary is null ? declared.Keys : declared.Keys.Where(k => k == primary).Concat(declared.Keys.Where(k => k != primary)))
        {
            if (Map(name, declared[name], name == primary, scopes, optionsMembers) is { } spec)
            {
                schemes.Add(spec);
                _supported.Add(name, spec);
            }
        }

        Schemes = schemes.ToEquatableArray();

        // Without a document-wide requirement, the primary scheme is sent (as clients always did): a document that
        // declares a scheme and never requires it rarely means "no credentials".
        Default = document.Security is { Count: > 0 }
            ? Requirement(document.Security, "#/security")!.Value
            : (primary is not null && _supported.ContainsKey(primary) ? new[] { new SecurityRequirementSpec(new[] { primary }.ToEquatableArray()) } : []).ToEquatableArray();
    }

    /// <summary>The schemes the client applies, the primary one first.</summary>
    public EquatableArray<SecuritySchemeSpec> Schemes { get; }

    /// <summary>The document-wide requirement: what an operation without its own <c>security</c> sends.</summary>
    public EquatableArray<SecurityRequirementSpec> Default { get; }

    /// <summary>Reserves the options properties of a scheme's credentials, and the base class's members.</summary>
    public static NameScope OptionsScope(string optionsName) => new([optionsName, .. ReservedNames.OptionsMembers]);

    /// <summary>
    /// An operation's requirement: null when it declares none (the document's applies); empty for <c>security: []</c>.
    /// Alternatives naming a scheme the client cannot apply are left out, with a warning when none remains.
    /// </summary>
    public EquatableArray<SecurityRequirementSpec>? Requirement(IList<OpenApiSecurityRequirement>? security, string pointer)
    {
        if (security is null)
        {
            return null;
        }

        var alternatives = new List<SecurityRequirementSpec>();
        for (int i = 0; i < security.Count; i++)
        {
            List<string> names = security[i].Keys.Select(k => k.Reference.Id ?? string.Empty).ToList();
            string? undeclared = names.FirstOrDefault(n => !_declared.Contains(n));
            if (undeclared is not null)
            {
                _diagnostics.AddAtPointer(DiagnosticDescriptors.UndeclaredSecurityScheme, pointer + "/" + i, undeclared);
                continue;
            }

            if (names.All(_supported.ContainsKey))
            {
                alternatives.Add(new SecurityRequirementSpec(names.ToEquatableArray()));
            }
        }

        if (security.Count > 0 && alternatives.Count == 0)
        {
            _diagnostics.AddAtPointer(DiagnosticDescriptors.UnusableSecurityRequirement, pointer, pointer == "#/security" ? "the document" : "this operation");
        }

        return alternatives.ToEquatableArray();
    }

    private SecuritySchemeSpec? Map(string name, IOpenApiSecurityScheme scheme, bool primary, Dictionary<string, List<string>> scopes, NameScope members)
    {
        SecuritySchemeKind? kind = scheme.Type switch
        {
            SecuritySchemeType.Http when string.Equals(scheme.Scheme, "bearer", StringComparison.OrdinalIgnoreCase) => SecuritySchemeKind.Bearer,
            SecuritySchemeType.Http when string.Equals(scheme.Scheme, "basic", StringComparison.OrdinalIgnoreCase) => SecuritySchemeKind.Basic,
            SecuritySchemeType.ApiKey when scheme.In == Microsoft.OpenApi.ParameterLocation.Header => SecuritySchemeKind.ApiKeyHeader,
            SecuritySchemeType.ApiKey when scheme.In == Microsoft.OpenApi.ParameterLocation.Query => SecuritySchemeKind.ApiKeyQuery,
            SecuritySchemeType.ApiKey when scheme.In == Microsoft.OpenApi.ParameterLocation.Cookie => SecuritySchemeKind.ApiKeyCookie,
            SecuritySchemeType.OAuth2 or SecuritySchemeType.OpenIdConnect => SecuritySchemeKind.Bearer,
            _ => null,
        };
        string at = "#/components/securitySchemes/" + SourceLocator.Escape(name);
        if (kind is null)
        {
            _diagnostics.AddAtPointer(DiagnosticDescriptors.UnsupportedSecurityScheme, at, name, Describe(scheme));
            return null;
        }

        string prefix = Identifier.ToPascalCase(name, "Scheme", "Scheme");
        string Allocate(string suffix)
        {
            // apiKey → ApiKeyKey reads badly: a name that already ends with the suffix keeps it once.
            string preferred = prefix.EndsWith(suffix, StringComparison.Ordinal) ? prefix : prefix + suffix;
            return members.IsTaken(preferred) ? members.Allocate(preferred + "Credential") : members.Allocate(preferred);
        }

        string? tokenUrl = scheme.Flows?.ClientCredentials?.TokenUrl?.OriginalString;
        ClientCredentialsSpec? clientCredentials = tokenUrl is { Length: > 0 }
            ? new ClientCredentialsSpec(tokenUrl, (scopes.TryGetValue(name, out List<string>? s) ? s : []).ToEquatableArray(),
                Allocate("ClientId"), Allocate("ClientSecret"), Allocate("Scopes"))
            : null;
        if (primary)
        {
            return new SecuritySchemeSpec(name, kind.Value, scheme.Name, scheme.Description, true, null, null, null, null, clientCredentials);
        }

        return kind.Value switch
        {
            SecuritySchemeKind.Basic => new SecuritySchemeSpec(name, kind.Value, null, scheme.Description, false, null, null,
                Allocate("UserName"), Allocate("Password"), null),
            SecuritySchemeKind.Bearer => new SecuritySchemeSpec(name, kind.Value, null, scheme.Description, false,
                Allocate("Token"), Allocate("TokenProvider"), null, null, clientCredentials),
            _ => new SecuritySchemeSpec(name, kind.Value, scheme.Name, scheme.Description, false, Allocate("Key"), null, null, null, null),
        };
    }

    private static string Describe(IOpenApiSecurityScheme scheme) =>
        scheme.Type?.GetDisplayName() + (scheme.Scheme is { Length: > 0 } ? " " + scheme.Scheme : string.Empty);

    // The scopes each scheme is required with anywhere in the document, in order of appearance.
    private static Dictionary<string, List<string>> RequiredScopes(OpenApiDocument document)
    {
        var result = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        IEnumerable<OpenApiSecurityRequirement> requirements = (document.Security ?? [])
            .Concat((document.Paths ?? new OpenApiPaths()).Values.SelectMany(p => (p.Operations ?? new Dictionary<System.Net.Http.HttpMethod, OpenApiOperation>()).Values)
                .SelectMany(o => o.Security ?? []));
        foreach (OpenApiSecurityRequirement requirement in requirements)
        {
            foreach (KeyValuePair<OpenApiSecuritySchemeReference, List<string>> entry in requirement)
            {
                if (entry.Key.Reference.Id is not { } id)
                {
                    continue;
                }

                if (!result.TryGetValue(id, out List<string>? list))
                {
                    result.Add(id, list = []);
                }

                list.AddRange(entry.Value.Where(s => !list.Contains(s)));
            }
        }

        return result;
    }
}
