using AutoSend.Testing;

namespace AutoSend.Packaging.Tests;

/// <summary>The packed packages, and a consumer that has only the PackageReference and the &lt;OpenApiClient&gt; item.</summary>
[Collection(PackageFeedCollection.Name)]
[Trait("Category", "Slow")]
public sealed class PackageTests(PackageFeed feed)
{
    private const string ResumeResponse = """
        {"success":true,"data":{"id":"60d5ec49f1b2c72d9c8b4567","name":"Spring Sale Newsletter","subject":"Sale","status":"sending_gradual","sendMode":"gradual","createdAt":"2026-03-01T10:00:00.000Z","updatedAt":"2026-03-15T14:30:00.000Z"}}
        """;

    [Fact]
    public void The_generator_package_holds_the_analyzer_its_readers_and_the_props()
    {
        IReadOnlyList<string> entries = PackageFeed.Entries(feed.GeneratorPackage);

        foreach (string expected in new[]
        {
            "analyzers/dotnet/cs/AutoSend.Gen.dll",
            "analyzers/dotnet/cs/Microsoft.OpenApi.dll",
            "analyzers/dotnet/cs/Microsoft.OpenApi.YamlReader.dll",
            "analyzers/dotnet/cs/SharpYaml.dll",
            "build/AutoSend.Gen.props",
        })
        {
            Assert.Contains(expected, entries);
        }

        Assert.DoesNotContain(entries, e => e.StartsWith("lib/", StringComparison.Ordinal));
        string nuspec = PackageFeed.ReadEntry(feed.GeneratorPackage, "AutoSend.Gen.nuspec");
        Assert.Contains($"<dependency id=\"AutoSend.Runtime\" version=\"{feed.Version}\"", nuspec, StringComparison.Ordinal);

        // One dependency group per target of the runtime, netstandard2.0 included: NuGet gives a netstandard2.0 library
        // or a .NET Framework application the nearest group, and without a netstandard2.0 one such a project gets the
        // generator but not AutoSend.Runtime (NetStandardConsumerTests, NetFrameworkConsumerTests).
        foreach (string targetFramework in new[] { ".NETStandard2.0", "net8.0", "net10.0" })
        {
            Assert.Equal(["AutoSend.Runtime"], Dependencies(nuspec, targetFramework));
        }

        Assert.Equal(3, System.Text.RegularExpressions.Regex.Count(nuspec, "<group targetFramework="));
    }

    [Fact]
    public void The_runtime_package_targets_netstandard2_0_net8_and_net10()
    {
        IReadOnlyList<string> entries = PackageFeed.Entries(feed.RuntimePackage);

        Assert.Equal(
            ["lib/net10.0/AutoSend.Runtime.dll", "lib/net8.0/AutoSend.Runtime.dll", "lib/netstandard2.0/AutoSend.Runtime.dll"],
            entries.Where(e => e.StartsWith("lib/", StringComparison.Ordinal) && e.EndsWith(".dll", StringComparison.Ordinal)).Order(StringComparer.Ordinal));
        string nuspec = PackageFeed.ReadEntry(feed.RuntimePackage, "AutoSend.Runtime.nuspec");

        // netstandard2.0: only the Microsoft packages that bring the .NET types the runtime uses. net8.0 and net10.0:
        // the two of them whose .NET assemblies forward IAsyncEnumerable and TimeProvider to the framework, so that a
        // netstandard2.0 library runs in a .NET application (runtime/AutoSend.Runtime.csproj), and on net8.0
        // System.Net.ServerSentEvents, which .NET 9 and later ship in the shared framework.
        Assert.Equal(["Microsoft.Bcl.AsyncInterfaces", "Microsoft.Bcl.TimeProvider"], Dependencies(nuspec, "net10.0"));
        Assert.Equal(["Microsoft.Bcl.AsyncInterfaces", "Microsoft.Bcl.TimeProvider", "System.Net.ServerSentEvents"], Dependencies(nuspec, "net8.0"));
        Assert.Equal(
            ["Microsoft.Bcl.AsyncInterfaces", "Microsoft.Bcl.TimeProvider", "System.Diagnostics.DiagnosticSource", "System.Net.ServerSentEvents", "System.Text.Json"],
            Dependencies(nuspec, ".NETStandard2.0"));
        Assert.DoesNotContain("PolySharp", nuspec, StringComparison.Ordinal);
        Assert.DoesNotContain("PublicApiAnalyzers", nuspec, StringComparison.Ordinal);
    }

