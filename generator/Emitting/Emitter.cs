using System;
using System.Collections.Generic;
using System.Linq;
using AutoSend.Gen.Model;

namespace AutoSend.Gen.Emitting;

/// <summary>The emitter stage: one client spec in, one source file per generated type out, in a fixed order.</summary>
internal static class Emitter
{
    /// <summary>The namespace of the dependency-injection extensions, where <c>services.Add…</c> methods are found.</summary>
    private const string DependencyInjectionNamespace = "Microsoft.Extensions.DependencyInjection";

    public static IEnumerable<(string HintName, string Source)> Emit(ClientSpec client, string specFileName, ReferencedPackages? packages = null)
    {
        var context = new EmitContext(client, specFileName);
        foreach (Declaration declaration in Declarations(client).Where(d => d.IsEmitted(packages)))
        {
            // The hint name keeps the client's namespace, which is unique per document, also for the types that live
            // in another namespace.
            yield return (client.Namespace + "." + declaration.Name + ".g.cs", declaration.Write(context, packages));
        }
    }

    /// <summary>Every type name the client declares in its namespace (whatever the referenced packages).</summary>
    public static IEnumerable<string> TypeNames(ClientSpec client) =>
        Declarations(client).Where(d => d.Namespace is null).Select(d => d.Name);

    /// <summary>
    /// The one list of the top-level types a client declares, in file order: each with its namespace when it is not
    /// the client's, the optional package it needs, and its emitter. The parser allocates the names (ClientParser).
    /// </summary>
    private static IEnumerable<Declaration> Declarations(ClientSpec client)
    {
        yield return new(client.ClientName, (context, _) => ClientEmitter.EmitClient(context));
        yield return new(client.OptionsName, (context, _) => ClientEmitter.EmitOptions(context));
        yield return new(client.InterfaceName, (context, _) => InterfaceEmitter.EmitClient(context));
        foreach (OperationGroupSpec group in client.Groups)
        {
            // The untagged operations are the client's; their raw mirror's interface is their own.
            if (group.PropertyName.Length > 0)
            {
                yield return new(group.TypeName, (context, _) => ClientEmitter.EmitGroup(context, group));
                yield return new(group.InterfaceName, (context, _) => InterfaceEmitter.EmitGroup(context, group));
            }

            yield return new(group.RawInterfaceName, (context, _) => InterfaceEmitter.EmitRaw(context, group));
        }

        if (client.Response is { } response)
        {
            yield return new(response.Name, (context, _) => ResponseTypeEmitter.Emit(context, response));
        }

        foreach (TypeDeclarationSpec type in client.Types)
        {
            yield return new(type.Name, (context, _) => type switch
            {
                ObjectSpec model => ModelEmitter.Emit(context, model),
                EnumSpec model => EnumEmitter.Emit(context, model),
                UnionSpec model => UnionEmitter.Emit(context, model),
                _ => throw new InvalidOperationException("Unknown declaration " + type.GetType().Name),
            });
        }

        if (client.Webhooks is { } webhooks)
        {
            yield return new(webhooks.ClassName, (context, _) => WebhooksEmitter.EmitParser(context, webhooks));
            yield return new(webhooks.DeliveryName, (context, _) => WebhooksEmitter.EmitDelivery(context, webhooks));
        }

        yield return new(client.JsonContextName, (context, _) => JsonContextEmitter.Emit(context));
        yield return new(DependencyInjectionEmitter.ClassName(client), (context, packages) => DependencyInjectionEmitter.Emit(context, DependencyInjectionNamespace, packages!.Configuration),
            DependencyInjectionNamespace, packages => packages is { HttpClientFactory: true });
        yield return new(client.RateLimiterExtensionsName, (context, _) => RateLimiterEmitter.Emit(context),
            Needs: packages => packages is { RateLimiting: true });
    }

    /// <summary>A top-level type of the client.</summary>
    /// <param name="Name">The type name.</param>
    /// <param name="Write">Writes its file.</param>
    /// <param name="Namespace">Its namespace when it is not the client's.</param>
    /// <param name="Needs">Whether the referenced packages let it be written; null means always.</param>
    private sealed record Declaration(
        string Name,
        Func<EmitContext, ReferencedPackages?, string> Write,
        string? Namespace = null,
        Func<ReferencedPackages?, bool>? Needs = null)
    {
        public bool IsEmitted(ReferencedPackages? packages) => Needs?.Invoke(packages) ?? true;
    }
}
