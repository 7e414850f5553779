using AutoSend.Testing;

namespace AutoSend.Packaging.Tests;

/// <summary>
/// A temporary folder of consumer projects (a library and the programs that use it, each in its own subfolder) that
/// restore AutoSend.Gen from the packed feed through one NuGet.config. Unlike <see cref="Consumer"/>, the test writes
/// each project file itself: the target framework and language version are what these tests are about.
/// </summary>
public sealed class ConsumerFolder : IDisposable
{
    private readonly TemporaryDirectory _directory = new("autosend-consumers");
    private readonly PackageFeed _feed;

    public ConsumerFolder(PackageFeed feed)
    {
        _feed = feed;
        feed.WriteNuGetConfig(_directory.Path);
    }

    public string Path => _directory.Path;

    public string Combine(params string[] parts) => _directory.Combine(parts);

    /// <summary>Writes a file, creating its folder.</summary>
    public void Write(string relativePath, string text)
    {
        string path = _directory.Combine(relativePath);
        System.IO.Directory.CreateDirectory(System.IO.Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
    }

    /// <summary>Copies the AutoSend spec into a project folder.</summary>
    public void WriteAutoSendSpec(string projectDirectory) =>
        Write(System.IO.Path.Combine(projectDirectory, "autosend.openapi.yaml"), File.ReadAllText(RepositoryPaths.AutoSendSpec));

    /// <summary>Builds one project (a folder name) into <c>out/&lt;name&gt;</c>, with the tests' own package cache.</summary>
    public async Task<ProcessResult> BuildAsync(string project, params string[] extraArguments) =>
        await ProcessRunner.RunAsync("dotnet", ["build", project, "-o", OutputDirectory(project), .. extraArguments], _directory.Path, TimeSpan.FromMinutes(5),
            new Dictionary<string, string?> { ["NUGET_PACKAGES"] = _feed.PackagesDirectory });

    public string OutputDirectory(string project) => _directory.Combine("out", project);

    /// <summary>Runs a built .NET program with the given arguments.</summary>
    public async Task<ProcessResult> RunAsync(string project, params string[] arguments) =>
        await ProcessRunner.RunAsync("dotnet", [System.IO.Path.Combine(OutputDirectory(project), project + ".dll"), .. arguments], _directory.Path, TimeSpan.FromMinutes(1));

    /// <summary>An assembly of a package as restored into the tests' cache, e.g. <c>lib/netstandard2.0/AutoSend.Runtime.dll</c>.</summary>
    public string RestoredPackageFile(string packageId, string version, string pathInPackage) =>
        System.IO.Path.Combine(_feed.PackagesDirectory, packageId.ToLowerInvariant(), version.ToLowerInvariant(), pathInPackage);

    public void Dispose() => _directory.Dispose();
}
