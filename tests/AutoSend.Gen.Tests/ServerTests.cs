using AutoSend.Gen.Tests.Infrastructure;
using Microsoft.CodeAnalysis;

namespace AutoSend.Gen.Tests;

/// <summary>
/// Servers as the document writes them: variables become checked options properties, paths and operations with
/// servers of their own send there, and a server the client cannot use is a located AG0030 warning, never silence.
/// </summary>
public sealed class ServerTests
{
    private static string Document(string servers, string pathServers) => $$"""
        openapi: 3.1.0
        info: {title: Hosts, version: '1'}
        servers:
        {{servers}}
        paths:
          /things:
        {{pathServers}}
            get:
              operationId: listThings
              responses:
                '204': {description: none}
        """;

    private static GeneratorRun Run(string servers, string pathServers) =>
        GeneratorHarness.Run(new SpecInput("/specs/hosts.yaml", Document(servers, pathServers)));

    private static string Source(GeneratorRun run, string suffix) => Assert.Single(run.Sources, s => s.HintName.EndsWith(suffix, StringComparison.Ordinal)).Text;

    [Fact]
    public void A_server_variable_is_an_options_property_with_its_default_and_its_values_checked()
    {
        GeneratorRun run = Run("  - url: https://{region}.hosts.example/v1\n    variables:\n      region: {default: eu, enum: [eu, us]}", string.Empty);

        Assert.Empty(run.GeneratorDiagnostics);
        string options = Source(run, ".HostsClientOptions.g.cs");
        Assert.Contains("public string Region", options);
        Assert.Contains("private string _serverRegion = \"eu\";", options);
        Assert.Contains("global::AutoSend.Runtime.Primitives.ApiServers.Check(nameof(Region), value, \"eu\", \"us\")", options);
        string client = Source(run, ".HostsClient.g.cs");
        Assert.Contains("DefaultBaseAddress { get; } = new(\"https://eu.hosts.example/v1/\")", client);
        Assert.Contains("servers.ResolveAbsolute(\"https://{region}.hosts.example/v1\")", client);
        Assert.Empty(run.CompileProblems);
    }

    [Fact]
    public void A_variable_named_like_an_options_member_gets_another_name()
    {
        GeneratorRun run = Run("  - url: https://api.example/{timeout}\n    variables:\n      timeout: {default: t1}", string.Empty);

        Assert.Contains("public string Timeout2", Source(run, ".HostsClientOptions.g.cs"));
        Assert.Empty(run.CompileProblems);
    }

    [Fact]
    public void A_path_server_with_an_undeclared_variable_is_AG0030_where_it_is_written_and_the_path_uses_the_base_address()
    {
        GeneratorRun run = Run("  - url: https://api.example/v1", "    servers:\n      - url: https://{uploadHost}/files");

        Diagnostic diagnostic = Assert.Single(run.GeneratorDiagnostics);
        Assert.Equal("AG0030", diagnostic.Id);
        Assert.Equal(DiagnosticSeverity.Warning, diagnostic.Severity);
        Assert.Equal(7, diagnostic.Location.GetLineSpan().StartLinePosition.Line);
        Assert.Contains("'{uploadHost}'", diagnostic.GetMessage());
        Assert.Contains("_connection.CreateRequest(global::System.Net.Http.HttpMethod.Get, \"things\")", Source(run, ".HostsClient.g.cs"));
        Assert.Empty(run.CompileProblems);
    }

    [Fact]
    public void A_path_server_that_is_not_http_is_AG0030()
    {
        GeneratorRun run = Run("  - url: https://api.example/v1", "    servers:\n      - url: ftp://files.example/");

        Assert.Equal("AG0030", Assert.Single(run.GeneratorDiagnostics).Id);
    }

    [Fact]
    public void A_path_server_that_repeats_the_documents_goes_to_the_base_address_without_a_warning()
    {
        GeneratorRun run = Run("  - url: https://api.example/v1", "    servers:\n      - url: https://api.example/v1");

        Assert.Empty(run.GeneratorDiagnostics);
        Assert.Contains("_connection.CreateRequest(global::System.Net.Http.HttpMethod.Get, \"things\")", Source(run, ".HostsClient.g.cs"));
    }

    [Fact]
    public void A_relative_path_server_is_kept_for_the_runtime_to_resolve_against_the_base_address()
    {
        GeneratorRun run = Run("  - url: https://api.example/v1", "    servers:\n      - url: /legacy");

        Assert.Empty(run.GeneratorDiagnostics);
        Assert.Contains("_connection.CreateRequest(global::System.Net.Http.HttpMethod.Get, \"/legacy\", \"things\")", Source(run, ".HostsClient.g.cs"));
    }
}
