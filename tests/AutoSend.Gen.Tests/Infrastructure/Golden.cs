using System.Text;
using AutoSend.Testing;

namespace AutoSend.Gen.Tests.Infrastructure;

/// <summary>
/// Golden files of generated sources, compared exactly. They are stored as <c>*.cs.txt</c> so they are not compiled
/// into the test assembly. Set <c>AUTOSEND_UPDATE_GOLDENS=1</c> to rewrite them on purpose, then review the diff.
/// </summary>
public static class Golden
{
    public const string UpdateVariable = "AUTOSEND_UPDATE_GOLDENS";

    // Found from the repository root, not from [CallerFilePath]: a CI build maps source paths to "/_/".
    private static string GoldensDirectory => Path.Combine(RepositoryPaths.Root, "tests", "AutoSend.Gen.Tests", "Goldens");

    public static void Verify(string caseName, IReadOnlyList<(string HintName, string Text)> sources)
    {
        string directory = Path.Combine(GoldensDirectory, caseName);
        var expectedFiles = sources.ToDictionary(s => s.HintName + ".txt", s => Normalize(s.Text));

        if (Environment.GetEnvironmentVariable(UpdateVariable) == "1")
        {
            Directory.CreateDirectory(directory);
            foreach (string stale in Directory.GetFiles(directory).Where(f => !expectedFiles.ContainsKey(Path.GetFileName(f))))
            {
                File.Delete(stale);
            }

            foreach ((string name, string text) in expectedFiles)
            {
                File.WriteAllText(Path.Combine(directory, name), text, new UTF8Encoding(false));
            }

            return;
        }

        Assert.True(Directory.Exists(directory), $"No golden files for '{caseName}' in {directory}; run the tests with {UpdateVariable}=1 to create them.");
        string[] actualNames = expectedFiles.Keys.Order(StringComparer.Ordinal).ToArray();
        string[] goldenNames = Directory.GetFiles(directory).Select(Path.GetFileName).Order(StringComparer.Ordinal).ToArray()!;
        Assert.Equal(goldenNames, actualNames);
        foreach ((string name, string text) in expectedFiles)
        {
            string golden = Normalize(File.ReadAllText(Path.Combine(directory, name)));
            if (golden != text)
            {
                Assert.Fail($"{caseName}/{name} differs from its golden file (first difference at line {FirstDifferentLine(golden, text)}); " +
                    $"if the change is intended, run the tests with {UpdateVariable}=1 and review the diff.");
            }
        }
    }

    private static string Normalize(string text) => text.Replace("\r\n", "\n").TrimStart('\uFEFF');

    private static int FirstDifferentLine(string expected, string actual)
    {
        string[] left = expected.Split('\n'), right = actual.Split('\n');
        for (int i = 0; i < Math.Min(left.Length, right.Length); i++)
        {
            if (left[i] != right[i])
            {
                return i + 1;
            }
        }

        return Math.Min(left.Length, right.Length) + 1;
    }
}
