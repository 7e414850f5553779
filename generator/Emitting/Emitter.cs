using System.Collections.Generic;
using System.Linq;
using AutoSend.Gen.Model;

namespace AutoSend.Gen.Emitting;

/// <summary>The emitter stage: one client spec in, one source file per generated type out, in a fixed order.</summary>
internal static class Emitter
{
    public static IEnumerable<(string HintName, string Source)> Emit(ClientSpec client, string specFileName, ReferencedPackages? packages = null)
    {
        var context = new EmitContext(client, specFileName);
        yield return (HintName(client, client.ClientName), ClientEmitter.EmitClient(context));
        yield return (HintName(client, client.OptionsName), ClientEmitter.EmitOptions(context));
        foreach (OperationGroupSpec group in client.Groups.Where(g => g.PropertyName.Length > 0))
        {
            yield return (HintName(client, group.TypeName), ClientEmitter.EmitGroup(context, group));
        }

        foreach (TypeDeclarationSpec type in client.Types)
        {
            string source = type switch
            {
                ObjectSpec model => ModelEmitter.Emit(context, model),
                EnumSpec model => EnumEmitter.Emit(context, model),
                UnionSpec model => UnionEmitter.Emit(context, model),
                _ => throw new System.InvalidOperationException("Unknown declaration " + type.GetType().Name),
            };
            yield return (HintName(client, type.Name), source);
        }

        yield return (HintName(client, client.JsonContextName), JsonContextEmitter.Emit(context));
        if (packages is { HttpClientFactory: true })
        {
            // The class lives in Microsoft.Extensions.DependencyInjection; the hint name keeps the client's namespace,
            // which is unique per document.
            yield return (HintName(client, DependencyInjectionEmitter.ClassName(client)), DependencyInjectionEmitter.Emit(context, packages.Configuration));
        }

        if (packages is { RateLimiting: true })
        {
            yield return (HintName(client, RateLimiterEmitter.ClassName(client)), RateLimiterEmitter.Emit(context));
        }
    }

    /// <summary>Every type name the client declares in its namespace.</summary>
    public static IEnumerable<string> TypeNames(ClientSpec client) =>
        new[] { client.ClientName, client.OptionsName, client.JsonContextName }
            .Concat(client.Groups.Where(g => g.PropertyName.Length > 0).Select(g => g.TypeName))
            .Concat(client.Types.Select(t => t.Name));

    private static string HintName(ClientSpec client, string typeName) => client.Namespace + "." + typeName + ".g.cs";
}
