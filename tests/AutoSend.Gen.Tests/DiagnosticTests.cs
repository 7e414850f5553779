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

    [Fact]
    public void A_value_the_reader_cannot_read_is_AG0005_at_its_key_and_the_client_still_generates()
    {
        const string spec = """
            openapi: 3.0.3
            info: {title: Shapes, version: '1'}
            paths:
              /things:
                get:
                  operationId: listThings
                  parameters: 5
                  responses:
                    '204': {description: none}
            """;
        GeneratorRun run = GeneratorHarness.Run(new SpecInput("/specs/shapes.yaml", spec));

        Diagnostic diagnostic = Assert.Single(run.GeneratorDiagnostics);
        Assert.Equal("AG0005", diagnostic.Id);
        Assert.Equal(DiagnosticSeverity.Warning, diagnostic.Severity);
        Assert.Equal(6, diagnostic.Location.GetLineSpan().StartLinePosition.Line);
        Assert.Equal("The OpenAPI reader reports a problem: Expected list while parsing IOpenApiParameter", diagnostic.GetMessage());
        Assert.Contains(run.Sources, s => s.HintName == "Consumer.Shapes.ShapesClient.g.cs");
        Assert.Empty(run.CompileProblems.Select(d => d.ToString()));
    }

    [Fact]
    public void Unsupported_security_scheme_is_AG0013_at_the_scheme_and_requests_go_without_it()
    {
        const string spec = """
            openapi: 3.1.0
            info: {title: Secure, version: '1'}
            paths:
              /ping:
                get:
                  operationId: ping
                  responses:
                    '204': {description: pong}
            components:
              securitySchemes:
                token: {type: http, scheme: bearer}
                mutual: {type: mutualTLS}
                digest: {type: http, scheme: digest}
            """;
        GeneratorRun run = GeneratorHarness.Run(new SpecInput("/specs/secure.yaml", spec));

        Assert.Equal(
            ["11 The security scheme 'mutual' (mutualTLS) is not supported yet; requests are sent without it",
             "12 The security scheme 'digest' (http digest) is not supported yet; requests are sent without it"],
            run.GeneratorDiagnostics.Where(d => d.Id == "AG0013").Select(d => $"{d.Location.GetLineSpan().StartLinePosition.Line} {d.GetMessage()}"));
        Assert.Equal(2, run.GeneratorDiagnostics.Length);
        Assert.Contains(run.Sources, s => s.HintName == "Consumer.Secure.SecureClient.g.cs");
        Assert.Empty(run.CompileProblems.Select(d => d.ToString()));
    }

    [Fact]
    public void A_repeated_operationId_is_AG0014_at_the_second_id()
    {
        const string spec = """
            openapi: 3.1.0
            info: {title: Twice, version: '1'}
            paths:
              /a:
                get:
                  operationId: getThing
                  responses:
                    '204': {description: a}
              /b:
                get:
                  operationId: getThing
                  responses:
                    '204': {description: b}
            """;
        GeneratorRun run = GeneratorHarness.Run(new SpecInput("/specs/twice.yaml", spec));

        Diagnostic diagnostic = Assert.Single(run.GeneratorDiagnostics);
        Assert.Equal("AG0014", diagnostic.Id);
        Assert.Equal(10, diagnostic.Location.GetLineSpan().StartLinePosition.Line);
        Assert.Equal("The operationId 'getThing' is used by more than one operation; this one's C# names are made from 'getThing2'", diagnostic.GetMessage());
        Assert.Empty(run.CompileProblems.Select(d => d.ToString()));
    }

    [Fact]
    public void A_broken_OpenAPI_rule_is_AG0015_with_the_rule_name_at_its_place()
    {
        const string spec = """
            openapi: 3.1.0
            info: {version: '1'}
            paths:
              /ping:
                get:
                  operationId: ping
                  responses: {}
            """;
        GeneratorRun run = GeneratorHarness.Run(new SpecInput("/specs/rules.yaml", spec));

        Assert.Equal(
            ["1 The document breaks the OpenAPI rule InfoRequiredFields: The field 'title' in 'info' object is REQUIRED.",
             "6 The document breaks the OpenAPI rule ResponsesMustContainAtLeastOneResponse: Responses must contain at least one response"],
            run.GeneratorDiagnostics.Select(d => $"{d.Id} {d.Location.GetLineSpan().StartLinePosition.Line} {d.GetMessage()}")
                .Where(d => d.StartsWith("AG0015 ", StringComparison.Ordinal))
                .Select(d => d["AG0015 ".Length..])
                .Order(StringComparer.Ordinal));
        Assert.All(run.GeneratorDiagnostics, d => Assert.Equal("AG0015", d.Id));
        Assert.Empty(run.CompileProblems.Select(d => d.ToString()));
    }

    [Theory]
    [InlineData("The schema reference '#/components/schemas/Missing' does not point to an existing schema.", "AG0004", "#/components/schemas/Missing")]
    [InlineData("Circular reference detected while resolving reference: #/components/schemas/B", "AG0012", "#/components/schemas/B")]
    public void The_reader_reference_rule_wording_is_read_in_one_place(string message, string id, string reference)
    {
        (DiagnosticDescriptor Descriptor, string Reference)? problem = AutoSend.Gen.Parsing.ReaderFindings.ReferenceProblem(message);

        Assert.NotNull(problem);
        Assert.Equal(id, problem.Value.Descriptor.Id);
        Assert.Equal(reference, problem.Value.Reference);
    }

    [Fact]
    public void An_unknown_reference_rule_wording_is_not_guessed()
    {
        Assert.Null(AutoSend.Gen.Parsing.ReaderFindings.ReferenceProblem("Some future wording about '#/components/schemas/X'"));
    }

    private static Diagnostic Single(string path, string text, string id)
    {
        GeneratorRun run = GeneratorHarness.Run(new SpecInput(path, text));
        Assert.Empty(run.Sources);
        return Assert.Single(run.GeneratorDiagnostics, d => d.Id == id);
    }
}
