using System.Collections.Immutable;
using System.Reflection;
using System.Text.Json;
using AutoSend.Testing;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace AutoSend.Gen.Tests.Infrastructure;

/// <summary>A consumer's target framework and language version, as LegacyTargetTests compile generated clients for them.</summary>
public enum LegacyTarget
{
    /// <summary>netstandard2.0 with the SDK's default language version there, C# 7.3.</summary>
    NetStandard20CSharp73,

    /// <summary>.NET Framework 4.6.2 with the SDK's default language version there, C# 7.3.</summary>
    Net462CSharp73,

    /// <summary>netstandard2.0 with <c>LangVersion</c> latest: new syntax, but none of the types .NET added for it.</summary>
    NetStandard20Latest,
}

/// <summary>
/// Compilations as a consumer on netstandard2.0 or .NET Framework 4.6.2 has them: the framework's reference assemblies
/// (Basic.Reference.Assemblies for netstandard2.0; Microsoft.NETFramework.ReferenceAssemblies.net462 plus the SDK's
/// netstandard facades for .NET Framework), the runtime's netstandard2.0 build and the packages it depends on there
/// (read from the runtime's project.assets.json), warning level 9999, nullable on where the language has it.
/// References are loaded once per target.
/// </summary>
public static class LegacyTargets
{
    private const string ConsumerCode = "namespace Consumer { internal static class Program { public static void Main() { } } }";

    private static readonly Dictionary<LegacyTarget, ImmutableArray<MetadataReference>> s_references = [];

    public static CSharpParseOptions ParseOptions(LegacyTarget target) => new(
        target == LegacyTarget.NetStandard20Latest ? LanguageVersion.Latest : LanguageVersion.CSharp7_3,
        DocumentationMode.Diagnose);

    /// <summary>Runs the generator for a netstandard2.0 consumer that sets <c>LangVersion</c> to <paramref name="version"/>.</summary>
    public static GeneratorRun RunNetStandard(LanguageVersion version, params SpecInput[] specs)
    {
        var parseOptions = new CSharpParseOptions(version, DocumentationMode.Diagnose);
        GeneratorDriver driver = GeneratorHarness.CreateDriver(specs, out _, parseOptions);
        CSharpCompilation compilation = CreateCompilation(LegacyTarget.NetStandard20Latest, ConsumerCode, extensions: true);
        compilation = compilation
            .RemoveAllSyntaxTrees()
            .AddSyntaxTrees(compilation.SyntaxTrees.Select(t => t.WithRootAndOptions(t.GetRoot(), parseOptions)))
            .WithOptions(compilation.Options.WithNullableContextOptions(version >= LanguageVersion.CSharp8 ? NullableContextOptions.Enable : NullableContextOptions.Disable));
        return GeneratorHarness.RunDriver(driver, compilation);
    }

    // The optional packages that make the generator write the dependency-injection and rate-limiter extensions, in
    // their netstandard2.0 (or net462) builds: the versions this test project restores.
    private static readonly string[] s_extensionPackages =
    [
        "Microsoft.Extensions.Http", "Microsoft.Extensions.DependencyInjection.Abstractions", "Microsoft.Extensions.DependencyInjection",
        "Microsoft.Extensions.Options", "Microsoft.Extensions.Logging.Abstractions", "Microsoft.Extensions.Logging",
        "Microsoft.Extensions.Configuration.Abstractions", "Microsoft.Extensions.Primitives", "System.Threading.RateLimiting",
    ];

    /// <summary>Runs the generator on <paramref name="specs"/> in a consumer compilation of <paramref name="target"/>.</summary>
    public static GeneratorRun Run(LegacyTarget target, params SpecInput[] specs) => Run(target, extensions: false, specs);

    /// <summary>The same, with the Microsoft.Extensions packages (dependency injection, configuration, logging) and rate limiting referenced.</summary>
    public static GeneratorRun Run(LegacyTarget target, bool extensions, params SpecInput[] specs)
    {
        CSharpParseOptions parseOptions = ParseOptions(target);
        GeneratorDriver driver = GeneratorHarness.CreateDriver(specs, out _, parseOptions);
        return GeneratorHarness.RunDriver(driver, CreateCompilation(target, ConsumerCode, extensions));
    }

    public static CSharpCompilation CreateCompilation(LegacyTarget target, string userCode, bool extensions = false) =>
        CSharpCompilation.Create(
            "Consumer",
            [CSharpSyntaxTree.ParseText(userCode, ParseOptions(target), path: "Program.cs")],
            extensions ? References(target).AddRange(ExtensionReferences(target == LegacyTarget.Net462CSharp73)) : References(target),
            new CSharpCompilationOptions(
                OutputKind.DynamicallyLinkedLibrary,
                nullableContextOptions: target == LegacyTarget.NetStandard20Latest ? NullableContextOptions.Enable : NullableContextOptions.Disable,
                warningLevel: 9999,
                deterministic: true,
                // What the SDK's NoWarn holds in every project: assembly version unification notes.
                specificDiagnosticOptions: [KeyValuePair.Create("CS1701", ReportDiagnostic.Suppress), KeyValuePair.Create("CS1702", ReportDiagnostic.Suppress)]));

    private static ImmutableArray<MetadataReference> References(LegacyTarget target)
    {
        lock (s_references)
        {
            if (!s_references.TryGetValue(target, out ImmutableArray<MetadataReference> references))
            {
                s_references[target] = references = LoadReferences(target == LegacyTarget.Net462CSharp73);
            }

            return references;
        }
    }

