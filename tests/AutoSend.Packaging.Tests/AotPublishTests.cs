using System.Text.RegularExpressions;
using AutoSend.Testing;
using Xunit.Abstractions;

namespace AutoSend.Packaging.Tests;

/// <summary>
/// The demo as a Native AOT binary: it publishes with trim and AOT analysis as errors and no reflection-based JSON,
/// and the binary runs the whole story against the in-process sandbox.
/// </summary>
[Trait("Category", "Slow")]
public sealed class AotPublishTests(ITestOutputHelper output)
{
    [Fact]
    public async Task The_demo_publishes_as_native_AOT_with_zero_warnings_and_runs()
    {
        using var publish = new TemporaryDirectory("autosend-aot");
        using var artifacts = new TemporaryDirectory("autosend-aot-build");
        string project = Path.Combine(RepositoryPaths.Root, "samples", "AutoSend.Demo", "AutoSend.Demo.csproj");

        ProcessResult build = (await ProcessRunner.RunAsync("dotnet",
            // PublishAot and JsonSerializerIsReflectionEnabledByDefault=false are set in the demo's project file.
            // Its own bin/obj folders: the package feed packs the same projects in Release at the same time, and two
            // builds copying into one runtime/bin/Release fail with MSB3026 ("could not copy").
            ["publish", project, "-c", "Release", "-o", publish.Path, "--artifacts-path", artifacts.Path, "-p:TreatWarningsAsErrors=true"],
            RepositoryPaths.Root, TimeSpan.FromMinutes(10))).EnsureSuccess("dotnet publish -p:PublishAot=true");

        Assert.DoesNotMatch(new Regex(@"\b(IL[23]\d{3}|warning)\b", RegexOptions.IgnoreCase), build.Output);
        string demoProject = File.ReadAllText(project);
        Assert.Contains("<PublishAot>true</PublishAot>", demoProject, StringComparison.Ordinal);
        Assert.Contains("<JsonSerializerIsReflectionEnabledByDefault>false</JsonSerializerIsReflectionEnabledByDefault>", demoProject, StringComparison.Ordinal);
        string binary = publish.Combine("AutoSend.Demo");
        Assert.True(File.Exists(binary), "no native binary at " + binary);

        ProcessResult run = (await ProcessRunner.RunAsync(binary, [], publish.Path, TimeSpan.FromMinutes(1),
            new Dictionary<string, string?> { ["AUTOSEND_API_KEY"] = null, ["AUTOSEND_BASE_URL"] = null })).EnsureSuccess("the AOT demo");

        Assert.Contains("the local sandbox", run.Output, StringComparison.Ordinal);
        Assert.Matches(@"Created campaign [0-9a-f]{24} ""Spring Sale"": status scheduled, send mode gradual", run.Output);
        Assert.Contains("Sending: status sending_gradual", run.Output, StringComparison.Ordinal);
        Assert.Contains("Paused: status paused", run.Output, StringComparison.Ordinal);
        Assert.Contains("Resumed: status sending_gradual, send mode gradual", run.Output, StringComparison.Ordinal);
        Assert.Contains("Resuming again is refused: HTTP 400 CAMPAIGN_NOT_PAUSED", run.Output, StringComparison.Ordinal);
        output.WriteLine($"Native binary: {new FileInfo(binary).Length:N0} bytes");
        output.WriteLine(run.Output);
    }
}
