using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;

namespace AutoSend.Benchmarks.Generator;

/// <summary>
/// What the generator writes for a document, by kind of file (JSON context, models, operation groups, interfaces, raw
/// response mirrors, ...) and how much of it is XML documentation: the figures behind goal 1 of docs/benchmarks.md.
/// </summary>
public static partial class GeneratedSizes
{
    public static int Run(string specOrPath)
    {
        (string path, string text) = File.Exists(specOrPath) ? (specOrPath, File.ReadAllText(specOrPath)) : Specs.Load(specOrPath);
        var driver = GeneratorDriverHarness.CreateDriver(GeneratorDriverHarness.Text(path, text)).RunGenerators(GeneratorDriverHarness.CreateCompilation());
        GeneratorDriverHarness.CheckRun(driver, specOrPath);
        var kinds = new SortedDictionary<string, (int Files, long Bytes, long DocBytes)>(StringComparer.Ordinal);
        long total = 0, docs = 0;
        int files = 0;
        foreach (GeneratedSourceResult source in driver.GetRunResult().Results.Single().GeneratedSources)
        {
            string code = source.SourceText.ToString();
            long bytes = Encoding.UTF8.GetByteCount(code);
            long doc = DocLine().Matches(code).Sum(m => (long)Encoding.UTF8.GetByteCount(m.Value));
            string kind = Kind(code);
            (int f, long b, long d) = kinds.GetValueOrDefault(kind);
            kinds[kind] = (f + 1, b + bytes, d + doc);
            total += bytes;
            docs += doc;
            files++;
        }

        Console.WriteLine("kind,files,bytes,doc_bytes");
        foreach ((string kind, (int f, long b, long d)) in kinds.OrderByDescending(k => k.Value.Bytes))
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{kind},{f},{b},{d}"));
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"total,{files},{total},{docs}"));
        return 0;
    }

    // The kind of a generated file, from the first type it declares.
    private static string Kind(string code)
    {
        Match declaration = Declaration().Match(code);
        if (!declaration.Success)
        {
            return "other";
        }

        string keyword = declaration.Groups["keyword"].Value;
        string name = declaration.Groups["name"].Value;
        string bases = declaration.Groups["bases"].Value;
        return keyword switch
        {
            _ when bases.Contains("JsonSerializerContext", StringComparison.Ordinal) => "json-context",
            "interface" => name.EndsWith("RawResponseClient", StringComparison.Ordinal) ? "raw-interface" : "interface",
            "struct" => "enum-struct",
            _ when bases.Contains("IOperationGroup", StringComparison.Ordinal) || Regex.IsMatch(bases, @"\.I\w+Client\b") => "operation-group",
            _ when code.Contains("sealed class Converter", StringComparison.Ordinal) && code.Contains("public bool Is", StringComparison.Ordinal) => "union",
            _ => "class",
        };
    }

    [GeneratedRegex(@"^\s*///.*$", RegexOptions.Multiline)]
    private static partial Regex DocLine();

    [GeneratedRegex(@"^\s*(?:\[[^\n]*\]\s*)*(?:public|internal)\s+(?:(?:sealed|static|readonly|abstract|partial)\s+)*(?<keyword>class|struct|interface|record)\s+(?<name>\w+)(?<bases>[^\n{]*)", RegexOptions.Multiline)]
    private static partial Regex Declaration();
}