    // The ids of one dependency group of a nuspec, sorted; fails when the group is missing.
    private static string[] Dependencies(string nuspec, string targetFramework)
    {
        System.Text.RegularExpressions.Match group = System.Text.RegularExpressions.Regex.Match(
            nuspec, "<group targetFramework=\"" + System.Text.RegularExpressions.Regex.Escape(targetFramework) + "\"\\s*(/>|>(?<body>.*?)</group>)",
            System.Text.RegularExpressions.RegexOptions.Singleline);
        Assert.True(group.Success, "No dependency group for " + targetFramework + " in:\n" + nuspec);
        return System.Text.RegularExpressions.Regex.Matches(group.Groups["body"].Value, "<dependency id=\"([^\"]+)\"")
            .Select(m => m.Groups[1].Value).Order(StringComparer.Ordinal).ToArray();
    }

    [Fact]
    public async Task A_consumer_with_one_PackageReference_resumes_a_campaign_over_http()
    {
        using var consumer = new Consumer(feed, ResumeProgram);
        (await consumer.BuildAsync()).EnsureSuccess("dotnet build of the consumer");

        await using LoopbackServer server = await LoopbackServer.StartAsync(async context =>
        {
            bool found = context.Request.Path.Value!.Contains("60d5ec49f1b2c72d9c8b4567", StringComparison.Ordinal);
            context.Response.StatusCode = found ? 200 : 404;
            context.Response.ContentType = "application/json";
            await Microsoft.AspNetCore.Http.HttpResponseWritingExtensions.WriteAsync(context.Response, found
                ? ResumeResponse
                : """{"success":false,"error":{"message":"Campaign not found","code":"CAMPAIGN_NOT_FOUND","status":404}}""");
        });
        ProcessResult run = (await consumer.RunAsync(new Uri(server.Address, "v1").ToString())).EnsureSuccess("the consumer");

        Assert.Equal(["60d5ec49f1b2c72d9c8b4567 sending_gradual gradual", "404 CAMPAIGN_NOT_FOUND"], run.Output.Trim().Split('\n').Select(l => l.Trim()));
        Assert.Equal("POST /v1/campaigns/60d5ec49f1b2c72d9c8b4567/resume", server.Requests[0].Line);
        Assert.Equal("Bearer AS_consumer.key", server.Requests[0].Headers["authorization"]);
    }

    [Fact]
    public async Task A_consumer_referencing_Microsoft_Extensions_Http_gets_AddAutoSendClient()
    {
        using var consumer = new Consumer(feed, DependencyInjectionProgram, extraItems: """
            <PackageReference Include="Microsoft.Extensions.Http" Version="10.0.0" />
            <PackageReference Include="Microsoft.Extensions.Configuration" Version="10.0.0" />
            """);
        (await consumer.BuildAsync()).EnsureSuccess("dotnet build of the consumer with Microsoft.Extensions.Http");
        Assert.True(File.Exists(Path.Combine(consumer.GeneratedDirectory, "AutoSend.Client.AutoSendClientServiceCollectionExtensions.g.cs")));

        await using LoopbackServer server = await LoopbackServer.StartAsync(200, ResumeResponse);
        ProcessResult run = (await consumer.RunAsync(new Uri(server.Address, "v1").ToString())).EnsureSuccess("the consumer");

        Assert.Equal("60d5ec49f1b2c72d9c8b4567 sending_gradual", run.Output.Trim());
        Assert.Equal("POST /v1/campaigns/60d5ec49f1b2c72d9c8b4567/resume", Assert.Single(server.Requests).Line);
        Assert.Equal("Bearer AS_consumer.di-key", server.Requests[0].Headers["authorization"]);
    }

