using AutoSend.Testing;

namespace AutoSend.Packaging.Tests;

/// <summary>
/// A consumer project in a temporary folder that uses AutoSend.Gen the way the README says: one PackageReference and
/// one &lt;OpenApiClient&gt; item, with the strictest build settings a user might choose.
/// </summary>
public sealed class Consumer : IDisposable
{
    private readonly TemporaryDirectory _directory = new("autosend-consumer");
    private readonly PackageFeed _feed;

    public Consumer(PackageFeed feed, string program, string extraProperties = "", string extraItems = "", string clientMetadata = "")
        : this(feed, program, File.ReadAllText(RepositoryPaths.AutoSendSpec), "AutoSend.Client", extraProperties, extraItems, clientMetadata)
    {
    }

    /// <summary>A consumer of another document, one the project has never seen, written into the consumer's folder.</summary>
    public Consumer(PackageFeed feed, string program, string specText, string specNamespace, string extraProperties = "", string extraItems = "", string clientMetadata = "")
    {
        _feed = feed;
        File.WriteAllText(SpecPath, specText);
        feed.WriteNuGetConfig(_directory.Path);
        File.WriteAllText(_directory.Combine("Consumer.csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <OutputType>Exe</OutputType>
                <TargetFramework>net10.0</TargetFramework>
                <Nullable>enable</Nullable>
                <ImplicitUsings>enable</ImplicitUsings>
                <TreatWarningsAsErrors>true</TreatWarningsAsErrors>
                <AnalysisLevel>latest-all</AnalysisLevel>
                <EmitCompilerGeneratedFiles>true</EmitCompilerGeneratedFiles>
                {extraProperties}
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="AutoSend.Gen" Version="{feed.Version}" />
                <OpenApiClient Include="autosend.openapi.yaml" Namespace="{specNamespace}" {clientMetadata}/>
                {extraItems}
              </ItemGroup>
            </Project>
            """);
        WriteProgram(program);
    }

    /// <summary>
    /// Builds a consumer of a document the project has never seen (the issue-14 consumer tests): the document and the
    /// program are the test's, the build must succeed under the strict settings above.
    /// </summary>
    public static async Task<Consumer> BuildUnseenAsync(PackageFeed feed, string specText, string specNamespace, string program)
    {
        var consumer = new Consumer(feed, program, specText: specText, specNamespace: specNamespace);
        try
        {
            (await consumer.BuildAsync()).EnsureSuccess("dotnet build of the consumer");
            return consumer;
        }
        catch
        {
            consumer.Dispose();
            throw;
        }
    }

    /// <summary>Runs the built consumer with the server's address as its argument and returns its output lines, trimmed.</summary>
    public async Task<IReadOnlyList<string>> RunAgainstAsync(LoopbackServer server) =>
        (await RunAsync(server.Address.ToString())).EnsureSuccess("the consumer").Output.Trim().Split('\n').Select(l => l.Trim()).ToList();

    public string Directory => _directory.Path;

    public string SpecPath => _directory.Combine("autosend.openapi.yaml");

    /// <summary>Where EmitCompilerGeneratedFiles puts the generator's output.</summary>
    public string GeneratedDirectory => _directory.Combine("obj", "Debug", "net10.0", "generated", "AutoSend.Gen", "AutoSend.Gen.OpenApiClientGenerator");

    public void WriteProgram(string program) => File.WriteAllText(_directory.Combine("Program.cs"), program);

    public async Task<ProcessResult> BuildAsync() =>
        await ProcessRunner.RunAsync("dotnet", ["build", "-o", _directory.Combine("out")], _directory.Path, TimeSpan.FromMinutes(5),
            new Dictionary<string, string?> { ["NUGET_PACKAGES"] = _feed.PackagesDirectory });

    public async Task<ProcessResult> RunAsync(params string[] arguments) =>
        await ProcessRunner.RunAsync("dotnet", [_directory.Combine("out", "Consumer.dll"), .. arguments], _directory.Path, TimeSpan.FromMinutes(1));

    public void Dispose() => _directory.Dispose();
}
