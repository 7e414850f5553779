using AutoSend.Gen.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Xunit.Abstractions;

namespace AutoSend.Gen.Tests;

/// <summary>
/// One test per cause the fuzzing of issue 13 found (docs/robustness.md): documents that ended in AG0008, that the
/// reader rejected with a .NET exception at line 1, or whose client got a warning or did not compile. Each must now
/// give located warnings, generate the rest, and compile without a warning.
/// </summary>
public sealed class RobustnessTests(ITestOutputHelper output)
{
    private const string Head = "openapi: 3.1.0\ninfo: {title: Robust, version: '1'}\n";

    [Fact]
    public void Boolean_schemas_map_as_31_defines_them_and_false_is_AG0031()
    {
        GeneratorRun run = Clean(Head + """
            paths:
              /x:
                post:
                  operationId: post
                  requestBody:
                    content:
                      application/x-www-form-urlencoded:
                        schema: {type: object, properties: {scope: false, any: true, name: {type: string}}}
                  responses:
                    '200': {description: ok, content: {application/json: {schema: {$ref: '#/components/schemas/Holder'}}}}
            components:
              schemas:
                Named: true
                Never: false
                Holder: {type: object, properties: {a: {$ref: '#/components/schemas/Named'}, c: true, d: false}, required: [a, d]}
            """);

        // 1-based lines: the form field 'scope', the component 'Never', the property 'd'.
        Assert.Equal([10, 16, 17], run.GeneratorDiagnostics.Where(d => d.Id == "AG0031").Select(Line).Order());
        string holder = Source(run, "Holder");
        Assert.Matches(@"JsonNode\? C\b", holder);
        Assert.Matches(@"JsonNode D\b", holder);
    }

