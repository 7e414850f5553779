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
    }

    [Fact]
    public void The_runtime_package_targets_net8_and_net10()
    {
        IReadOnlyList<string> entries = PackageFeed.Entries(feed.RuntimePackage);

        Assert.Contains("lib/net8.0/AutoSend.Runtime.dll", entries);
        Assert.Contains("lib/net10.0/AutoSend.Runtime.dll", entries);
        string nuspec = PackageFeed.ReadEntry(feed.RuntimePackage, "AutoSend.Runtime.nuspec");
        Assert.DoesNotContain("<dependency ", nuspec, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_consumer_with_one_PackageReference_resumes_a_campaign_over_http()
    {
        using var consumer = new TemporaryDirectory("autosend-consumer");
        File.Copy(RepositoryPaths.AutoSendSpec, consumer.Combine("autosend.openapi.yaml"));
        feed.WriteNuGetConfig(consumer.Path);
        File.WriteAllText(consumer.Combine("Consumer.csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <OutputType>Exe</OutputType>
                <TargetFramework>net10.0</TargetFramework>
                <Nullable>enable</Nullable>
                <ImplicitUsings>enable</ImplicitUsings>
                <TreatWarningsAsErrors>true</TreatWarningsAsErrors>
                <AnalysisLevel>latest-all</AnalysisLevel>
                <NoWarn>$(NoWarn);CA1303;CA2007;CA1849</NoWarn>
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="AutoSend.Gen" Version="{feed.Version}" />
                <OpenApiClient Include="autosend.openapi.yaml" Namespace="AutoSend.Client" />
              </ItemGroup>
            </Project>
            """);
        File.WriteAllText(consumer.Combine("Program.cs"), """
            using AutoSend.Client;
            using AutoSend.Runtime;

            using var client = new AutoSendClient(new AutoSendClientOptions
            {
                ApiKey = "AS_consumer.key",
                BaseAddress = new Uri(args[0]),
            });
            CampaignResponse response = await client.Campaigns.ResumeAsync("60d5ec49f1b2c72d9c8b4567");
            Campaign campaign = response.Data;
            Console.WriteLine($"{campaign.Id} {campaign.Status} {campaign.SendMode}");
            try
            {
                await client.Campaigns.ResumeAsync("missing");
            }
            catch (ApiException error)
            {
                Console.WriteLine($"{(int)error.StatusCode} {error.ErrorCode}");
            }
            """);

        var environment = new Dictionary<string, string> { ["NUGET_PACKAGES"] = feed.PackagesDirectory };
        (await ProcessRunner.RunAsync("dotnet", ["build", "-c", "Release", "-o", consumer.Combine("out")], consumer.Path, TimeSpan.FromMinutes(5), environment))
            .EnsureSuccess("dotnet build of the consumer");

        await using LoopbackServer server = await LoopbackServer.StartAsync(async context =>
        {
            bool found = context.Request.Path.Value!.Contains("60d5ec49f1b2c72d9c8b4567", StringComparison.Ordinal);
            context.Response.StatusCode = found ? 200 : 404;
            context.Response.ContentType = "application/json";
            await Microsoft.AspNetCore.Http.HttpResponseWritingExtensions.WriteAsync(context.Response, found
                ? ResumeResponse
                : """{"success":false,"error":{"message":"Campaign not found","code":"CAMPAIGN_NOT_FOUND","status":404}}""");
        });
        ProcessResult run = (await ProcessRunner.RunAsync("dotnet", [consumer.Combine("out", "Consumer.dll"), new Uri(server.Address, "v1").ToString()], consumer.Path, TimeSpan.FromMinutes(1)))
            .EnsureSuccess("the consumer");

        Assert.Equal(["60d5ec49f1b2c72d9c8b4567 sending_gradual gradual", "404 CAMPAIGN_NOT_FOUND"], run.Output.Trim().Split('\n').Select(l => l.Trim()));
        Assert.Equal("POST /v1/campaigns/60d5ec49f1b2c72d9c8b4567/resume", server.Requests[0].Line);
        Assert.Equal("Bearer AS_consumer.key", server.Requests[0].Headers["authorization"]);
    }
}
