using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using AutoSend.Gen.Diagnostics;
using AutoSend.Gen.Helpers;
using AutoSend.Gen.Model;
using AutoSend.Gen.Naming;
using Microsoft.OpenApi;

namespace AutoSend.Gen.Parsing;

/// <summary>
/// Where requests go: the document's first server is the client's default base address, and a path or operation
/// that declares servers of its own sends its requests to the first of them (the operation's before the path's).
/// Each <c>{variable}</c> of these servers becomes a property of the options, its default the document's, its values
/// checked against the document's <c>enum</c>. A server that cannot be used is reported (AG0030) and its operations
/// go to the base address.
/// </summary>
internal sealed class ServerMapper
{
    private static readonly Regex s_variable = new(@"\{([^{}]*)\}", RegexOptions.CultureInvariant);

    private readonly DiagnosticBag _diagnostics;
    private readonly NameScope _optionNames;
    private readonly Dictionary<string, ServerVariableSpec> _variables = new(StringComparer.Ordinal);
    private readonly string? _documentServer;

    /// <param name="document">The document.</param>
    /// <param name="diagnostics">Where unusable servers are reported.</param>
    /// <param name="optionNames">The options class's member names, where variable properties are named.</param>
    public ServerMapper(OpenApiDocument document, DiagnosticBag diagnostics, NameScope optionNames)
    {
        _diagnostics = diagnostics;
        _optionNames = optionNames;
        if (document.Servers?.FirstOrDefault() is { Url: not null } server && Register(server, "#/servers/0", absoluteOnly: true))
        {
            _documentServer = server.Url;
            DefaultBaseAddress = WithSlash(Substitute(server.Url, name => _variables[name].Default));
            BaseAddressTemplate = s_variable.IsMatch(server.Url) ? server.Url : null;
        }
    }

    /// <summary>The document's first server with its variables' defaults, ending with a slash; null when it has no usable absolute one.</summary>
    public string? DefaultBaseAddress { get; }

    /// <summary>The document's first server when it has variables, else null.</summary>
    public string? BaseAddressTemplate { get; }

    /// <summary>The variables of every server used so far, in the order they were first met.</summary>
    public EquatableArray<ServerVariableSpec> Variables => _variables.Values.ToEquatableArray();

    /// <summary>
    /// The server an operation's requests go to, when it is not the document's: the operation's first server, else its
    /// path's first; null when neither declares one, it is the document's own, or it cannot be used (then reported).
    /// </summary>
    public string? ForOperation(IOpenApiPathItem pathItem, OpenApiOperation operation, string pathPointer, string operationPointer)
    {
        (OpenApiServer? server, string pointer) = operation.Servers?.FirstOrDefault() is { } own
            ? (own, operationPointer + "/servers/0")
            : (pathItem.Servers?.FirstOrDefault(), pathPointer + "/servers/0");
        if (server?.Url is not { Length: > 0 } url || url == _documentServer)
        {
            return null;
        }

        return Register(server, pointer, absoluteOnly: false) ? url : null;
    }

    // Checks a server and names its new variables; false (with a warning) when the client cannot send to it.
    private bool Register(OpenApiServer server, string pointer, bool absoluteOnly)
    {
        string url = server.Url!;
        IDictionary<string, OpenApiServerVariable> declared = server.Variables ?? new Dictionary<string, OpenApiServerVariable>();
        var found = new Dictionary<string, ServerVariableSpec>(StringComparer.Ordinal);
        foreach (string name in s_variable.Matches(url).Cast<Match>().Select(m => m.Groups[1].Value))
        {
            if (_variables.ContainsKey(name) || found.ContainsKey(name))
            {
                continue;
            }

            if (!declared.TryGetValue(name, out OpenApiServerVariable? variable) || variable is null)
            {
                return Unusable(pointer, url, "it uses the variable '{" + name + "}', which its variables do not declare");
            }

            List<string> values = (variable.Enum ?? []).Where(v => v is not null).Distinct(StringComparer.Ordinal).ToList();
            string? fallback = variable.Default ?? values.FirstOrDefault();
            if (fallback is null)
            {
                return Unusable(pointer + "/variables/" + SourceLocator.Escape(name), url, "its variable '" + name + "' has no default");
            }

            if (values.Count > 0 && !values.Contains(fallback))
            {
                // OpenAPI requires the default to be one of the values; the client allows it too rather than refuse its own default.
                values.Insert(0, fallback);
            }

            found.Add(name, new ServerVariableSpec(name, string.Empty, fallback, values.ToEquatableArray(), variable.Description));
        }

        string example = Substitute(url, name => (found.TryGetValue(name, out ServerVariableSpec? own) ? own : _variables[name]).Default);
        Uri? uri = null;
        // "/v2" is a file path to Uri on Unix: a server is absolute only when it names a scheme.
        bool absolute = example.Contains("://") && Uri.TryCreate(example, UriKind.Absolute, out uri);
        if (absolute ? uri!.Scheme is not ("https" or "http") || uri.Query.Length > 0 || uri.Fragment.Length > 0 : absoluteOnly || example.IndexOfAny(['?', '#', ':', '{', '}']) >= 0)
        {
            // A document whose own server is relative has no default base address (the caller sets one), as before.
            return !absolute && absoluteOnly ? false : Unusable(pointer, url, "with its defaults it is '" + example + "', not an http(s) address without a query");
        }

        foreach (ServerVariableSpec variable in found.Values)
        {
            _variables.Add(variable.Name, variable with { PropertyName = _optionNames.Allocate(Identifier.ToPascalCase(variable.Name, "_", "Server")) });
        }

        return true;
    }

    private bool Unusable(string pointer, string url, string reason)
    {
        _diagnostics.AddAtPointer(DiagnosticDescriptors.UnusableServer, pointer, url, reason);
        return false;
    }

    private static string Substitute(string template, Func<string, string> value) =>
        s_variable.Replace(template, match => value(match.Groups[1].Value));

    private static string WithSlash(string url) => url.EndsWith("/", StringComparison.Ordinal) ? url : url + "/";
}
