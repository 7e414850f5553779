using AutoSend.Gen.Tests.Infrastructure;
using Microsoft.CodeAnalysis;

namespace AutoSend.Gen.Tests;

/// <summary>Broken documents give located diagnostics with IDs, never a crash or silence, and never stop the others.</summary>
public sealed class DiagnosticTests
{
    private const string Valid = """
        openapi: 3.1.0
        info: {title: Good, version: '1'}
        paths:
          /ping:
            get:
              operationId: ping
              responses:
                '204': {description: pong}
        """;

    [Fact]
    public void Malformed_yaml_is_AG0001_at_the_broken_line()
    {
        Diagnostic diagnostic = Single("/specs/broken.yaml", "openapi: 3.1.0\ninfo: {title: T, version: '1'\npaths: {}\n", "AG0001");

        Assert.Equal(DiagnosticSeverity.Error, diagnostic.Severity);
        Assert.Equal("/specs/broken.yaml", diagnostic.Location.GetLineSpan().Path);
        Assert.Equal(2, diagnostic.Location.GetLineSpan().StartLinePosition.Line);
        Assert.Contains("cannot be read", diagnostic.GetMessage());
    }

    [Fact]
    public void Malformed_json_is_AG0001_at_the_broken_line()
    {
        Diagnostic diagnostic = Single("/specs/broken.json", "{\"openapi\": \"3.0.0\",\n\"info\": {\"title\": \"T\", \"version\": \"1\"},\n\"paths\": {\"x\": 1,}}", "AG0001");

        Assert.Equal(2, diagnostic.Location.GetLineSpan().StartLinePosition.Line);
    }

    [Fact]
    public void Unsupported_version_is_AG0002_on_the_openapi_line()
    {
        Diagnostic diagnostic = Single("/specs/v4.yaml", "info: {title: T, version: '1'}\nopenapi: 4.0.0\npaths: {}\n", "AG0002");

        Assert.Equal(DiagnosticSeverity.Error, diagnostic.Severity);
        Assert.Equal(1, diagnostic.Location.GetLineSpan().StartLinePosition.Line);
        Assert.Contains("4.0.0", diagnostic.GetMessage());
    }

    [Fact]
    public void Unresolved_reference_is_AG0004_at_the_ref_line_and_the_client_still_generates()
    {
        const string spec = """
            openapi: 3.1.0
            info: {title: Refs, version: '1'}
            paths:
              /things:
                get:
                  operationId: listThings
                  responses:
                    '200':
                      description: ok
                      content:
                        application/json:
                          schema:
                            $ref: '#/components/schemas/Missing'
            """;
        GeneratorRun run = GeneratorHarness.Run(new SpecInput("/specs/refs.yaml", spec));
        Diagnostic diagnostic = Assert.Single(run.GeneratorDiagnostics, d => d.Id == "AG0004");

        Assert.Equal(DiagnosticSeverity.Warning, diagnostic.Severity);
        Assert.Equal(12, diagnostic.Location.GetLineSpan().StartLinePosition.Line);
        Assert.Contains("#/components/schemas/Missing", diagnostic.GetMessage());
        Assert.Contains(run.Sources, s => s.HintName == "Consumer.Refs.RefsClient.g.cs");
        Assert.Empty(run.CompileProblems.Select(d => d.ToString()));
    }

    [Fact]
    public void Empty_file_is_AG0003()
    {
        Diagnostic diagnostic = Single("/specs/empty.yaml", "  \n", "AG0003");

        Assert.Equal(0, diagnostic.Location.GetLineSpan().StartLinePosition.Line);
        Assert.Contains("empty", diagnostic.GetMessage());
    }

    [Theory]
    [InlineData("openapi: 3.1.0\ninfo: {title: T, version: '1'\npaths: {}\n")]
    [InlineData("openapi: 4.0.0\ninfo: {title: T, version: '1'}\npaths: {}\n")]
    [InlineData("")]
    [InlineData("- just\n- a list\n")]
    [InlineData("\"a scalar\"")]
    public void A_broken_document_does_not_stop_the_others(string broken)
    {
        GeneratorRun run = GeneratorHarness.Run(new SpecInput("/specs/broken.yaml", broken), new SpecInput("/specs/good.yaml", Valid));

        Assert.Contains(run.GeneratorDiagnostics, d => d.Location.GetLineSpan().Path == "/specs/broken.yaml" && d.Severity == DiagnosticSeverity.Error);
        Assert.DoesNotContain(run.GeneratorDiagnostics, d => d.Id == "AG0008");
        Assert.Contains(run.Sources, s => s.HintName == "Consumer.Good.GoodClient.g.cs");
        Assert.DoesNotContain(run.Sources, s => s.HintName.Contains("broken", StringComparison.OrdinalIgnoreCase));
        Assert.Empty(run.CompileProblems.Select(d => d.ToString()));
    }

    [Fact]
    public void Two_documents_with_the_same_client_are_AG0007_and_the_first_wins()
    {
        GeneratorRun run = GeneratorHarness.Run(new SpecInput("/specs/a.yaml", Valid), new SpecInput("/specs/b.yaml", Valid));

        Diagnostic diagnostic = Assert.Single(run.GeneratorDiagnostics.Where(d => d.Id == "AG0007").Take(1));
        Assert.Equal("/specs/b.yaml", diagnostic.Location.GetLineSpan().Path);
        Assert.Contains("/specs/a.yaml", diagnostic.GetMessage());
        Assert.Contains(run.Sources, s => s.HintName == "Consumer.Good.GoodClient.g.cs");
        Assert.Empty(run.CompileProblems.Select(d => d.ToString()));
    }

    [Fact]
    public void Two_documents_with_their_own_namespaces_both_generate()
    {
        GeneratorRun run = GeneratorHarness.Run(new SpecInput("/specs/a.yaml", Valid, "First"), new SpecInput("/specs/b.yaml", Valid, "Second"));

        Assert.Empty(run.GeneratorDiagnostics);
        Assert.Contains(run.Sources, s => s.HintName == "First.GoodClient.g.cs");
        Assert.Contains(run.Sources, s => s.HintName == "Second.GoodClient.g.cs");
        Assert.Empty(run.CompileProblems.Select(d => d.ToString()));
    }

    [Theory]
    [InlineData("My-Namespace", "", "Namespace")]
    [InlineData("Ok.class", "", "Namespace")]
    [InlineData("", "2Client", "ClientName")]
    public void Invalid_settings_are_AG0010(string ns, string clientName, string setting)
    {
        GeneratorRun run = GeneratorHarness.Run(new SpecInput("/specs/a.yaml", Valid, ns, clientName));

        Diagnostic diagnostic = Assert.Single(run.GeneratorDiagnostics);
        Assert.Equal("AG0010", diagnostic.Id);
        Assert.Contains(setting, diagnostic.GetMessage());
        Assert.Empty(run.Sources);
    }

    private static Diagnostic Single(string path, string text, string id)
    {
        GeneratorRun run = GeneratorHarness.Run(new SpecInput(path, text));
        Assert.Empty(run.Sources);
        return Assert.Single(run.GeneratorDiagnostics, d => d.Id == id);
    }
}
