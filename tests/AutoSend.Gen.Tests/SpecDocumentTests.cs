using System.Text.Json;
using AutoSend.Testing;
using Microsoft.OpenApi;
using Microsoft.OpenApi.Reader;

namespace AutoSend.Gen.Tests;

/// <summary>spec/autosend.openapi.yaml itself: an independent linter and the reader the generator uses accept it.</summary>
[Trait("Category", "Slow")]
public sealed class SpecDocumentTests
{
    [Fact]
    public async Task The_spec_lints_clean_with_Redocly()
    {
        // npm ci when node_modules/ is missing, serialized with the other test assemblies that need it (Prism).
        string cli = await NpmTools.EnsureInstalledAsync(NpmTools.RedoclyCli);

        string report = Path.Combine(Path.GetTempPath(), "redocly-" + Guid.NewGuid().ToString("N") + ".json");
        try
        {
            ProcessResult lint = await ProcessRunner.RunAsync("sh", ["-c", $"node \"{cli}\" lint spec/autosend.openapi.yaml --format json > \"{report}\""], RepositoryPaths.Root, TimeSpan.FromMinutes(2),
                new Dictionary<string, string?> { ["REDOCLY_TELEMETRY"] = "off", ["REDOCLY_SUPPRESS_UPDATE_NOTICE"] = "true" });

            Assert.True(lint.ExitCode == 0, lint.Output + File.ReadAllText(report));
            using JsonDocument totals = JsonDocument.Parse(File.ReadAllText(report));
            JsonElement counts = totals.RootElement.GetProperty("totals");
            Assert.True(counts.GetProperty("errors").GetInt32() == 0 && counts.GetProperty("warnings").GetInt32() == 0, File.ReadAllText(report));
        }
        finally
        {
            File.Delete(report);
        }
    }

    [Fact]
    public void The_spec_is_OpenAPI_3_1_and_reads_without_errors_or_warnings()
    {
        var settings = new OpenApiReaderSettings();
        settings.AddYamlReader();
        ReadResult result = OpenApiDocument.Parse(File.ReadAllText(RepositoryPaths.AutoSendSpec), "yaml", settings);

        Assert.Equal(OpenApiSpecVersion.OpenApi3_1, result.Diagnostic!.SpecificationVersion);
        Assert.Empty(result.Diagnostic.Errors.Select(e => e.ToString()));
        Assert.Empty(result.Diagnostic.Warnings.Select(e => e.ToString()));
        Assert.Equal("https://api.autosend.com/v1", result.Document!.Servers![0].Url);
        Assert.Equal("resumeCampaign", result.Document.Paths!["/campaigns/{campaignId}/resume"].Operations![HttpMethod.Post].OperationId);
    }
}
