using AutoSend.Testing;

namespace AutoSend.Gen.Tests.Infrastructure;

/// <summary>docs/corpus.md: the results table between two markers, compared like a golden file and rewritten by
/// the same <c>AUTOSEND_UPDATE_GOLDENS=1</c> switch.</summary>
public static class CorpusTable
{
    private const string Start = "<!-- corpus-table:start -->";
    private const string End = "<!-- corpus-table:end -->";

    public static void Verify(string table)
    {
        string path = Path.Combine(RepositoryPaths.Root, "docs", "corpus.md");
        string document = File.ReadAllText(path).Replace("\r\n", "\n", StringComparison.Ordinal);
        int start = document.IndexOf(Start, StringComparison.Ordinal), end = document.IndexOf(End, StringComparison.Ordinal);
        Assert.True(start >= 0 && end > start, "docs/corpus.md lacks the table markers");
        string current = document[(start + Start.Length)..end].Trim('\n');
        if (Environment.GetEnvironmentVariable(Golden.UpdateVariable) == "1")
        {
            File.WriteAllText(path, document[..(start + Start.Length)] + "\n" + table + document[end..]);
            return;
        }

        Assert.True(current == table.Trim('\n'), $"docs/corpus.md is out of date; run the tests with {Golden.UpdateVariable}=1 and review the diff.");
    }
}
