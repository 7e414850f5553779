using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using AutoSend.Gen.Model;

namespace AutoSend.Gen.Emitting;

/// <summary>
/// The emitter stage: one client spec in, one source file per generated type out, in a fixed order; in a very large
/// client the models share one file per initial letter (see <see cref="OneFilePerTypeUpTo"/>).
/// </summary>
internal static class Emitter
{
    /// <summary>
    /// The most files a client is written in one type per file. The compiler's generator driver pays for every generated
    /// file on every compilation, also when nothing changed, and more than linearly in the number of files (GitHub's
    /// description as 7,683 files: about 270 ms per keystroke with every step cached; 768 files: about 10 ms). Beyond
    /// this, the models (the bulk of a large client) go into one file per initial letter, so that an edit of one model
    /// still rewrites only one of them.
    /// </summary>
    public const int OneFilePerTypeUpTo = 1000;

    /// <summary>The namespace of the dependency-injection extensions, where <c>services.Add…</c> methods are found.</summary>
    private const string DependencyInjectionNamespace = "Microsoft.Extensions.DependencyInjection";

    public static IEnumerable<(string HintName, string Source)> Emit(ClientSpec client, string specFileName, ReferencedPackages? packages = null, TargetFeatures? features = null)
    {
        var context = new EmitContext(client, specFileName, features ?? TargetFeatures.Full);
        List<Declaration> declarations = Declarations(client).Where(d => d.IsEmitted(packages)).ToList();
        bool shareFiles = declarations.Count > OneFilePerTypeUpTo;
        string header = Header(context);
        var shared = new SortedDictionary<string, StringBuilder>(StringComparer.Ordinal);
        foreach (Declaration declaration in declarations)
        {
            string source = Downlevel.Rewrite(declaration.Write(context, packages), context);
            if (shareFiles && declaration.IsModel)
            {
                string file = "Models." + Initial(declaration.Name);
                if (!shared.TryGetValue(file, out StringBuilder? text))
                {
                    shared[file] = text = new StringBuilder(header);
                }

                // Every type's file starts with the same header; a shared file has it once.
                text.Append('\n').Append(source, header.Length, source.Length - header.Length);
                continue;
            }

            // The hint name keeps the client's namespace, which is unique per document, also for the types that live
            // in another namespace.
            yield return (client.Namespace + "." + declaration.Name + ".g.cs", source);
        }

        foreach (KeyValuePair<string, StringBuilder> file in shared)
        {
            yield return (client.Namespace + "." + file.Key + ".g.cs", file.Value.ToString());
        }
    }

    private static string Header(EmitContext context)
    {
        var writer = new SourceWriter();
        writer.FileHeader(context.SpecFileName, context.Features.Nullable);
        return writer.ToString();
    }

    /// <summary>The letter a model's shared file is named after: its first ASCII letter, upper case, or <c>Other</c>.</summary>
    private static string Initial(string typeName)
    {
        char first = char.ToUpperInvariant(typeName[0]);
        return first is >= 'A' and <= 'Z' ? first.ToString() : "Other";
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
            }, IsModel: true);
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
    /// <param name="IsModel">A model (class, enum or union): in a very large client it shares a file with others.</param>
    private sealed record Declaration(
        string Name,
        Func<EmitContext, ReferencedPackages?, string> Write,
        string? Namespace = null,
        Func<ReferencedPackages?, bool>? Needs = null,
        bool IsModel = false)
    {
        public bool IsEmitted(ReferencedPackages? packages) => Needs?.Invoke(packages) ?? true;
    }
}
