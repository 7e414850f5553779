using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using AutoSend.Gen.Helpers;
using AutoSend.Gen.Model;

namespace AutoSend.Gen.Emitting;

/// <summary>What every emitter of one client shares: the spec, the spec's file name and the spelling of its types.</summary>
internal sealed class EmitContext
{
    public static readonly string GeneratorVersion =
        typeof(EmitContext).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] ?? "0.0.0";

    private readonly Dictionary<string, ObjectSpec> _objects;
    private readonly HashSet<string> _integerEnums;
    private readonly Dictionary<string, UnionSpec> _unions;
    private HashSet<string>? _sent;

    public EmitContext(ClientSpec client, string specFileName)
    {
        Client = client;
        SpecFileName = specFileName;
        _objects = client.Types.OfType<ObjectSpec>().ToDictionary(o => o.Name);
        _integerEnums = new(client.Types.OfType<EnumSpec>().Where(e => e.IsInteger).Select(e => e.Name));
        _unions = client.Types.OfType<UnionSpec>().ToDictionary(u => u.Name);
    }

    public ClientSpec Client { get; }

    public string SpecFileName { get; }

    /// <summary>The attribute that marks every generated type.</summary>
    public string GeneratedCodeAttribute => "[" + KnownTypes.Bcl.GeneratedCodeAttribute + "(\"AutoSend.Gen\", " + Literal.String(GeneratorVersion) + ")]";

    /// <summary>Whether a generated open enum wraps an integer rather than a string.</summary>
    public bool IsIntegerEnum(TypeRef type) => type.Kind == TypeKind.Enum && _integerEnums.Contains(type.Name!);

    /// <summary>The generated class of a name.</summary>
    public ObjectSpec Object(string name) => _objects[name];

    /// <summary>
    /// Whether a generated class can be written into a request: it is reached from a request body (through properties,
    /// items, values, union variants and derived classes). Only those get a fast-path serializer; a class the client
    /// only reads is written, if ever, through its metadata.
    /// </summary>
    public bool IsSent(string modelName) => (_sent ??= FindSent()).Contains(modelName);

    private HashSet<string> FindSent()
    {
        var sent = new HashSet<string>(System.StringComparer.Ordinal);
        var seen = new HashSet<TypeRef>();
        var pending = new Stack<TypeRef>(Client.Groups.SelectMany(g => g.Operations).Select(o => o.Body?.Type).OfType<TypeRef>());
        while (pending.Count > 0)
        {
            TypeRef type = pending.Pop();
            if (!seen.Add(type))
            {
                continue;
            }

            if (type.Element is { } element)
            {
                pending.Push(element);
            }

            if (type.Kind == TypeKind.Model && type.Name is { } name && _objects.TryGetValue(name, out ObjectSpec? model))
            {
                sent.Add(name);
                foreach (PropertySpec property in AllProperties(model))
                {
                    pending.Push(property.Type);
                }

                foreach (DerivedTypeSpec derived in model.Polymorphism?.DerivedTypes ?? EquatableArray<DerivedTypeSpec>.Empty)
                {
                    pending.Push(new TypeRef(TypeKind.Model, derived.TypeName, derived.TypeName));
                }
            }
            else if (type.Kind == TypeKind.Union && type.Name is { } union && _unions.TryGetValue(union, out UnionSpec? spec))
            {
                foreach (UnionVariantSpec variant in spec.Variants)
                {
                    pending.Push(variant.Type);
                }
            }
        }

        return sent;
    }

    /// <summary>The generated union of a name, or null.</summary>
    public UnionSpec? Union(string name) => _unions.TryGetValue(name, out UnionSpec? union) ? union : null;

    /// <summary>The property that keeps unknown JSON properties, declared on the class or a base class.</summary>
    public string? ExtensionDataName(ObjectSpec model)
    {
        for (ObjectSpec? current = model; current is not null; current = current.BaseTypeName is { } b ? _objects[b] : null)
        {
            if (current.ExtensionDataName is { } name)
            {
                return name;
            }
        }

        return null;
    }

    /// <summary>The properties of a class and of its base classes, base first.</summary>
    public List<PropertySpec> AllProperties(ObjectSpec model)
    {
        var chain = new List<ObjectSpec>();
        for (ObjectSpec? current = model; current is not null && chain.Count < 32; current = current.BaseTypeName is { } b ? _objects[b] : null)
        {
            chain.Insert(0, current);
        }

        return chain.SelectMany(m => m.Properties).ToList();
    }

    /// <summary>A type as generated code spells it, fully qualified.</summary>
    public string TypeName(TypeRef type) => KnownTypes.Name(type, Client.Namespace);

    /// <summary>A type as generated code spells it, with <c>?</c> when the member may hold null.</summary>
    public string TypeName(TypeRef type, bool nullable) => nullable ? TypeName(type) + "?" : TypeName(type);

    /// <summary>A type the client declares, by its name, fully qualified.</summary>
    public string TypeName(string declaredName) => KnownTypes.Generated(Client.Namespace, declaredName);

    /// <summary>A type as documentation text names it: generated types by their own name.</summary>
    public string DisplayName(TypeRef type) => TypeName(type).Replace(KnownTypes.Generated(Client.Namespace, string.Empty), string.Empty);

    /// <summary>
    /// The metadata property of a type on the JSON context instance the client's calls use, e.g.
    /// <c>AutoSendJsonContext.ForOperations.Campaign</c>, qualified: that instance knows only the types reached from what was
    /// called, so a trimmed program keeps only their metadata.
    /// </summary>
    public string TypeInfo(string infoName) => TypeName(Client.JsonContextName) + ".ForOperations." + infoName;

    /// <summary>Starts a file in the client's namespace: header, namespace, and the writer to fill.</summary>
    public SourceWriter StartFile(out SourceWriter.Block namespaceBlock) => StartFile(Client.Namespace, out namespaceBlock);

    /// <summary>Starts a file in <paramref name="ns"/>.</summary>
    public SourceWriter StartFile(string ns, out SourceWriter.Block namespaceBlock)
    {
        var writer = new SourceWriter();
        writer.FileHeader(SpecFileName);
        namespaceBlock = writer.Open("namespace " + ns);
        return writer;
    }
}
