using System.Collections.Concurrent;
using AutoSend.Testing;
using Microsoft.AspNetCore.Http;

namespace AutoSend.Packaging.Tests;

/// <summary>
/// Done-when of issue 16 for libraries: a netstandard2.0 class library compiled with its default language version
/// (C# 7.3) and the strictest warnings, with one PackageReference to the packed AutoSend.Gen, generates its clients,
/// and a net10.0 program that references the library calls through it against Kestrel on loopback: a JSON call, a
/// typed error, an error body cut at <c>MaxErrorBodyBytes</c>, a retry, and a server-sent-events stream.
/// </summary>
[Collection(PackageFeedCollection.Name)]
[Trait("Category", "Slow")]
public sealed class NetStandardConsumerTests(PackageFeed feed)
{
    private const string CampaignId = "60d5ec49f1b2c72d9c8b4567";

    private const string CampaignJson = """
        {"success":true,"data":{"id":"60d5ec49f1b2c72d9c8b4567","name":"Spring Sale Newsletter","subject":"Sale","status":"sending_gradual","sendMode":"gradual","createdAt":"2026-03-01T10:00:00.000Z","updatedAt":"2026-03-15T14:30:00.000Z"}}
        """;

    /// <summary>A second, small document: AutoSend's has no streamed operation.</summary>
    internal const string WeatherSpec = """
        openapi: 3.1.0
        info:
          title: Weather Feed API
          version: 2.0.0
        servers:
          - url: https://feed.weather.example
        paths:
          /observations/live:
            get:
              operationId: watchObservations
              tags: [observations]
              parameters:
                - {name: station, in: query, required: true, schema: {type: string}}
              responses:
                '200':
                  description: One event per observation, as they are made.
                  content:
                    text/event-stream:
                      schema: {$ref: '#/components/schemas/Observation'}
        components:
          schemas:
            Observation:
              type: object
              required: [station, seq]
              properties:
                station: {type: string}
                seq: {type: integer}
                observedOn: {type: string, format: date}
        """;

    /// <summary>The library's project file; <paramref name="extraProperties"/> changes the language version.</summary>
    internal static string LibraryProject(string version, string extraProperties = "") => $"""
        <Project Sdk="Microsoft.NET.Sdk">
          <PropertyGroup>
            <TargetFramework>netstandard2.0</TargetFramework>
            <TreatWarningsAsErrors>true</TreatWarningsAsErrors>
            <WarningLevel>9999</WarningLevel>
            <AnalysisLevel>latest-all</AnalysisLevel>
            <GenerateDocumentationFile>true</GenerateDocumentationFile>
            <EmitCompilerGeneratedFiles>true</EmitCompilerGeneratedFiles>
            {extraProperties}
          </PropertyGroup>
          <ItemGroup>
            <PackageReference Include="AutoSend.Gen" Version="{version}" />
            <OpenApiClient Include="autosend.openapi.yaml" Namespace="AutoSend.Client" />
            <OpenApiClient Include="weather.openapi.yaml" Namespace="Weather" />
          </ItemGroup>
        </Project>
        """;