    [Fact]
    public async Task A_consumer_filtering_the_document_gets_only_the_operations_it_names()
    {
        // ';' as a user writes it in MSBuild: the props must carry it through the compiler's .editorconfig intact.
        using var consumer = new Consumer(feed, ResumeProgram, clientMetadata: "Operations=\"resumeCampaign;pauseCampaign\" ");
        (await consumer.BuildAsync()).EnsureSuccess("dotnet build of the filtering consumer");

        string campaigns = File.ReadAllText(Path.Combine(consumer.GeneratedDirectory, "AutoSend.Client.CampaignsClient.g.cs"));
        Assert.Contains(" ResumeAsync(", campaigns, StringComparison.Ordinal);
        Assert.Contains(" PauseAsync(", campaigns, StringComparison.Ordinal);
        Assert.DoesNotContain(" AbortAsync(", campaigns, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(consumer.GeneratedDirectory, "AutoSend.Client.ContactsClient.g.cs")), "ContactsClient was generated");
        Assert.False(File.Exists(Path.Combine(consumer.GeneratedDirectory, "AutoSend.Client.Contact.g.cs")), "Contact was generated");

        await using LoopbackServer server = await LoopbackServer.StartAsync(200, ResumeResponse);
        ProcessResult run = (await consumer.RunAsync(new Uri(server.Address, "v1").ToString())).EnsureSuccess("the filtering consumer");
        Assert.StartsWith("60d5ec49f1b2c72d9c8b4567 sending_gradual gradual", run.Output.Trim(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_consumer_using_all_four_filters_gets_the_operations_they_select()
    {
        // The item as the filtering contract writes it: named operations survive ExcludeTags; CustomFields's
        // operations are all deprecated, so ExcludeDeprecated leaves nothing of that tag.
        using var consumer = new Consumer(feed, ResumeProgram, clientMetadata:
            "Operations=\"resumeCampaign;pauseCampaign\" Tags=\"Campaigns;ContactProperties;CustomFields\" ExcludeTags=\"Campaigns\" ExcludeDeprecated=\"true\" ");
        (await consumer.BuildAsync()).EnsureSuccess("dotnet build of the consumer using every filter");

        string campaigns = File.ReadAllText(Path.Combine(consumer.GeneratedDirectory, "AutoSend.Client.CampaignsClient.g.cs"));
        Assert.Contains(" ResumeAsync(", campaigns, StringComparison.Ordinal);
        Assert.Contains(" PauseAsync(", campaigns, StringComparison.Ordinal);
        Assert.DoesNotContain(" AbortAsync(", campaigns, StringComparison.Ordinal);
        string properties = File.ReadAllText(Path.Combine(consumer.GeneratedDirectory, "AutoSend.Client.ContactPropertiesClient.g.cs"));
        Assert.Contains(" ListAsync(", properties, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(consumer.GeneratedDirectory, "AutoSend.Client.CustomFieldsClient.g.cs")), "CustomFieldsClient was generated");
        Assert.False(File.Exists(Path.Combine(consumer.GeneratedDirectory, "AutoSend.Client.ContactsClient.g.cs")), "ContactsClient was generated");

        await using LoopbackServer server = await LoopbackServer.StartAsync(200, ResumeResponse);
        ProcessResult run = (await consumer.RunAsync(new Uri(server.Address, "v1").ToString())).EnsureSuccess("the consumer using every filter");
        Assert.StartsWith("60d5ec49f1b2c72d9c8b4567 sending_gradual gradual", run.Output.Trim(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_consumer_naming_an_unknown_operation_gets_AG0023()
    {
        using var consumer = new Consumer(feed, ResumeProgram, clientMetadata: "Operations=\"resumeCampaign;resumeCampain\" ");
        ProcessResult build = await consumer.BuildAsync();

        // TreatWarningsAsErrors is on in the consumer: the warning fails the build, located in the spec.
        Assert.NotEqual(0, build.ExitCode);
        Assert.Contains("autosend.openapi.yaml(", build.Output, StringComparison.Ordinal);
        Assert.Contains("AG0023", build.Output, StringComparison.Ordinal);
        Assert.Contains("did you mean 'resumeCampaign'?", build.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Generated_files_are_visible_and_a_spec_edit_regenerates_on_the_next_build()
    {
        using var consumer = new Consumer(feed, ResumeProgram);
        (await consumer.BuildAsync()).EnsureSuccess("the first build");
        string campaignFile = Path.Combine(consumer.GeneratedDirectory, "AutoSend.Client.Campaign.g.cs");
        Assert.True(File.Exists(campaignFile), "EmitCompilerGeneratedFiles did not write " + campaignFile);
        Assert.DoesNotContain("SandboxNote", File.ReadAllText(campaignFile), StringComparison.Ordinal);

        // Add a property to Campaign and use it: the second build only compiles if the generator ran again.
        string spec = File.ReadAllText(consumer.SpecPath);
        const string anchor = "      properties:\n        id:\n";
        Assert.Contains(anchor, spec, StringComparison.Ordinal);
        File.WriteAllText(consumer.SpecPath, spec.Replace(anchor, "      properties:\n        sandboxNote:\n          type: string\n          description: Added by a test.\n        id:\n", StringComparison.Ordinal));
        consumer.WriteProgram(ResumeProgram.Replace("campaign.SendMode}", "campaign.SendMode} {campaign.SandboxNote}", StringComparison.Ordinal));

        (await consumer.BuildAsync()).EnsureSuccess("the build after the spec edit");
        Assert.Contains("public string? SandboxNote { get; set; }", File.ReadAllText(campaignFile), StringComparison.Ordinal);
    }

    // Written so that it passes AnalysisLevel=latest-all itself: any warning comes from generated code.
    private const string ResumeProgram = """
        using System.Globalization;
        using AutoSend.Client;
        using AutoSend.Runtime;

        using var client = new AutoSendClient(new AutoSendClientOptions
        {
            ApiKey = "AS_consumer.key",
            BaseAddress = new Uri(args[0]),
        });
        CampaignResponse response = await client.Campaigns.ResumeAsync("60d5ec49f1b2c72d9c8b4567").ConfigureAwait(false);
        Campaign campaign = response.Data;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{campaign.Id} {campaign.Status} {campaign.SendMode}"));
        try
        {
            await client.Campaigns.ResumeAsync("missing").ConfigureAwait(false);
        }
        catch (ApiException error)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{(int)error.StatusCode} {error.ErrorCode}"));
        }
        """;

    private const string DependencyInjectionProgram = """
        using AutoSend.Client;
        using Microsoft.Extensions.Configuration;
        using Microsoft.Extensions.DependencyInjection;

        IConfiguration configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["AutoSend:ApiKey"] = "AS_consumer.di-key", ["AutoSend:BaseAddress"] = args[0] })
            .Build();
        var services = new ServiceCollection();
        services.AddAutoSendClient(configuration.GetSection("AutoSend"), options => options.MaxRetries = 0);
        using ServiceProvider provider = services.BuildServiceProvider();
        CampaignResponse response = await provider.GetRequiredService<AutoSendClient>().Campaigns.ResumeAsync("60d5ec49f1b2c72d9c8b4567").ConfigureAwait(false);
        Console.WriteLine(response.Data.Id + " " + response.Data.Status.ToString());
        """;
}
