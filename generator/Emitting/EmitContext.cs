using System.Reflection;
using AutoSend.Gen.Model;

namespace AutoSend.Gen.Emitting;

/// <summary>What every emitter of one client shares: the spec, the spec's file name and common spellings.</summary>
internal sealed class EmitContext
{
    public static readonly string GeneratorVersion =
        typeof(EmitContext).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] ?? "0.0.0";

    private readonly System.Collections.Generic.Dictionary<string, ObjectSpec> _objects;
    private readonly System.Collections.Generic.HashSet<string> _integerEnums;

    public EmitContext(ClientSpec client, string specFileName)
    {
        Client = client;
        SpecFileName = specFileName;
        _objects = System.Linq.Enumerable.ToDictionary(System.Linq.Enumerable.OfType<ObjectSpec>(client.Types), o => o.Name);
        _integerEnums = new(System.Linq.Enumerable.Select(System.Linq.Enumerable.Where(System.Linq.Enumerable.OfType<EnumSpec>(client.Types), e => e.IsInteger), e => e.Name));
    }

    /// <summary>Whether a generated open enum wraps an integer rather than a string.</summary>
    public bool IsIntegerEnum(string name) => _integerEnums.Contains(name);

    /// <summary>The generated class of a name.</summary>
    public ObjectSpec Object(string name) => _objects[name];

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
    public System.Collections.Generic.List<PropertySpec> AllProperties(ObjectSpec model)
    {
        var chain = new System.Collections.Generic.List<ObjectSpec>();
        for (ObjectSpec? current = model; current is not null && chain.Count < 32; current = current.BaseTypeName is { } b ? _objects[b] : null)
        {
            chain.Insert(0, current);
        }

        return System.Linq.Enumerable.ToList(System.Linq.Enumerable.SelectMany(chain, m => m.Properties));
    }

    public ClientSpec Client { get; }

    public string SpecFileName { get; }

    /// <summary>The attribute that marks every generated type.</summary>
    public string GeneratedCodeAttribute => "[global::System.CodeDom.Compiler.GeneratedCode(\"AutoSend.Gen\", " + Literal.String(GeneratorVersion) + ")]";

    /// <summary>The metadata property of a type on the JSON context, e.g. <c>AutoSendJsonContext.Default.Campaign</c>.</summary>
    public string TypeInfo(string infoName) => Client.JsonContextName + ".Default." + infoName;

    /// <summary>Starts a file: header, namespace, and the writer to fill.</summary>
    public SourceWriter StartFile(out SourceWriter.Block namespaceBlock)
    {
        var writer = new SourceWriter();
        writer.FileHeader(SpecFileName);
        namespaceBlock = writer.Open("namespace " + Client.Namespace);
        return writer;
    }
}
