using AutoSend.Testing;

namespace AutoSend.Packaging.Tests;

/// <summary>
/// Done-when of issue 16 for .NET Framework: a net462 console application with its default language version (C# 7.3)
/// and warnings as errors, with one PackageReference to the packed AutoSend.Gen, compiles its generated clients
/// against the runtime's netstandard2.0 build. It is compiled only: this machine (and CI) has no .NET Framework and
/// no Mono to run it; the .NET Framework reference assemblies come from Microsoft.NETFramework.ReferenceAssemblies,
/// which the SDK adds by itself on Linux. What the same code does at run time is covered by
/// <see cref="NetStandardConsumerTests"/> (the same generated code in a netstandard2.0 library) and by the runtime's
/// netstandard2.0 tests.
/// </summary>
[Collection(PackageFeedCollection.Name)]
[Trait("Category", "Slow")]
public sealed class NetFrameworkConsumerTests(PackageFeed feed)
{
    // C# 7.3 and AnalysisLevel latest-all clean: any warning comes from generated code.
    private const string ProgramSource = """
        using System;
        using System.Collections.Generic;
        using System.Globalization;
        using System.Net;
        using System.Threading;
        using System.Threading.Tasks;
        using AutoSend.Client;
        using AutoSend.Runtime;
        using Weather;

        namespace Framework
        {
            internal static class Program
            {
                private static async Task<int> Main(string[] args)
                {
                    // .NET Framework allows 2 connections per host outside ASP.NET unless raised (README, "Target frameworks").
                    ServicePointManager.DefaultConnectionLimit = 16;
                    var root = new Uri(args[0]);
                    using (var client = new AutoSendClient(new AutoSendClientOptions { ApiKey = "AS_framework.key", BaseAddress = new Uri(root, "v1") }))
                    {
                        try
                        {
                            CampaignResponse response = await client.Campaigns.ResumeAsync("60d5ec49f1b2c72d9c8b4567", CancellationToken.None).ConfigureAwait(false);
                            Campaign campaign = response.Data;
                            Console.WriteLine(campaign.Id + " " + campaign.Status.ToString() + " " + campaign.CreatedAt.ToString("O", CultureInfo.InvariantCulture));
                        }
                        catch (ApiException<ErrorResponse> error)
                        {
                            Console.WriteLine(((int)error.StatusCode).ToString(CultureInfo.InvariantCulture) + " " + error.ErrorCode);
                            return 1;
                        }
                    }

                    using (var weather = new WeatherFeedClient(new WeatherFeedClientOptions { BaseAddress = root }))
                    {
                        IAsyncEnumerator<Observation> observations = weather.Observations.WatchAsync("KSEA", CancellationToken.None).GetAsyncEnumerator();
                        try
                        {
                            while (await observations.MoveNextAsync().ConfigureAwait(false))
                            {
                                Observation observation = observations.Current;
                                DateTime? observedOn = observation.ObservedOn;
                                Console.WriteLine(observation.Seq.ToString(CultureInfo.InvariantCulture) + " " + observation.Station + " "
                                    + (observedOn.HasValue ? observedOn.Value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : "-"));
                            }
                        }
                        finally
                        {
                            await observations.DisposeAsync().ConfigureAwait(false);
                        }
                    }

                    return 0;
                }
            }
        }
        """;

    [Fact]
    public async Task A_CSharp_7_3_net462_console_compiles_against_the_packed_package()
    {
        using var folder = new ConsumerFolder(feed);
        folder.Write("Framework/Framework.csproj", $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <OutputType>Exe</OutputType>
                <TargetFramework>net462</TargetFramework>
                <TreatWarningsAsErrors>true</TreatWarningsAsErrors>
                <WarningLevel>9999</WarningLevel>
                <AnalysisLevel>latest-all</AnalysisLevel>
                <EmitCompilerGeneratedFiles>true</EmitCompilerGeneratedFiles>
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="AutoSend.Gen" Version="{feed.Version}" />
                <OpenApiClient Include="autosend.openapi.yaml" Namespace="AutoSend.Client" />
                <OpenApiClient Include="weather.openapi.yaml" Namespace="Weather" />
              </ItemGroup>
            </Project>
            """);
        folder.WriteAutoSendSpec("Framework");
        folder.Write("Framework/weather.openapi.yaml", NetStandardConsumerTests.WeatherSpec);
        folder.Write("Framework/Program.cs", ProgramSource);

        (await folder.BuildAsync("Framework")).EnsureSuccess("dotnet build of the net462 console");

        Assert.Equal("7.3", await NetStandardConsumerTests.LanguageVersionOfAsync(folder, "Framework"));
        string output = folder.OutputDirectory("Framework");
        Assert.True(File.Exists(Path.Combine(output, "Framework.exe")), "no Framework.exe in " + output);

        // NuGet gave the application the runtime's netstandard2.0 build and the packages that build depends on.
        Assert.Equal(
            File.ReadAllBytes(folder.RestoredPackageFile("AutoSend.Runtime", feed.Version, "lib/netstandard2.0/AutoSend.Runtime.dll")),
            File.ReadAllBytes(Path.Combine(output, "AutoSend.Runtime.dll")));
        foreach (string dependency in new[] { "System.Text.Json.dll", "Microsoft.Bcl.AsyncInterfaces.dll", "Microsoft.Bcl.TimeProvider.dll", "System.Net.ServerSentEvents.dll", "System.Diagnostics.DiagnosticSource.dll" })
        {
            Assert.True(File.Exists(Path.Combine(output, dependency)), dependency + " is not in " + output);
        }

        // The binding redirects an application needs for those packages on .NET Framework were generated.
        Assert.Contains("bindingRedirect", File.ReadAllText(Path.Combine(output, "Framework.exe.config")), StringComparison.Ordinal);
    }
}
