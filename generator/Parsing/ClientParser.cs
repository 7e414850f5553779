using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using AutoSend.Gen.Diagnostics;
using AutoSend.Gen.Helpers;
using AutoSend.Gen.Model;
using AutoSend.Gen.Naming;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.OpenApi;

namespace AutoSend.Gen.Parsing;

/// <summary>
/// The parser stage: spec text and settings in, an equatable <see cref="ClientSpec"/> and located diagnostics out.
/// Names are allocated in a fixed order (client types, component schemas, tag groups, inline types) so that the
/// names users see do not shift when unrelated parts of the document change.
/// </summary>
internal static class ClientParser
{
    /// <summary>Tests set this on their thread to see the stack of a failure that would be AG0008.</summary>
    [ThreadStatic]
    internal static bool ThrowOnFailure;

    public static ParseResult Parse(ClientInput input, CancellationToken cancellationToken)
    {
        var diagnostics = new DiagnosticBag();
        var locator = new SourceLocator(input.Path, input.Text);
        ClientSpec? client = null;
        try
        {
            OpenApiDocument? document = DocumentReader.Read(input.Text, input.Path, diagnostics);
            cancellationToken.ThrowIfCancellationRequested();
            if (document is not null)
            {
                OperationFilter.Apply(document, input.Filter, diagnostics);
                client = Build(input, document, diagnostics);
            }
        }
        catch (Exception exception) when (exception is not OperationCanceledException && !ThrowOnFailure)
        {
            // Never let one document take the others down (CS8785): report it on the spec file instead.
            diagnostics.AddAtLine(DiagnosticDescriptors.GeneratorFailure, 0, -1, exception.GetType().Name, exception.Message);
            client = null;
        }

        return new ParseResult(input.Path, diagnostics.HasErrors ? null : client, diagnostics.Resolve(locator));
    }

    private static ClientSpec? Build(ClientInput input, OpenApiDocument document, DiagnosticBag diagnostics)
    {
        string title = document.Info?.Title ?? string.Empty;
        string baseName = BaseName(title, input.Path);
        string clientName = input.ClientName.Length > 0 ? input.ClientName : baseName + "Client";
        if (!SyntaxFacts.IsValidIdentifier(clientName) || SyntaxFacts.GetKeywordKind(clientName) != SyntaxKind.None)
        {
            diagnostics.AddAtLine(DiagnosticDescriptors.InvalidSetting, 0, -1, "ClientName", clientName, input.Path, "type name");
            return null;
        }

        string ns = input.Namespace.Length > 0
            ? input.Namespace
            : (input.RootNamespace.Length > 0 ? input.RootNamespace + "." : string.Empty) + baseName;
        if (!IsValidNamespace(ns))
        {
            diagnostics.AddAtLine(DiagnosticDescriptors.InvalidSetting, 0, -1, "Namespace", ns, input.Path, "namespace");
            return null;
        }

        string contextBase = clientName.EndsWith("Client", StringComparison.Ordinal) && clientName.Length > "Client".Length
            ? clientName.Substring(0, clientName.Length - "Client".Length)
            : clientName;
        // The client's own types are named first, so no schema can take their names.
        var typeNames = new NameScope();
        string optionsName = typeNames.Allocate(clientName + "Options");
        string contextName = typeNames.Allocate(contextBase + "JsonContext");
        typeNames.Allocate(clientName);
        string rateLimiterName = typeNames.Allocate(optionsName + "RateLimiterExtensions");
        string interfaceName = typeNames.Allocate("I" + clientName);

        // Context members and the primitive metadata properties come first, so no model can take their names.
        var infoNames = new NameScope([contextName, .. ReservedNames.JsonContextMembers, .. Primitives.InfoNames]);
        var json = new JsonTypeRegistry();
        var schemas = new SchemaMapper(typeNames, infoNames, diagnostics, json);
        schemas.ReserveComponentNames(document.Components?.Schemas);

        var clientMembers = new NameScope([clientName, .. ReservedNames.ClientMembers]);
        // Credentials, server variables and shared headers are all options properties: named in one scope, in that order.
        NameScope optionNames = SecurityMapper.OptionsScope(optionsName);
        var security = new SecurityMapper(document, diagnostics, optionNames);
        var servers = new ServerMapper(document, diagnostics, optionNames);
        bool swagger2 = SourceLocator.IsSwagger2(input.Text);
        var operations = new OperationMapper(schemas, json, diagnostics, typeNames, swagger2 ? SourceLocator.ScalarsNamed(input.Text, "collectionFormat") : null)
        {
            Security = security,
            Servers = servers,
            OptionNames = optionNames,
        };
        schemas.MapComponents(document.Components?.Schemas);
        EquatableArray<OperationGroupSpec> groups = operations.Map(document, clientMembers, clientName);
        ResponseTypeSpec? response = operations.ResponseType(contextBase + "Response");
        WebhooksSpec? webhooks = new WebhookMapper(schemas, json, diagnostics).Map(document, contextBase, typeNames);
        // Swagger 2.0 is read as 3.0; the audit points at where 2.0 writes things.
        new ConstructAudit(diagnostics, swagger2).Audit(document);

        return new ClientSpec(
            ns,
            clientName,
            optionsName,
            contextName,
            rateLimiterName,
            title,
            document.Info?.Description,
            servers.DefaultBaseAddress,
            security.Schemes,
            security.Default,
            schemas.Declarations.ToEquatableArray(),
            groups,
            json.ToArray(),
            operations.SharedHeaders,
            interfaceName,
            response,
            webhooks,
            servers.BaseAddressTemplate,
            servers.Variables);
    }

    private static string BaseName(string title, string path)
    {
        string name = Identifier.ToPascalCase(title, "Api", string.Empty);
        foreach (string suffix in new[] { "RestApi", "Api" })
        {
            if (name.Length > suffix.Length && name.EndsWith(suffix, StringComparison.Ordinal))
            {
                name = name.Substring(0, name.Length - suffix.Length);
                break;
            }
        }

        // Room for the longest suffix the client's types add (ClientOptions, ClientServiceCollectionExtensions,
        // ClientOptionsRateLimiterExtensions), so those stay within the length cap too.
        name = name.Length > 0 ? name : Identifier.ToPascalCase(System.IO.Path.GetFileNameWithoutExtension(path), "Api", "OpenApi");
        return Identifier.Cap(name, Identifier.MaxLength - "ClientOptionsRateLimiterExtensions".Length);
    }

    private static bool IsValidNamespace(string ns) =>
        ns.Split('.').All(part => SyntaxFacts.IsValidIdentifier(part) && SyntaxFacts.GetKeywordKind(part) == SyntaxKind.None);
}
