using System.IO.Compression;
using AutoSend.Testing;

namespace AutoSend.Packaging.Tests;

/// <summary>
/// Packs AutoSend.Gen and AutoSend.Runtime once per test run into a local folder feed, with a version no cache has
/// seen, and gives consumers a NuGet.config that knows only that feed (plus nuget.org for what the SDK needs).
/// </summary>
public sealed class PackageFeed : IAsyncLifetime, IDisposable
{
    private readonly TemporaryDirectory _root = new("autosend-feed");

    public string Version { get; } = "0.1.0-test." + DateTime.UtcNow.ToString("yyyyMMddHHmmss", System.Globalization.CultureInfo.InvariantCulture);

    public string FeedDirectory => _root.Combine("feed");

    /// <summary>A package cache only these tests use, so no stale copy of our packages can be picked up.</summary>
    public string PackagesDirectory => _root.Combine("packages");

    public string GeneratorPackage => Path.Combine(FeedDirectory, "AutoSend.Gen." + Version + ".nupkg");

    public string RuntimePackage => Path.Combine(FeedDirectory, "AutoSend.Runtime." + Version + ".nupkg");

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(FeedDirectory);
        foreach (string project in new[] { "runtime/AutoSend.Runtime.csproj", "generator/pack/AutoSend.Gen.Package.csproj" })
        {
            (await ProcessRunner.RunAsync("dotnet", ["pack", Path.Combine(RepositoryPaths.Root, project), "-c", "Release", "-o", FeedDirectory, "-p:Version=" + Version], RepositoryPaths.Root, TimeSpan.FromMinutes(5)))
                .EnsureSuccess("dotnet pack " + project);
        }
    }

    /// <summary>Writes a NuGet.config into a consumer folder.</summary>
    public void WriteNuGetConfig(string directory) =>
        File.WriteAllText(Path.Combine(directory, "NuGet.config"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <clear />
                <add key="local" value="{FeedDirectory}" />
                <add key="nuget.org" value="https://api.nuget.org/v3/index.json" />
              </packageSources>
              <packageSourceMapping>
                <packageSource key="local">
                  <package pattern="AutoSend.*" />
                </packageSource>
                <packageSource key="nuget.org">
                  <package pattern="*" />
                </packageSource>
              </packageSourceMapping>
            </configuration>
            """);

    /// <summary>The entries of a package, e.g. <c>analyzers/dotnet/cs/AutoSend.Gen.dll</c>.</summary>
    public static IReadOnlyList<string> Entries(string package)
    {
        using ZipArchive archive = ZipFile.OpenRead(package);
        return archive.Entries.Select(e => e.FullName).ToList();
    }

    /// <summary>The text of one entry of a package.</summary>
    public static string ReadEntry(string package, string name)
    {
        using ZipArchive archive = ZipFile.OpenRead(package);
        using var reader = new StreamReader(archive.GetEntry(name)!.Open());
        return reader.ReadToEnd();
    }

    public Task DisposeAsync() => Task.CompletedTask;

    public void Dispose() => _root.Dispose();
}

[CollectionDefinition(Name)]
public sealed class PackageFeedCollection : ICollectionFixture<PackageFeed>
{
    public const string Name = "package feed";
}
