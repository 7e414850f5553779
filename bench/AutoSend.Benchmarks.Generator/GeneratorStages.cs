using System.Diagnostics;
using System.Globalization;
using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.OpenApi;
using Microsoft.OpenApi.Reader;
using Microsoft.OpenApi.YamlReader;

namespace AutoSend.Benchmarks.Generator;

/// <summary>
/// <c>--stages SPEC</c>: where a cold generator run spends its time and memory. Each stage is run the way the
/// generator runs it, JIT-warm (three rounds, the last reported): the OpenAPI reader alone
/// (<c>OpenApiDocument.Parse</c> with the generator's settings); the generator's parse stage (reader + mapping to
/// the model + diagnostics, <c>ClientParser.Parse</c>, reached by reflection because it is internal); the emit stage
/// (<c>Emitter.Emit</c>); Roslyn parsing the generated sources into syntax trees (the driver does this for every
/// AddSource); and the whole driver run for comparison.
/// </summary>
public static class GeneratorStages
{
    public static int Run(string specName)
    {
        (string path, string text) = Specs.Load(specName);
        Assembly generator = typeof(AutoSend.Gen.OpenApiClientGenerator).Assembly;
        Type inputType = generator.GetType("AutoSend.Gen.Parsing.ClientInput", throwOnError: true)!;
        MethodInfo parse = generator.GetType("AutoSend.Gen.Parsing.ClientParser", throwOnError: true)!.GetMethod("Parse")!;
        MethodInfo emit = generator.GetType("AutoSend.Gen.Emitting.Emitter", throwOnError: true)!.GetMethod("Emit")!;
        object noFilter = generator.GetType("AutoSend.Gen.Parsing.ClientFilter", throwOnError: true)!.GetProperty("None")!.GetValue(null)!;
        object input = Activator.CreateInstance(inputType, path, text, "Consumer.Api", "", "Consumer", noFilter)!;

        var rows = new List<(string Stage, double Ms, long Bytes, string Note)>();
        for (int round = 0; round < 3; round++)
        {
            rows.Clear();
            string format = text.TrimStart().StartsWith('{') ? "json" : "yaml";
            rows.Add(Measure("OpenAPI reader (OpenApiDocument.Parse)", () =>
            {
                var settings = new OpenApiReaderSettings { LoadExternalRefs = false };
                settings.AddYamlReader(new OpenApiYamlReaderSettings { MaxScalarLength = 64 * 1024 * 1024, MaxAliasExpansionNodeCount = 1_000_000 });
                ReadResult result = OpenApiDocument.Parse(text, format, settings);
                return $"{result.Diagnostic?.Errors.Count ?? 0} errors, {result.Diagnostic?.Warnings.Count ?? 0} warnings";
            }));

            object? parsed = null;
            rows.Add(Measure("parse stage (reader + model + diagnostics)", () =>
            {
                parsed = parse.Invoke(null, [input, CancellationToken.None]);
                object diagnostics = parsed!.GetType().GetProperty("Diagnostics")!.GetValue(parsed)!;
                int count = ((System.Collections.IEnumerable)diagnostics).Cast<object>().Count();
                return $"{count} diagnostics";
            }));

            object client = parsed!.GetType().GetProperty("Client")!.GetValue(parsed) ?? throw new InvalidOperationException("no client");
            List<(string HintName, string Source)> sources = [];
            rows.Add(Measure("emit stage (model → C# text)", () =>
            {
                sources = ((IEnumerable<(string, string)>)emit.Invoke(null, [client, Path.GetFileName(path), null, null])!).ToList();
                return $"{sources.Count} files, {sources.Sum(s => (long)s.Source.Length) / 1e6:F1} M chars";
            }));

            rows.Add(Measure("Roslyn: parse the generated sources", () =>
            {
                foreach ((string hint, string source) in sources)
                {
                    _ = CSharpSyntaxTree.ParseText(source, GeneratorDriverHarness.ParseOptions, hint).GetRoot();
                }

                return "";
            }));

            AdditionalText spec = GeneratorDriverHarness.Text(path, text);
            Compilation compilation = GeneratorDriverHarness.CreateCompilation();
            rows.Add(Measure("whole driver run (cold driver)", () =>
            {
                GeneratorDriverHarness.CreateDriver(spec).RunGenerators(compilation);
                return "";
            }));
        }

        Console.WriteLine($"| Stage ({specName}, JIT warm) | Time | Allocated | Note |");
        Console.WriteLine("|---|---:|---:|---|");
        foreach ((string stage, double ms, long bytes, string note) in rows)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {stage} | {ms:F0} ms | {bytes / 1048576.0:F0} MB | {note} |"));
        }

        return 0;
    }

    private static (string, double, long, string) Measure(string stage, Func<string> action)
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        long allocated = GC.GetTotalAllocatedBytes(precise: true);
        long start = Stopwatch.GetTimestamp();
        string note = action();
        double ms = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
        return (stage, ms, GC.GetTotalAllocatedBytes(precise: true) - allocated, note);
    }
}