    [Theory]
    [InlineData("5", "the number 5")]
    [InlineData("'text'", "text \"text\"")]
    [InlineData("[1]", "a list")]
    public void A_component_schema_that_is_no_object_is_left_out_with_AG0032(string value, string kind)
    {
        GeneratorRun run = Clean(Head + "paths: {}\ncomponents:\n  schemas:\n    Ok: {type: object, properties: {a: {type: string}}}\n    Named: " + value + "\n");

        Diagnostic warning = Assert.Single(run.GeneratorDiagnostics, d => d.Id == "AG0032");
        Assert.Equal(7, Line(warning));
        Assert.Contains(kind, warning.GetMessage());
        Assert.Contains(run.Sources, s => s.HintName.EndsWith(".Ok.g.cs", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void A_recursive_discriminated_union_generates_whichever_is_declared_first(bool variantsFirst)
    {
        const string variants = """
                Dog: {type: object, required: [kind], properties: {kind: {type: string}, friend: {$ref: '#/components/schemas/Pet'}}}
                Cat: {type: object, required: [kind], properties: {kind: {type: string}, friend: {$ref: '#/components/schemas/Pet'}}}

            """;
        const string union = "    Pet: {oneOf: [{$ref: '#/components/schemas/Cat'}, {$ref: '#/components/schemas/Dog'}], discriminator: {propertyName: kind}}\n";
        GeneratorRun run = Clean(Head + """
            paths:
              /x:
                get:
                  operationId: get
                  responses:
                    '200': {description: ok, content: {application/json: {schema: {$ref: '#/components/schemas/Pet'}}}}
            components:
              schemas:

            """ + (variantsFirst ? variants + union : union + variants));

        Assert.Contains("\"Dog\"", Source(run, "Pet"));
        Assert.Contains("\"Cat\"", Source(run, "Pet"));
    }

    [Fact]
    public void A_media_type_or_security_scheme_that_is_no_object_is_left_out_with_AG0032()
    {
        GeneratorRun run = Clean(Head + """
            paths:
              /x:
                get:
                  operationId: get
                  responses:
                    '200': {description: ok, content: {application/json: null, text/plain: {schema: {type: string}}}}
            components:
              securitySchemes:
                oauth: value
                key: {type: apiKey, in: header, name: X-Key}
            """);

        Assert.Equal(["AG0032 11 'oauth' must be a security scheme", "AG0032 8 'application/json' must be a media type"],
            run.GeneratorDiagnostics.Where(d => d.Id == "AG0032").Select(d => $"{d.Id} {Line(d)} {d.GetMessage().Substring(0, d.GetMessage().IndexOf(" (", StringComparison.Ordinal))}").Order(StringComparer.Ordinal));
    }

    [Fact]
    public void A_reference_cycle_reached_through_a_multipart_form_field_is_AG0012()
    {
        GeneratorRun run = Clean(Head + """
            paths:
              /x:
                post:
                  operationId: post
                  requestBody:
                    content:
                      multipart/form-data:
                        schema: {type: object, properties: {field: {$ref: '#/components/schemas/A'}}}
                  responses:
                    '204': {description: ok}
            components:
              schemas:
                A: {$ref: '#/components/schemas/B'}
                B: {$ref: '#/components/schemas/A'}
            """);

        Assert.Contains(run.GeneratorDiagnostics, d => d.Id == "AG0012");
    }

    /// <summary>
    /// Shapes whose references, followed naively, multiply the work at every level. Each must finish with bounded
    /// allocations (generous: a tenth of the 1 GB the issue allows), which the walk-once rule keeps far below.
    /// </summary>
    [Theory]
    [InlineData("repeated allOf in a cycle")]
    [InlineData("chain of doubled allOf")]
    [InlineData("doubled properties mesh")]
    [InlineData("self-referencing union")]
    public void Pathological_reference_shapes_finish_with_bounded_work(string shape)
    {
        string schemas = shape switch
        {
            "repeated allOf in a cycle" => """
                    Page: {type: object, properties: {size: {allOf: [{$ref: '#/components/schemas/B'}, {$ref: '#/components/schemas/B'}]}, other: {allOf: [{$ref: '#/components/schemas/B'}, {$ref: '#/components/schemas/B'}]}}}
                    B: {allOf: [{$ref: '#/components/schemas/Page'}, {$ref: '#/components/schemas/Page'}, {type: object, properties: {n: {type: integer}}}]}

                """,
            "chain of doubled allOf" => string.Concat(Enumerable.Range(0, 40).Select(i =>
                $"    S{i}: {{allOf: [{{$ref: '#/components/schemas/S{i + 1}'}}, {{$ref: '#/components/schemas/S{i + 1}'}}], properties: {{p{i}: {{type: string}}}}}}\n"))
                + "    S40: {allOf: [{$ref: '#/components/schemas/S0'}, {$ref: '#/components/schemas/S0'}]}\n    Page: {$ref: '#/components/schemas/S0'}\n",
            "doubled properties mesh" => string.Concat(Enumerable.Range(0, 40).Select(i =>
                $"    S{i}: {{type: object, properties: {{a: {{allOf: [{{$ref: '#/components/schemas/S{(i + 1) % 40}'}}, {{$ref: '#/components/schemas/S{(i + 1) % 40}'}}]}}, b: {{allOf: [{{$ref: '#/components/schemas/S{(i + 2) % 40}'}}, {{$ref: '#/components/schemas/S{(i + 2) % 40}'}}]}}}}}}\n"))
                + "    Page: {$ref: '#/components/schemas/S0'}\n",
            _ => "    Page: {oneOf: [{$ref: '#/components/schemas/Page'}, {$ref: '#/components/schemas/Other'}], discriminator: {propertyName: kind}}\n"
                + "    Other: {oneOf: [{$ref: '#/components/schemas/Page'}, {$ref: '#/components/schemas/Other'}]}\n",
        };
        string spec = Head + """
            paths:
              /x:
                get:
                  operationId: get
                  responses:
                    '200': {description: ok, content: {application/json: {schema: {$ref: '#/components/schemas/Page'}}}}
            components:
              schemas:

            """ + schemas;

        long before = GC.GetAllocatedBytesForCurrentThread();
        GeneratorDriver driver = GeneratorHarness.CreateDriver([new SpecInput("/specs/robust.yaml", spec)]);
        GeneratorRun run = GeneratorHarness.RunDriver(driver, GeneratorHarness.CreateCompilation("namespace Consumer; internal static class Program { public static void Main() { } }"));
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        output.WriteLine($"{shape}: {allocated / (1024 * 1024)} MB allocated by the generator run");

        Assert.DoesNotContain(run.GeneratorDiagnostics, d => d.Id == "AG0008" || d.Severity == DiagnosticSeverity.Error);
        Assert.True(allocated < 100L * 1024 * 1024, $"{allocated / (1024 * 1024)} MB");
        Assert.Empty(run.CompileProblems.Select(d => d.ToString()));
    }

    [Fact]
    public void A_yaml_number_in_x_pagination_is_read_as_text()
    {
        GeneratorRun run = Clean(Head + """
            paths:
              /x:
                get:
                  operationId: list
                  parameters: [{name: page, in: query, schema: {type: integer}}]
                  x-pagination: {page: page, items: 2}
                  responses:
                    '200': {description: ok, content: {application/json: {schema: {type: object, properties: {items: {type: array, items: {type: string}}}}}}}
            """);

        Diagnostic warning = Assert.Single(run.GeneratorDiagnostics, d => d.Id == "AG0011");
        Assert.Contains("'2' does not lead to an array", warning.GetMessage());
    }

    [Theory]
    [InlineData("{$ref: ''}", "'$ref' is empty")]
    [InlineData("{type: string, minLength: 1e308}", "'minLength' must be a non-negative integer")]
    [InlineData("{type: array, items: {type: string}, maxItems: 0.5}", "'maxItems' must be a non-negative integer, not 0.5")]
    [InlineData("{type: string, minLength: 2147483648}", "'minLength' must be a non-negative integer")]
    [InlineData("{type: string, readOnly: 5}", "'readOnly' must be true or false")]
    [InlineData("{$ref: '#/components/schemas/'}", "is no reference the reader can follow")]
    [InlineData("{$ref: '%%'}", "is no reference the reader can follow")]
    public void A_value_the_reader_throws_on_is_a_located_AG0032_and_the_rest_generates(string schema, string message)
    {
        GeneratorRun run = Clean(Head + """
            paths:
              /x:
                get:
                  operationId: get
                  responses:
                    '200': {description: ok, content: {application/json: {schema: {$ref: '#/components/schemas/Thing'}}}}
            components:
              schemas:
                Other: {type: object, properties: {a: {type: string}}}
                Thing:
            """ + " " + schema + "\n");

        Diagnostic warning = Assert.Single(run.GeneratorDiagnostics, d => d.Id == "AG0032");
        Assert.Equal(12, Line(warning));
        Assert.Contains(message, warning.GetMessage());
        Assert.DoesNotContain("Exception", warning.GetMessage());
        Assert.Contains(run.Sources, s => s.HintName.EndsWith(".Other.g.cs", StringComparison.Ordinal));
    }

    [Fact]
    public void A_reference_that_is_no_uri_ends_nowhere_and_the_rest_generates()
    {
        // A media type copied into $ref: the reader accepts it and throws UriFormatException when it is followed.
        GeneratorRun run = Clean(Head + """
            paths:
              /x:
                post:
                  operationId: upload
                  requestBody: {content: {application/json: {schema: {type: object, properties: {logo: {$ref: 'image/png'}, name: {type: string}}}}}}
                  responses:
                    '204': {description: done}
            """);

        Assert.DoesNotContain(run.GeneratorDiagnostics, d => d.Id == "AG0008");
        Assert.Contains(run.Sources, s => s.Text.Contains("UploadAsync", StringComparison.Ordinal));
    }

    [Fact]
    public void A_shared_header_beside_a_list_form_field_compiles()
    {
        // The shared header's pattern variable lives in the whole request builder; the form list's foreach declares its
        // own item after it (fuzz seed 103,527 gave CS0136).
        Clean(Head + """
            paths:
              /a:
                post:
                  operationId: createA
                  parameters: [{name: x-project-id, in: header, schema: {type: string}}]
                  requestBody: {content: {multipart/form-data: {schema: {type: object, properties: {tags: {type: array, items: {type: string}}}}}}}
                  responses: {'204': {description: done}}
              /b:
                get:
                  operationId: getB
                  parameters: [{name: x-project-id, in: header, schema: {type: string}}, {name: ids, in: query, schema: {type: array, items: {type: string}}}]
                  responses: {'204': {description: done}}
            """);
    }

    [Fact]
    public void A_swagger2_exclusive_minimum_must_be_a_boolean()
    {
        GeneratorRun run = Clean("""
            swagger: '2.0'
            info: {title: Robust, version: '1'}
            paths: {}
            definitions:
              Item: {type: object, properties: {n: {type: integer, minimum: 1, exclusiveMinimum: 100}}}
            """);

        Assert.Contains("before OpenAPI 3.1", Assert.Single(run.GeneratorDiagnostics, d => d.Id == "AG0032").GetMessage());
    }

    [Fact]
    public void An_escaped_half_surrogate_in_yaml_is_a_located_AG0001_in_plain_words()
    {
        GeneratorRun run = GeneratorHarness.Run(new SpecInput("/specs/robust.yaml", Head + "paths: {}\nx-note: \"\\uD83D\\uDE00\"\n"));

        Diagnostic error = Assert.Single(run.GeneratorDiagnostics);
        Assert.Equal("AG0001", error.Id);
        Assert.Equal(4, Line(error));
        Assert.Contains("surrogate pair", error.GetMessage());
    }

    [Fact]
    public void A_discriminator_over_a_reference_cycle_is_read_without_the_readers_cycle_unsafe_rule()
    {
        GeneratorRun run = Clean(Head + """
            paths: {}
            components:
              schemas:
                A: {$ref: '#/components/schemas/B'}
                B: {$ref: '#/components/schemas/A'}
                Either: {oneOf: [{$ref: '#/components/schemas/A'}, {$ref: '#/components/schemas/Either'}], discriminator: {propertyName: kind}}
            """);

        Assert.DoesNotContain(run.GeneratorDiagnostics, d => d.Id == "AG0001");
    }

    [Fact]
    public void A_response_key_that_is_no_status_code_is_left_out_and_the_client_compiles()
    {
        GeneratorRun run = Clean(Head + """
            paths:
              /x:
                get:
                  operationId: get
                  responses:
                    '200.0': {description: ok, content: {application/json: {schema: {type: object, properties: {a: {type: string}}}}}}
                    '404': {description: missing, content: {application/json: {schema: {type: number}}}}
            """);

        Assert.Contains(run.GeneratorDiagnostics, d => d.Id == "AG0015" && Line(d) == 8);
        Assert.DoesNotContain(run.Sources, s => s.Text.Contains("200.0Error", StringComparison.Ordinal));
    }

    [Fact]
    public void A_deprecated_required_property_is_required_without_Obsolete()
    {
        GeneratorRun run = Clean(Head + """
            paths: {}
            components:
              schemas:
                Thing: {type: object, required: [a], properties: {a: {type: string, deprecated: true}, b: {type: string, deprecated: true}}}
            """);

        string thing = Source(run, "Thing");
        Assert.Contains("public required string A { get; set; }", thing);
        Assert.Contains("Deprecated by the document", thing);
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(thing, "Obsolete"));
    }

    [Fact]
    public void Schemas_named_like_object_members_compile_without_warnings()
    {
        GeneratorRun run = Clean(Head + """
            paths:
              /x:
                get:
                  operationId: get
                  responses:
                    '200': {description: ok, content: {application/json: {schema: {$ref: '#/components/schemas/ToString'}}}}
                    '400': {description: bad, content: {application/json: {schema: {type: number, format: double}}}}
            components:
              schemas:
                ToString: {type: object, properties: {toString: {type: string}, equals: {$ref: '#/components/schemas/Equals'}, getHashCode: {type: integer}}}
                Equals: {oneOf: [{type: string}, {type: integer}, {type: 'null'}, {$ref: '#/components/schemas/GetHashCode'}, {type: array, items: {}}]}
                GetHashCode: {type: string, enum: [a, ToString, Equals]}
                GetType: {oneOf: [{$ref: '#/components/schemas/ToString'}, {$ref: '#/components/schemas/MemberwiseClone'}]}
                MemberwiseClone: {type: object, properties: {a: {type: string}}}
            """);

        Assert.NotEmpty(run.Sources);
    }

    [Fact]
    public void A_basic_scheme_that_is_not_the_primary_one_is_documented_by_its_own_properties()
    {
        Clean("""
            swagger: '2.0'
            info: {title: Robust, version: '1'}
            securityDefinitions:
              apiKey: {type: apiKey, default: header, name: X-Key}
              basic: {type: basic}
            security: [{apiKey: []}]
            paths: {}
            """);
    }

    [Fact]
    public void A_list_of_any_value_used_with_and_without_null_items_compiles()
    {
        Clean(Head + """
            paths:
              /x:
                get:
                  operationId: get
                  responses:
                    '200': {description: ok, content: {application/json: {schema: {type: array, items: {}}}}}
              /y:
                get:
                  operationId: other
                  responses:
                    '200': {description: ok, content: {application/json: {schema: {type: array, items: {$ref: '#/components/schemas/Missing'}}}}}
            """);
    }

    private static GeneratorRun Clean(string spec)
    {
        GeneratorRun run = GeneratorHarness.Run(new SpecInput("/specs/robust.yaml", spec));
        Assert.DoesNotContain(run.GeneratorDiagnostics, d => d.Severity == DiagnosticSeverity.Error);
        Assert.NotEmpty(run.Sources);
        Assert.Empty(run.CompileProblems.Select(d => d.ToString()));
        return run;
    }

    private static int Line(Diagnostic diagnostic) => diagnostic.Location.GetLineSpan().StartLinePosition.Line + 1;

    private static string Source(GeneratorRun run, string type) =>
        run.Sources.Single(s => s.HintName.EndsWith("." + type + ".g.cs", StringComparison.Ordinal)).Text;
}
