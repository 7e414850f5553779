using AutoSend.Testing;

namespace AutoSend.Gen.Tests;

/// <summary>
/// AutoSend's own OpenAPI files (../shared/autosend/official-openapi: the current skeletons and the older full
/// versions, all OpenAPI 3.1.0) generate and compile with zero errors. CI has the folder, so there the test fails,
/// not skips, when it is missing.
/// </summary>
public sealed class VendorSpecTests
{
    private const string Missing = "(folder missing)";

    private static string Folder => Path.Combine(RepositoryPaths.SharedAutoSend, "official-openapi");

    public static TheoryData<string> VendorFiles()
    {
        var data = new TheoryData<string>();
        if (!Directory.Exists(Folder))
        {
            data.Add(Missing);
            return data;
        }

        foreach (string file in Directory.EnumerateFiles(Folder, "*.json", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetRelativePath(Folder, file));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(VendorFiles))]
    public void Vendor_file_generates_and_compiles(string relativePath)
    {
        if (relativePath == Missing)
        {
            Assert.False(Environment.GetEnvironmentVariable("CI") == "true", "CI must have " + Folder);
            return;
        }

        CorpusResult result = CorpusTests.Run(Path.Combine(Folder, relativePath));

        Assert.True(result.Failures.Count == 0, string.Join("\n", result.Failures));
        Assert.True(result.CompileErrors.Count == 0, string.Join("\n", result.CompileErrors));
    }

    [Fact]
    public void All_22_vendor_files_are_there_when_the_folder_is()
    {
        if (!Directory.Exists(Folder))
        {
            Assert.False(Environment.GetEnvironmentVariable("CI") == "true", "CI must have " + Folder);
            return;
        }

        Assert.Equal(22, Directory.EnumerateFiles(Folder, "*.json", SearchOption.AllDirectories).Count());
    }
}