    /// <summary>
    /// The library's own code, C# 7.3 (no nullable annotations, no <c>await foreach</c>, no <c>using</c> declarations),
    /// written so that AnalysisLevel latest-all finds nothing in it: any warning comes from generated code.
    /// </summary>
    internal const string LibrarySource = """
        using System;
        using System.Collections.Concurrent;
        using System.Collections.Generic;
        using System.Globalization;
        using System.Threading;
        using System.Threading.Tasks;
        using AutoSend.Client;
        using AutoSend.Runtime;
        using Weather;

        namespace Mailing
        {
            /// <summary>What a netstandard2.0 library builds on the generated clients.</summary>
            public sealed class MailingService : IDisposable
            {
                private readonly ConcurrentQueue<string> _log = new ConcurrentQueue<string>();

                /// <summary>Creates both clients against one server.</summary>
                /// <param name="root">The server's root address.</param>
                /// <param name="maxErrorBodyBytes">The most bytes of an error body an exception keeps.</param>
                public MailingService(Uri root, int maxErrorBodyBytes)
                {
                    if (root == null)
                    {
                        throw new ArgumentNullException(nameof(root));
                    }

                    AutoSend = new AutoSendClient(new AutoSendClientOptions
                    {
                        ApiKey = "AS_netstandard.key",
                        BaseAddress = new Uri(root, "v1"),
                        MaxErrorBodyBytes = maxErrorBodyBytes,
                        Log = entry => _log.Enqueue(entry.EventName + " " + entry.OperationId + " attempt " + entry.Attempt.ToString(CultureInfo.InvariantCulture)),
                    });
                    Weather = new WeatherFeedClient(new WeatherFeedClientOptions { BaseAddress = root, MaxRetries = 0 });
                }

                /// <summary>The AutoSend client, for callers that want it whole.</summary>
                public AutoSendClient AutoSend { get; }

                /// <summary>The weather feed client.</summary>
                public WeatherFeedClient Weather { get; }

                /// <summary>Resumes a campaign and describes it.</summary>
                /// <param name="campaignId">The campaign.</param>
                /// <param name="cancellationToken">Cancels the call.</param>
                /// <returns>Its id, status and send mode.</returns>
                public async Task<string> ResumeAsync(string campaignId, CancellationToken cancellationToken)
                {
                    CampaignResponse response = await AutoSend.Campaigns.ResumeAsync(campaignId, cancellationToken).ConfigureAwait(false);
                    Campaign campaign = response.Data;
                    return campaign.Id + " " + campaign.Status.ToString() + " " + campaign.SendMode.ToString();
                }

                /// <summary>Reads a campaign's name (a GET: retried on 503).</summary>
                /// <param name="campaignId">The campaign.</param>
                /// <param name="cancellationToken">Cancels the call.</param>
                /// <returns>The name.</returns>
                public async Task<string> GetNameAsync(string campaignId, CancellationToken cancellationToken)
                {
                    CampaignResponse response = await AutoSend.Campaigns.GetAsync(campaignId, cancellationToken).ConfigureAwait(false);
                    return response.Data.Name;
                }

                /// <summary>Reads a station's live observations to the end of the stream, without <c>await foreach</c>.</summary>
                /// <param name="station">The station.</param>
                /// <param name="cancellationToken">Cancels the stream.</param>
                /// <returns>One line per observation.</returns>
                public async Task<IList<string>> WatchAsync(string station, CancellationToken cancellationToken)
                {
                    var lines = new List<string>();
                    IAsyncEnumerator<Observation> observations = Weather.Observations.WatchAsync(station, cancellationToken).GetAsyncEnumerator(cancellationToken);
                    try
                    {
                        while (await observations.MoveNextAsync().ConfigureAwait(false))
                        {
                            Observation observation = observations.Current;
                            lines.Add(observation.Seq.ToString(CultureInfo.InvariantCulture) + " " + observation.Station);
                        }
                    }
                    finally
                    {
                        await observations.DisposeAsync().ConfigureAwait(false);
                    }

                    return lines;
                }

                /// <summary>The client's log events since the last call, oldest first.</summary>
                /// <returns>One line per event.</returns>
                public IList<string> TakeLog()
                {
                    var lines = new List<string>();
                    while (_log.TryDequeue(out string line))
                    {
                        lines.Add(line);
                    }

                    return lines;
                }

                /// <summary>Disposes both clients.</summary>
                public void Dispose()
                {
                    AutoSend.Dispose();
                    Weather.Dispose();
                }
            }
        }
        """;

    // The net10.0 program: it calls the library, and reads the stream itself too (await foreach over the library's
    // client: the IAsyncEnumerable<T> the library was compiled against is the framework's here).
    private const string ProgramSource = """
        using System.Globalization;
        using AutoSend.Client;
        using AutoSend.Runtime;
        using Mailing;
        using Weather;

        using var service = new MailingService(new Uri(args[0]), maxErrorBodyBytes: 256);
        Console.WriteLine("json " + await service.ResumeAsync("60d5ec49f1b2c72d9c8b4567", CancellationToken.None).ConfigureAwait(false));

        try
        {
            await service.ResumeAsync("missing", CancellationToken.None).ConfigureAwait(false);
        }
        catch (ApiException<ErrorResponse> error)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"typed {(int)error.StatusCode} {error.ErrorCode} {error.Error.Success} {error.ResponseBody?.Length}"));
        }

        try
        {
            await service.GetNameAsync("huge", CancellationToken.None).ConfigureAwait(false);
        }
        catch (ApiException error)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"capped {(int)error.StatusCode} {error.GetType().Name} {error.ResponseBody?.Length} {error.IsResponseBodyTruncated}"));
        }

        service.TakeLog();
        Console.WriteLine("retry " + await service.GetNameAsync("60d5ec49f1b2c72d9c8b4567", CancellationToken.None).ConfigureAwait(false));
        foreach (string line in service.TakeLog())
        {
            Console.WriteLine("log " + line);
        }

        foreach (string line in await service.WatchAsync("KSEA", CancellationToken.None).ConfigureAwait(false))
        {
            Console.WriteLine("sse " + line);
        }

        await foreach (Observation observation in service.Weather.Observations.WatchAsync("KSEA").ConfigureAwait(false))
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"app {observation.Seq} {observation.Station}"));
        }
        """;

