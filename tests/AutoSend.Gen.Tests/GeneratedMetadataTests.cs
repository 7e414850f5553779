using System.Reflection;
using System.Runtime.CompilerServices;
using System.Runtime.Loader;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using AutoSend.Gen.Tests.Infrastructure;
using AutoSend.Runtime.Primitives;
using AutoSend.Testing;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Emit;

namespace AutoSend.Gen.Tests;

/// <summary>
/// The metadata the generator emits is valid by construction: for the AutoSend spec and every fixture, the generated
/// code is compiled, loaded, every type's static initializer run, every JSON type info of the context resolved (which
/// makes System.Text.Json check each property), and every operation descriptor's success metadata read. One bad
/// property used to fail a whole group's static initializer with a TypeInitializationException before any request.
/// </summary>
public sealed class GeneratedMetadataTests
{
    public static TheoryData<string> Documents => new()
    {
        "spec/autosend.openapi.yaml",
        "features.yaml",
        "mapping.yaml",
        "media.yaml",
        "operations.yaml",
        "operations.swagger2.yaml",
        "Hostile/hostile.yaml",
        "Hostile/hostile.json",
        "Hostile/cycles.yaml",
    };

    [Theory]
    [MemberData(nameof(Documents))]
    public void Every_generated_type_loads_and_every_json_metadata_resolves(string document)
    {
        string path = document.StartsWith("spec/", StringComparison.Ordinal)
            ? RepositoryPaths.AutoSendSpec
            : Path.Combine(AppContext.BaseDirectory, "Fixtures", document);
        GeneratorRun run = GeneratorHarness.Run(new SpecInput(path, File.ReadAllText(path)));

        var context = new AssemblyLoadContext("metadata-" + document, isCollectible: true);
        try
        {
            Assembly assembly = Load(run, context);
            List<string> failures = [];
            int infos = 0, operations = 0;
            foreach (Type type in assembly.GetTypes().Where(t => t.GetCustomAttribute<System.CodeDom.Compiler.GeneratedCodeAttribute>() is not null))
            {
                if (!Try(failures, type.FullName!, () => RuntimeHelpers.RunClassConstructor(type.TypeHandle)))
                {
                    continue;
                }

                if (typeof(JsonSerializerContext).IsAssignableFrom(type))
                {
                    object defaultContext = type.GetProperty("Default", BindingFlags.Public | BindingFlags.Static)!.GetValue(null)!;
                    foreach (PropertyInfo property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => typeof(JsonTypeInfo).IsAssignableFrom(p.PropertyType)))
                    {
                        infos++;
                        Try(failures, type.Name + "." + property.Name, () =>
                        {
                            var info = (JsonTypeInfo)property.GetValue(defaultContext)!;
                            _ = info.Properties.Count;
                        });
                    }
                }

                // Each descriptor is a static property that makes it on first use.
                foreach (PropertyInfo descriptor in type.GetProperties(BindingFlags.NonPublic | BindingFlags.Static).Where(p => typeof(ApiOperation).IsAssignableFrom(p.PropertyType)))
                {
                    operations++;
                    Try(failures, type.Name + "." + descriptor.Name, () =>
                    {
                        object operation = descriptor.GetValue(null)!;
                        _ = operation.GetType().GetProperty("ResultType")?.GetValue(operation);
                    });
                }
            }

            Assert.True(failures.Count == 0, string.Join("\n", failures));
            Assert.True(infos + operations > 0, "the document generated neither JSON metadata nor operations");
        }
        finally
        {
            context.Unload();
        }
    }

    /// <summary>
    /// The context instance the operations use knows only the types reached from the metadata it created: for each
    /// metadata property, a new such instance must be able to resolve everything the serializer can ask for from that
    /// type on (property, item, key and value types, nullable underlying types, union variants, derived classes), or a
    /// call would fail with "metadata not provided" where the full context works.
    /// </summary>
    [Theory]
    [MemberData(nameof(Documents))]
    public void The_operations_context_resolves_every_type_reached_from_a_metadata_property(string document)
    {
        string path = document.StartsWith("spec/", StringComparison.Ordinal)
            ? RepositoryPaths.AutoSendSpec
            : Path.Combine(AppContext.BaseDirectory, "Fixtures", document);
        GeneratorRun run = GeneratorHarness.Run(new SpecInput(path, File.ReadAllText(path)));

        var context = new AssemblyLoadContext("reached-" + document, isCollectible: true);
        try
        {
            Assembly assembly = Load(run, context);
            Type[] generated = assembly.GetTypes();
            Type? contextType = generated.SingleOrDefault(t => typeof(JsonSerializerContext).IsAssignableFrom(t));
            if (contextType is null)
            {
                return;
            }

            ConstructorInfo reachedOnly = contextType.GetConstructor(BindingFlags.NonPublic | BindingFlags.Instance, [typeof(ApiJsonTypeFactories)])!;
            Assert.NotNull(contextType.GetProperty("ForOperations", BindingFlags.NonPublic | BindingFlags.Static)?.GetValue(null));
            List<string> failures = [];
            int walked = 0;
            foreach (PropertyInfo property in contextType.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => typeof(JsonTypeInfo).IsAssignableFrom(p.PropertyType)))
            {
                var fresh = (JsonSerializerContext)reachedOnly.Invoke([new ApiJsonTypeFactories()]);
                Try(failures, property.Name, () => walked += Walk((JsonTypeInfo)property.GetValue(fresh)!, fresh.Options, [], generated));
            }

            Assert.True(failures.Count == 0, string.Join("\n", failures));
            Assert.True(walked > 0);
        }
        finally
        {
            context.Unload();
        }
    }

    // Resolves, through the options (so through the instance's resolver), every type the serializer can ask for from
    // this one; a type the resolver does not know throws NotSupportedException.
    private static int Walk(JsonTypeInfo info, System.Text.Json.JsonSerializerOptions options, HashSet<Type> seen, Type[] generated)
    {
        if (!seen.Add(info.Type))
        {
            return 0;
        }

        var next = new List<Type>(info.Properties.Select(p => p.PropertyType));
        next.AddRange(new[] { info.ElementType, info.KeyType, Nullable.GetUnderlyingType(info.Type) }.OfType<Type>());
        // Derived classes (a polymorphic base's converter picks them) and union variants (one constructor each).
        next.AddRange(generated.Where(t => t.BaseType == info.Type));
        if (generated.Contains(info.Type) && !info.Type.IsValueType && info.Type.GetProperty("Value") is not null && info.Kind == JsonTypeInfoKind.None)
        {
            next.AddRange(info.Type.GetConstructors().Select(c => c.GetParameters()).Where(p => p.Length == 1).Select(p => p[0].ParameterType));
        }

        int count = 1;
        foreach (Type type in next)
        {
            count += Walk(options.GetTypeInfo(type), options, seen, generated);
        }

        return count;
    }

    private static Assembly Load(GeneratorRun run, AssemblyLoadContext context)
    {
        using var image = new MemoryStream();
        EmitResult emitted = run.OutputCompilation.Emit(image);
        Assert.True(emitted.Success, string.Join("\n", emitted.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error)));
        image.Position = 0;
        return context.LoadFromStream(image);
    }

    // Records the innermost exception's message, so that a TypeInitializationException shows its cause.
    private static bool Try(List<string> failures, string what, Action action)
    {
        try
        {
            action();
            return true;
        }
        catch (Exception exception)
        {
            Exception inner = exception;
            while (inner.InnerException is not null)
            {
                inner = inner.InnerException;
            }

            failures.Add($"{what}: {exception.GetType().Name}: {inner.Message}");
            return false;
        }
    }
}