    private static ImmutableArray<MetadataReference> LoadReferences(bool netFramework)
    {
        string runtime = Metadata("AutoSendNetStandardRuntime");
        Assert.True(File.Exists(runtime), "The runtime's netstandard2.0 build is missing: " + runtime);
        var files = new List<string>();
        IEnumerable<MetadataReference> framework;
        if (netFramework)
        {
            // What the SDK hands a net462 project that references netstandard2.0 libraries: the targeting pack, its
            // facades, and the netstandard facades of Microsoft.NET.Build.Extensions for the names the pack lacks.
            string pack = Path.Combine(Metadata("AutoSendNet462ReferenceAssemblies"), "build", ".NETFramework", "v4.6.2");
            var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            foreach (string file in Directory.GetFiles(pack, "*.dll").Concat(Directory.GetFiles(Path.Combine(pack, "Facades"), "*.dll")))
            {
                if (names.Add(Path.GetFileName(file)))
                {
                    files.Add(file);
                }
            }

            foreach (string file in Directory.GetFiles(NetStandardFacades(), "*.dll"))
            {
                if (names.Add(Path.GetFileName(file)))
                {
                    files.Add(file);
                }
            }

            framework = [];
        }
        else
        {
            framework = Basic.Reference.Assemblies.NetStandard20.References.All;
        }

        // The targeting pack also holds a few native images (System.EnterpriseServices.Thunk.dll...), which MSBuild skips too.
        files.RemoveAll(file => !IsManaged(file));
        files.Add(runtime);
        files.AddRange(PackageAssemblies(Path.Combine(RepositoryPaths.Root, "runtime", "obj", "project.assets.json"), netFramework));
        return framework.Concat(files.Select(f => (MetadataReference)MetadataReference.CreateFromFile(f))).ToImmutableArray();
    }

    /// <summary>The compile assemblies of the runtime's netstandard2.0 package dependencies (their net462 builds for .NET Framework).</summary>
    private static IEnumerable<string> PackageAssemblies(string assetsFile, bool netFramework)
    {
        using JsonDocument assets = JsonDocument.Parse(File.ReadAllText(assetsFile));
        string packageFolder = assets.RootElement.GetProperty("packageFolders").EnumerateObject().First().Name;
        JsonElement libraries = assets.RootElement.GetProperty("libraries");
        foreach (JsonProperty package in assets.RootElement.GetProperty("targets").GetProperty("netstandard2.0").EnumerateObject())
        {
            if (package.Value.GetProperty("type").GetString() != "package" || !package.Value.TryGetProperty("compile", out JsonElement compile))
            {
                continue;
            }

            string packagePath = Path.Combine(packageFolder, libraries.GetProperty(package.Name).GetProperty("path").GetString()!);
            foreach (JsonProperty item in compile.EnumerateObject().Where(i => i.Name.EndsWith(".dll", StringComparison.OrdinalIgnoreCase)))
            {
                string path = Path.Combine(packagePath, item.Name);
                string net462 = Path.Combine(packagePath, item.Name.Replace("lib/netstandard2.0/", "lib/net462/", StringComparison.Ordinal));
                yield return netFramework && File.Exists(net462) ? net462 : path;
            }
        }
    }

    private static IEnumerable<MetadataReference> ExtensionReferences(bool netFramework)
    {
        string assetsFile = Path.Combine(RepositoryPaths.Root, "tests", "AutoSend.Gen.Tests", "obj", "project.assets.json");
        using JsonDocument assets = JsonDocument.Parse(File.ReadAllText(assetsFile));
        string packageFolder = assets.RootElement.GetProperty("packageFolders").EnumerateObject().First().Name;
        var references = new List<MetadataReference>();
        foreach (JsonProperty library in assets.RootElement.GetProperty("libraries").EnumerateObject())
        {
            string name = library.Name.Split('/')[0];
            if (s_extensionPackages.Contains(name))
            {
                string lib = Path.Combine(packageFolder, library.Value.GetProperty("path").GetString()!, "lib");
                string folder = netFramework && Directory.Exists(Path.Combine(lib, "net462")) ? "net462" : "netstandard2.0";
                references.Add(MetadataReference.CreateFromFile(Path.Combine(lib, folder, name + ".dll")));
            }
        }

        Assert.Equal(s_extensionPackages.Length, references.Count);
        return references;
    }

    /// <summary>The SDK's netstandard facades for .NET Framework 4.6.1 to 4.7.0 (Microsoft.NET.Build.Extensions).</summary>
    private static string NetStandardFacades()
    {
        // The running runtime lives in <dotnet>/shared/Microsoft.NETCore.App/<version>/; the SDKs in <dotnet>/sdk/<version>/.
        string dotnet = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(typeof(object).Assembly.Location)!, "..", "..", ".."));
        string? facades = Directory.GetDirectories(Path.Combine(dotnet, "sdk"))
            .OrderByDescending(d => d, StringComparer.Ordinal)
            .Select(d => Path.Combine(d, "Microsoft", "Microsoft.NET.Build.Extensions", "net461", "lib"))
            .FirstOrDefault(Directory.Exists);
        Assert.True(facades is not null, "No SDK with Microsoft.NET.Build.Extensions under " + dotnet);
        return facades!;
    }

    private static bool IsManaged(string file)
    {
        using var reader = new System.Reflection.PortableExecutable.PEReader(File.OpenRead(file));
        return reader.HasMetadata && System.Reflection.Metadata.PEReaderExtensions.GetMetadataReader(reader).IsAssembly;
    }

    private static string Metadata(string key) =>
        typeof(LegacyTargets).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == key).Value!;
}