    [Fact]
    public async Task A_CSharp_7_3_netstandard2_0_library_serves_a_net10_0_program_json_errors_retries_and_streams()
    {
        using var folder = new ConsumerFolder(feed);
        folder.Write("Library/Library.csproj", LibraryProject(feed.Version));
        folder.WriteAutoSendSpec("Library");
        folder.Write("Library/weather.openapi.yaml", WeatherSpec);
        folder.Write("Library/MailingService.cs", LibrarySource);
        folder.Write("Program/Program.csproj", """
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <OutputType>Exe</OutputType>
                <TargetFramework>net10.0</TargetFramework>
                <Nullable>enable</Nullable>
                <ImplicitUsings>enable</ImplicitUsings>
                <TreatWarningsAsErrors>true</TreatWarningsAsErrors>
                <AnalysisLevel>latest-all</AnalysisLevel>
              </PropertyGroup>
              <ItemGroup>
                <ProjectReference Include="../Library/Library.csproj" />
              </ItemGroup>
            </Project>
            """);
        folder.Write("Program/Program.cs", ProgramSource);

        (await folder.BuildAsync("Program")).EnsureSuccess("dotnet build of the net10.0 program and its netstandard2.0 library");

        // The library compiled against the runtime's netstandard2.0 build; the program runs the net10.0 one.
        Assert.Equal("7.3", await LanguageVersionOfAsync(folder, "Library"));
        Assert.Equal(
            File.ReadAllBytes(folder.RestoredPackageFile("AutoSend.Runtime", feed.Version, "lib/net10.0/AutoSend.Runtime.dll")),
            File.ReadAllBytes(Path.Combine(folder.OutputDirectory("Program"), "AutoSend.Runtime.dll")));

        var getCampaignCalls = 0;
        await using LoopbackServer server = await LoopbackServer.StartAsync(async context =>
        {
            string path = context.Request.Path.Value ?? "";
            if (path == "/observations/live")
            {
                context.Response.ContentType = "text/event-stream";
                for (int seq = 1; seq <= 3; seq++)
                {
                    await context.Response.WriteAsync("data: {\"station\":\"KSEA\",\"seq\":" + seq + ",\"observedOn\":\"2026-12-0" + seq + "\"}\n\n", context.RequestAborted);
                    await context.Response.Body.FlushAsync(context.RequestAborted);
                }

                return;
            }

            if (path == "/v1/campaigns/huge")
            {
                // 10,000 bytes of an HTML error page: the exception keeps the first 256.
                context.Response.StatusCode = 500;
                context.Response.ContentType = "text/html";
                await context.Response.WriteAsync("<html>" + new string('x', 9_987) + "</html>", context.RequestAborted);
                return;
            }

            if (path == "/v1/campaigns/" + CampaignId && Interlocked.Increment(ref getCampaignCalls) == 1)
            {
                context.Response.StatusCode = 503;
                context.Response.Headers.RetryAfter = "0";
                return;
            }

            bool found = path.Contains(CampaignId, StringComparison.Ordinal);
            context.Response.StatusCode = found ? 200 : 404;
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync(found
                ? CampaignJson
                : """{"success":false,"error":{"message":"Campaign not found","code":"CAMPAIGN_NOT_FOUND","status":404}}""", context.RequestAborted);
        });

        ProcessResult run = (await folder.RunAsync("Program", server.Address.ToString())).EnsureSuccess("the net10.0 program");

        Assert.Equal(
            [
                "json 60d5ec49f1b2c72d9c8b4567 sending_gradual gradual",
                "typed 404 CAMPAIGN_NOT_FOUND False 99",
                "capped 500 ApiException 256 True",
                "retry Spring Sale Newsletter",
                "log RetryScheduled getCampaign attempt 1",
                "log RequestSucceeded getCampaign attempt 2",
                "sse 1 KSEA", "sse 2 KSEA", "sse 3 KSEA",
                "app 1 KSEA", "app 2 KSEA", "app 3 KSEA",
            ],
            run.Output.Trim().Split('\n').Select(l => l.Trim()));
        Assert.Equal(
            [
                "POST /v1/campaigns/60d5ec49f1b2c72d9c8b4567/resume",
                "POST /v1/campaigns/missing/resume",
                "GET /v1/campaigns/huge",
                "GET /v1/campaigns/60d5ec49f1b2c72d9c8b4567",
                "GET /v1/campaigns/60d5ec49f1b2c72d9c8b4567",
                "GET /observations/live?station=KSEA",
                "GET /observations/live?station=KSEA",
            ],
            server.Requests.Select(r => r.Line));
        Assert.Equal("Bearer AS_netstandard.key", server.Requests[0].Headers["authorization"]);
    }

    [Fact]
    public async Task A_netstandard2_0_library_with_LangVersion_latest_and_nullable_compiles_clean()
    {
        using var folder = new ConsumerFolder(feed);
        folder.Write("Library/Library.csproj", LibraryProject(feed.Version, """
            <LangVersion>latest</LangVersion>
            <Nullable>enable</Nullable>
            """));
        folder.WriteAutoSendSpec("Library");
        folder.Write("Library/weather.openapi.yaml", WeatherSpec);
        folder.Write("Library/MailingService.cs", LibrarySource);

        (await folder.BuildAsync("Library")).EnsureSuccess("dotnet build of the netstandard2.0 library with LangVersion latest");

        Assert.Equal("latest", await LanguageVersionOfAsync(folder, "Library"));
    }

    // The language version the SDK gives the compiler (7.3 is netstandard2.0's and .NET Framework's default).
    internal static async Task<string> LanguageVersionOfAsync(ConsumerFolder folder, string project) =>
        (await ProcessRunner.RunAsync("dotnet", ["msbuild", Path.Combine(project, project + ".csproj"), "-getProperty:LangVersion"], folder.Path, TimeSpan.FromMinutes(1)))
            .EnsureSuccess("dotnet msbuild -getProperty:LangVersion").Output.Trim();
}
