using AutoSend.Gen.Tests.Infrastructure;
using AutoSend.Testing;
using Microsoft.CodeAnalysis;

namespace AutoSend.Gen.Tests;

/// <summary>
/// &lt;OpenApiClient Operations="..." Tags="..." ExcludeTags="..." ExcludeDeprecated="true"/&gt;: only the kept
/// operations and the schemas they reach are generated; a name the document does not declare is AG0023.
/// </summary>
public sealed class FilterTests
{
    [Fact]
    public void Operations_keep_two_operations_and_the_schemas_they_reach()
    {
        // The props hand lists over with ',' for ';' (an .editorconfig value cannot hold ';').
        GeneratorRun run = RunAutoSend(("AutoSendGenOperations", "resumeCampaign,pauseCampaign"));

        Assert.Empty(run.GeneratorDiagnostics.Select(d => d.ToString()));
        Golden.Verify("filtered", run.Sources);
        Assert.True(run.CompileProblems.Count == 0, string.Join("\n", run.CompileProblems.Select(d => d.ToString())));
    }

    [Fact]
    public void Tags_keep_their_operations_and_ExcludeDeprecated_drops_the_deprecated_ones()
    {
        GeneratorRun all = RunAutoSend(("AutoSendGenTags", "CustomFields"));
        GeneratorRun current = RunAutoSend(("AutoSendGenTags", "CustomFields"), ("AutoSendGenExcludeDeprecated", "true"));

        string client = Source(all, "CustomFieldsClient");
        Assert.Contains("ListAsync(", client, StringComparison.Ordinal);
        Assert.DoesNotContain(all.Sources, s => s.HintName.EndsWith(".CampaignsClient.g.cs", StringComparison.Ordinal));
        Assert.DoesNotContain(all.Sources, s => s.HintName.EndsWith(".Campaign.g.cs", StringComparison.Ordinal));

        // listCustomFields, createCustomField and getCustomField are deprecated: nothing of the tag is left.
        Assert.DoesNotContain(current.Sources, s => s.HintName.EndsWith(".CustomFieldsClient.g.cs", StringComparison.Ordinal));
        Assert.DoesNotContain(current.Sources, s => s.HintName.EndsWith(".CustomField.g.cs", StringComparison.Ordinal));
        Assert.True(all.CompileProblems.Count == 0, string.Join("\n", all.CompileProblems.Select(d => d.ToString())));
        Assert.True(current.CompileProblems.Count == 0, string.Join("\n", current.CompileProblems.Select(d => d.ToString())));
    }

    [Fact]
    public void ExcludeTags_drop_a_tag_but_an_operation_named_in_Operations_stays()
    {
        GeneratorRun run = RunAutoSend(("AutoSendGenExcludeTags", "Campaigns"), ("AutoSendGenOperations", "resumeCampaign"));

        // Operations alone would select only resumeCampaign; with ExcludeTags the named one stays and nothing else
        // is selected (a name in Operations wins over the exclusions, and Operations narrows the selection).
        string campaigns = Source(run, "CampaignsClient");
        Assert.Contains("ResumeAsync(", campaigns, StringComparison.Ordinal);
        Assert.DoesNotContain("PauseAsync(", campaigns, StringComparison.Ordinal);
        Assert.DoesNotContain(run.Sources, s => s.HintName.EndsWith(".ContactsClient.g.cs", StringComparison.Ordinal));

        GeneratorRun withoutCampaigns = RunAutoSend(("AutoSendGenExcludeTags", "Campaigns"));
        Assert.DoesNotContain(withoutCampaigns.Sources, s => s.HintName.EndsWith(".CampaignsClient.g.cs", StringComparison.Ordinal));
        Assert.Contains(withoutCampaigns.Sources, s => s.HintName.EndsWith(".ContactsClient.g.cs", StringComparison.Ordinal));
        Assert.True(withoutCampaigns.CompileProblems.Count == 0, string.Join("\n", withoutCampaigns.CompileProblems.Select(d => d.ToString())));
    }

    [Fact]
    public void An_unknown_operation_id_or_tag_is_AG0023_at_the_paths_or_tags_with_the_nearest_name()
    {
        GeneratorRun run = RunAutoSend(("AutoSendGenOperations", "resumeCampain,resumeCampaign"), ("AutoSendGenTags", "Campaing"),
            ("AutoSendGenExcludeTags", "Nothing"));

        string[] lines = File.ReadAllLines(RepositoryPaths.AutoSendSpec);
        int paths = Array.IndexOf(lines, "paths:");
        int tags = Array.IndexOf(lines, "tags:");
        Assert.Equal(
        [
            $"AG0023 {paths} The Operations setting of <OpenApiClient> names the operation id 'resumeCampain', which the document does not declare; did you mean 'resumeCampaign'?",
            $"AG0023 {tags} The Tags setting of <OpenApiClient> names the tag 'Campaing', which the document does not declare; did you mean 'Campaigns'?",
        ],
            run.GeneratorDiagnostics.Where(d => d.GetMessage().Contains("setting of <OpenApiClient> names the", StringComparison.Ordinal) && !d.GetMessage().Contains("'Nothing'", StringComparison.Ordinal))
                .Select(d => $"{d.Id} {d.Location.GetLineSpan().StartLinePosition.Line} {d.GetMessage()}"));
        Diagnostic nothing = Assert.Single(run.GeneratorDiagnostics, d => d.GetMessage().Contains("'Nothing'", StringComparison.Ordinal));
        Assert.Equal(DiagnosticSeverity.Warning, nothing.Severity);
        Assert.StartsWith("The ExcludeTags setting of <OpenApiClient> names the tag 'Nothing', which the document does not declare; it declares", nothing.GetMessage(), StringComparison.Ordinal);

        // The names that match still filter.
        Assert.Contains("ResumeAsync(", Source(run, "CampaignsClient"), StringComparison.Ordinal);
        Assert.DoesNotContain(run.Sources, s => s.HintName.EndsWith(".ContactsClient.g.cs", StringComparison.Ordinal));
    }

    private static GeneratorRun RunAutoSend(params (string Key, string Value)[] metadata) =>
        GeneratorHarness.Run(new SpecInput(RepositoryPaths.AutoSendSpec, File.ReadAllText(RepositoryPaths.AutoSendSpec), "AutoSend.Client",
            Metadata: metadata.ToDictionary(m => m.Key, m => m.Value)));

    private static string Source(GeneratorRun run, string typeName) =>
        run.Sources.Single(s => s.HintName.EndsWith("." + typeName + ".g.cs", StringComparison.Ordinal)).Text;
}
