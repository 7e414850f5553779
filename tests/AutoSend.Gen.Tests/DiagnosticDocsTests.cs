using System.Reflection;
using AutoSend.Testing;
using Microsoft.CodeAnalysis;

namespace AutoSend.Gen.Tests;

/// <summary>Every diagnostic the generator can report is documented, with an example and a fix.</summary>
public sealed class DiagnosticDocsTests
{
    [Fact]
    public void Every_descriptor_has_a_section_in_docs_diagnostics_md()
    {
        // Read the descriptors by reflection, as declared, so a new one cannot be forgotten in a list.
        Type descriptors = typeof(OpenApiClientGenerator).Assembly.GetType("AutoSend.Gen.Diagnostics.DiagnosticDescriptors", throwOnError: true)!;
        string[] ids = descriptors.GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.FieldType == typeof(DiagnosticDescriptor))
            .Select(f => ((DiagnosticDescriptor)f.GetValue(null)!).Id)
            .Order(StringComparer.Ordinal)
            .ToArray();
        string docs = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "docs", "diagnostics.md"));
        string[] sections = docs.Split("\n## ").Skip(1).ToArray();

        Assert.Contains("AG0012", ids);
        Assert.Contains("AG0015", ids);
        foreach (string id in ids)
        {
            string section = Assert.Single(sections, s => s.StartsWith(id + "\n", StringComparison.Ordinal));
            Assert.Contains("| [" + id + "](#" + id.ToLowerInvariant() + ") |", docs);
            if (id != "AG0008")
            {
                // AG0008 is a generator bug: no document is known to trigger it.
                Assert.Contains("```", section);
            }

            Assert.Contains("> ", section);
            Assert.Contains(id, section.Split('\n').First(l => l.StartsWith("> ", StringComparison.Ordinal)));
            Assert.Contains("Fix", section);
        }
    }
}
