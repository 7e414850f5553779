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

    public EmitContext(ClientSpec client, string specFileName, TargetFeatures? features = null)
    {
        Client = client;
        SpecFileName = specFileName;
        Features = features ?? TargetFeatures.Full;
        _objects = client.Types.OfType<ObjectSpec>().ToDictionary(o => o.Name);
        _integerEnums = new(client.Types.OfType<EnumSpec>().Where(e => e.IsInteger).Select(e => e.Name));
        _unions = client.Types.OfType<UnionSpec>().ToDictionary(u => u.Name);
    }

    public ClientSpec Client { get; }

    public string SpecFileName { get; }

    /// <summary>
    /// What the consumer's compilation can compile (language version, newer .NET types): the one place emitters ask.
    /// The helpers below spell the constructs that differ; <see cref="TargetFeatures.Full"/> gives the goldens' output.
    /// </summary>
    public TargetFeatures Features { get; }

    /// <summary><c>?</c> after a reference type where nullable annotations exist (C# 8), else nothing.</summary>
    public string NullableMark => Features.Nullable ? "?" : string.Empty;

    /// <summary>The null-forgiving <c>!</c> where nullable annotations exist (C# 8), else nothing.</summary>
    public string Bang => Features.Nullable ? "!" : string.Empty;

    /// <summary>A <c>!</c> where nullable annotations exist but the base library has none (netstandard2.0 with C# 8+).</summary>
    public string BangForUnannotatedBcl => Features.Nullable && !Features.AnnotatedBcl ? "!" : string.Empty;

    /// <summary><c>static </c> before a lambda (C# 9) or a local function (C# 8), else nothing.</summary>
    public string StaticLambda => Features.CSharp9 ? "static " : string.Empty;

    /// <summary>A reference type that may hold null: <c>T?</c> with nullable annotations, else <c>T</c>.</summary>
    public string Nullable(string referenceType) => referenceType + NullableMark;

    /// <summary><c>x is not null</c> (C# 9), else <c>!(x is null)</c>: the same test, never a user-defined operator.</summary>
    public string IsNotNull(string expression) => Features.CSharp9 ? expression + " is not null" : "!(" + expression + " is null)";

    /// <summary><c>x ??= value</c> as an expression (C# 8), else <c>x ?? (x = value)</c>.</summary>
    public string CoalesceAssign(string target, string value) =>
        Features.CSharp8 ? target + " ??= " + value : target + " ?? (" + target + " = " + value + ")";

    /// <summary><c>x ??= value;</c> as a statement (C# 8), else <c>x = x ?? value;</c>.</summary>
    public string CoalesceAssignStatement(string target, string value) =>
        Features.CSharp8 ? target + " ??= " + value + ";" : target + " = " + target + " ?? " + value + ";";

    /// <summary>Target-typed <c>new(args)</c> (C# 9), else <c>new T(args)</c>.</summary>
    public string New(string type, string arguments = "") => Features.CSharp9 ? "new(" + arguments + ")" : "new " + type + "(" + arguments + ")";

    /// <summary>A UTF-8 literal: <c>"x"u8</c> (C# 11), else a byte array constant (which a <c>ReadOnlySpan&lt;byte&gt;</c> reads without allocating).</summary>
    public string Utf8(string value) => Features.CSharp11
        ? Literal.String(value) + "u8"
        : "new byte[] { " + string.Join(", ", System.Text.Encoding.UTF8.GetBytes(value).Select(b => "0x" + b.ToString("X2", System.Globalization.CultureInfo.InvariantCulture))) + " }";

    /// <summary>An array of <paramref name="elementType"/> on one line: a collection expression (C# 12), else <c>new T[] { ... }</c>.</summary>
    public string Array(string elementType, IEnumerable<string> items)
    {
        string list = string.Join(", ", items);
        return Features.CSharp12 ? "[" + list + "]" : list.Length == 0 ? "new " + elementType + "[0]" : "new " + elementType + "[] { " + list + " }";
    }

    /// <summary>
    /// Writes <c>head subject switch { values =&gt; result, ..., _ =&gt; fallback };</c> from C# 9 (its arms use <c>or</c>), or below the same as
    /// a chain of conditionals on <paramref name="subjectLocal"/> (declared with <c>var</c> first when it is not the subject itself).
    /// Each arm's values are constants compared with <c>==</c>.
    /// </summary>
    public void Switch(SourceWriter writer, string head, string subject, string subjectLocal, IEnumerable<(IReadOnlyList<string> Values, string Result)> arms, string fallback)
    {
        if (Features.CSharp9)
        {
            writer.Line(head + subject + " switch");
            writer.Line("{");
            writer.Indent();
            foreach ((IReadOnlyList<string> values, string result) in arms)
            {
                writer.Line(string.Join(" or ", values) + " => " + result + ",");
            }

            writer.Line("_ => " + fallback + ",");
            writer.Unindent();
            writer.Line("};");
            return;
        }

        if (subjectLocal != subject)
        {
            writer.Line("var " + subjectLocal + " = " + subject + ";");
        }

        writer.Line(head.TrimEnd());
        writer.Indent();
        foreach ((IReadOnlyList<string> values, string result) in arms)
        {
            writer.Line(string.Join(" || ", values.Select(v => subjectLocal + " == " + v)) + " ? " + result + " :");
        }

        writer.Line(fallback + ";");
        writer.Unindent();
    }

    /// <summary>The <c>ArgumentNullException.ThrowIfNull(name);</c> statement, or its spelled-out form below .NET 7.</summary>
    public string ThrowIfNull(string name) => Features.ArgumentThrowHelpers
        ? KnownTypes.Bcl.ArgumentNullException + ".ThrowIfNull(" + name + ");"
        : "if (" + name + " is null) { throw new " + KnownTypes.Bcl.ArgumentNullException + "(nameof(" + name + ")); }";

    /// <summary>The <c>ArgumentException.ThrowIfNullOrEmpty(name);</c> statement, or its spelled-out form below .NET 7.</summary>
    public string ThrowIfNullOrEmpty(string name) => ThrowIfNullOrEmpty(name, null);

    /// <summary>The same for an expression, reported as the parameter <paramref name="parameterName"/> (a <c>nameof</c> expression).</summary>
    public string ThrowIfNullOrEmpty(string expression, string? parameterName) => Features.ArgumentThrowHelpers
        ? KnownTypes.Bcl.ArgumentException + ".ThrowIfNullOrEmpty(" + expression + (parameterName is null ? string.Empty : ", " + parameterName) + ");"
        : "if (string.IsNullOrEmpty(" + expression + ")) { throw new " + KnownTypes.Bcl.ArgumentException + "(\"The value cannot be null or empty.\", "
            + (parameterName ?? "nameof(" + expression + ")") + "); }";

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
    public string TypeName(TypeRef type) => KnownTypes.Name(type, Client.Namespace, Features);

    /// <summary>A type as generated code spells it, with <c>?</c> when the member may hold null (reference types: from C# 8).</summary>
    public string TypeName(TypeRef type, bool nullable) =>
        nullable && (type.IsValueType || Features.Nullable) ? TypeName(type) + "?" : TypeName(type);

    /// <summary>The item or value type of a list or map, as written in its type arguments.</summary>
    public string ElementName(TypeRef type) => KnownTypes.ElementName(type, Client.Namespace, Features);

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
        writer.FileHeader(SpecFileName, Features.Nullable);
        namespaceBlock = writer.Open("namespace " + ns);
        return writer;
    }
}
