using System.Collections.Generic;
using System.Linq;
using AutoSend.Gen.Model;
using static AutoSend.Gen.Emitting.KnownTypes;

namespace AutoSend.Gen.Emitting;

/// <summary>
/// Writes the JSON context: a <c>JsonSerializerContext</c> whose metadata is built with the public
/// <c>JsonMetadataServices</c> API, as the System.Text.Json source generator would write it. Roslyn generators do not
/// see each other's output, so a <c>[JsonSerializable]</c> context emitted here would never be completed; writing the
/// metadata ourselves keeps serialization reflection-free under Native AOT and trimming.
/// </summary>
internal static class JsonContextEmitter
{
    public static string Emit(EmitContext context)
    {
        ClientSpec client = context.Client;
        string name = client.JsonContextName;

        SourceWriter writer = new();
        writer.FileHeader(context.SpecFileName, context.Features.Nullable);
        writer.Lines("""
            // Deprecated members are serialized like any other.
            #pragma warning disable CS0612, CS0618

            """);
        using (writer.Open("namespace " + client.Namespace))
        {
            DocComment.Summary(writer, null, "The System.Text.Json metadata of every type of <see cref=\"" + context.TypeName(client.ClientName) + "\"/>, without reflection.");
            writer.Lines("""
                /// <remarks>
                /// Pass <see cref="Default"/> or one of its properties wherever System.Text.Json takes a <c>JsonSerializerContext</c> or a
                /// <c>JsonTypeInfo</c>; merge it with an application's own context through <c>JsonTypeInfoResolver.Combine</c>.
                /// </remarks>
                """);
            writer.Line(context.GeneratedCodeAttribute);
            using (writer.Open("public sealed partial class " + name + " : " + Json.JsonSerializerContext + ", " + Json.IJsonTypeInfoResolver))
            {
                string self = context.TypeName(name);
                string q = context.NullableMark;
                writer.Lines($$"""
                    private static readonly {{Json.JsonSerializerOptions}} s_defaultOptions = {{context.New(Json.JsonSerializerOptions)}};
                    private static {{self}}{{q}} s_default;
                    private static {{self}}{{q}} s_forOperations;

                    // The types this instance answers for: all of them, or (ForOperations) those reached so far.
                    private readonly {{Runtime.ApiJsonTypeFactories}} _types;

                    """);
                foreach (JsonTypeSpec type in client.JsonTypes)
                {
                    writer.Line("private " + Json.JsonTypeInfo + "<" + TypeName(context, type) + ">" + q + " _" + type.PropertyName + ";");
                }

                writer.Lines($$"""

                    /// <summary>The context with default options, for use anywhere a context or resolver is taken.</summary>
                    public static {{self}} Default => global::System.Threading.LazyInitializer.EnsureInitialized(ref s_default, {{context.StaticLambda}}() => {{context.New(self, "new " + Json.JsonSerializerOptions + "(s_defaultOptions)")}}){{context.BangForUnannotatedBcl}};

                    /// <summary>
                    /// The context the client's operations use: it knows only the types reached from the metadata created so far,
                    /// so that Native AOT and trimming keep the metadata of the operations a program calls, not of every type.
                    /// </summary>
                    internal static {{self}} ForOperations => global::System.Threading.LazyInitializer.EnsureInitialized(ref s_forOperations, {{context.StaticLambda}}() => {{context.New(self, "new " + Runtime.ApiJsonTypeFactories + "()")}}){{context.BangForUnannotatedBcl}};

                    /// <summary>Creates a context bound to new default options.</summary>
                    public {{name}}()
                        : base(null)
                    {
                        _types = {{context.New(Runtime.ApiJsonTypeFactories, "CreateAny")}};
                    }

                    /// <summary>Creates a context bound to <paramref name="options"/>.</summary>
                    /// <param name="options">The options the metadata is created for.</param>
                    public {{name}}({{Json.JsonSerializerOptions}} options)
                        : base(options)
                    {
                        _types = {{context.New(Runtime.ApiJsonTypeFactories, "CreateAny")}};
                    }

                    private {{name}}({{Runtime.ApiJsonTypeFactories}} types)
                        : base(new {{Json.JsonSerializerOptions}}(s_defaultOptions))
                    {
                        _types = types;
                    }

                    /// <inheritdoc/>
                    protected override {{Json.JsonSerializerOptions}}{{q}} GeneratedSerializerOptions { get; } = s_defaultOptions;
                    """);

                foreach (JsonTypeSpec type in client.JsonTypes)
                {
                    string typeName = TypeName(context, type);
                    writer.Line();
                    DocComment.Summary(writer, null, "The metadata of <c>" + DocComment.Inline(DisplayName(context, type)) + "</c>.");
                    writer.Line("public " + Json.JsonTypeInfo + "<" + typeName + "> " + type.PropertyName + " => " + context.CoalesceAssign("_" + type.PropertyName, "Reach(Create_" + type.PropertyName + ")") + ";");
                }

                writer.Lines($$"""

                    /// <inheritdoc/>
                    public override {{Json.JsonTypeInfo}}{{q}} GetTypeInfo({{Bcl.Type}} type)
                    {
                        Options.TryGetTypeInfo(type, out {{Json.JsonTypeInfo}}{{q}} typeInfo);
                        return typeInfo;
                    }

                    {{Json.JsonTypeInfo}}{{q}} {{Json.IJsonTypeInfoResolver}}.GetTypeInfo({{Bcl.Type}} type, {{Json.JsonSerializerOptions}} options) => _types.Create(type, options);

                    // A metadata property's first read: its type becomes known, then the options create (and cache) its metadata.
                    private {{Json.JsonTypeInfo}}<T> Reach<T>({{Bcl.Func}}<{{Json.JsonSerializerOptions}}, {{Json.JsonTypeInfo}}<T>> create)
                    {
                        _types.Add(create);
                        return ({{Json.JsonTypeInfo}}<T>)Options.GetTypeInfo(typeof(T));
                    }

                    // Every type of the client, for the instances that must answer for any of them (Default, the public constructors).
                    """);
                using (writer.Open("private " + context.Nullable(Json.JsonTypeInfo) + " CreateAny(" + Bcl.Type + " type, " + Json.JsonSerializerOptions + " options)"))
                {
                    // One line per type: in a large document this is the longest method of the client.
                    foreach (JsonTypeSpec type in client.JsonTypes)
                    {
                        writer.Line("if (type == typeof(" + TypeName(context, type) + ")) return Create_" + type.PropertyName + "(options);");
                    }

                    writer.Line();
                    writer.Line("return null;");
                }

                var specs = client.JsonTypes.ToDictionary(t => t.PropertyName, System.StringComparer.Ordinal);
                foreach (JsonTypeSpec type in client.JsonTypes)
                {
                    writer.Line();
                    WriteCreate(writer, context, type, specs);
                }

                if (client.JsonTypes.Any(t => t.Kind == JsonTypeKind.Object && FastPathEmitter.Applies(context, context.Object(t.Type.Name!))))
                {
                    writer.Line();
                    FastPathEmitter.WriteHelper(writer, context);
                }
            }
        }

        return writer.ToString();
    }

    // The described type: T? over the value type for a nullable entry.
    private static string TypeName(EmitContext context, JsonTypeSpec type) =>
        context.TypeName(type.Type, nullable: type.Kind == JsonTypeKind.NullableValue);

    private static string DisplayName(EmitContext context, JsonTypeSpec type) =>
        context.DisplayName(type.Type) + (type.Kind == JsonTypeKind.NullableValue ? "?" : string.Empty);

    // The type under a nullable entry, or the item or value type of a collection.
    private static string ElementName(EmitContext context, JsonTypeSpec type) => type.Kind == JsonTypeKind.NullableValue
        ? context.TypeName(type.Type)
        : context.ElementName(type.Type);

    private static void WriteCreate(SourceWriter writer, EmitContext context, JsonTypeSpec type, Dictionary<string, JsonTypeSpec> specs)
    {
        string typeName = TypeName(context, type);
        string info = Json.JsonTypeInfo + "<" + typeName + ">";
        ObjectSpec? model = type.Kind == JsonTypeKind.Object ? context.Object(type.Type.Name!) : null;
        if (model?.Polymorphism is { DerivedTypes.IsEmpty: false } polymorphism)
        {
            WritePolymorphic(writer, context, type, model, polymorphism, specs);
            return;
        }

        // Each kind is one call of a runtime helper, which also sets this context as the metadata's originating resolver.
        string metadata = Runtime.ApiJsonMetadata;
        string create = type.Kind switch
        {
            JsonTypeKind.BuiltIn => metadata + ".Value<" + typeName + ">(options, this, " + BuiltInConverter(type.Type.Kind, context.Features) + ")",
            JsonTypeKind.NullableValue => metadata + ".Nullable<" + ElementName(context, type) + ">(options, this)",
            JsonTypeKind.CustomConverter => metadata + ".Value<" + typeName + ">(options, this, new " + typeName + ".Converter())",
            JsonTypeKind.List => metadata + ".List<" + ElementName(context, type) + ">(options, this)",
            JsonTypeKind.Map => metadata + ".ReadOnlyMap<" + ElementName(context, type) + ">(options, this)",
            JsonTypeKind.MutableMap => metadata + ".Map<" + ElementName(context, type) + ">(options, this)",
            _ => ObjectInfo(context, model!),
        };
        bool fastPath = model is not null && FastPathEmitter.Applies(context, model);
        WriteCreateMethod(writer, context, "Create_", type, info, Reached(context, type, model, specs), create, model, fastPath ? "Write_" + type.PropertyName : null);
        if (fastPath)
        {
            writer.Line();
            FastPathEmitter.WriteMethod(writer, context, model!, type.PropertyName);
        }
    }

    // A base class with a discriminator: its metadata is a converter that reads the discriminator and hands the
    // object to the derived class's metadata (or to the base's own object metadata for other values).
    private static void WritePolymorphic(SourceWriter writer, EmitContext context, JsonTypeSpec type, ObjectSpec model, PolymorphismSpec polymorphism,
        Dictionary<string, JsonTypeSpec> specs)
    {
        string modelType = context.TypeName(model.Name);
        string info = Json.JsonTypeInfo + "<" + modelType + ">";
        string converter = "Polymorphic_" + type.PropertyName;
        WriteCreateMethod(writer, context, "Create_", type, info, polymorphism.DerivedTypes.Select(d => d.TypeName).Distinct().Where(specs.ContainsKey).Select(n => specs[n]),
            Runtime.ApiJsonMetadata + ".Value<" + context.TypeName(model.Name) + ">(options, this, new " + converter + "(CreateObject_" + type.PropertyName + "(options)))");
        writer.Line();
        WriteCreateMethod(writer, context, "CreateObject_", type, info, Reached(context, type, model, specs), ObjectInfo(context, model), model);
        writer.Line();
        DocComment.Summary(writer, null, "Reads <c>" + DocComment.Inline(polymorphism.PropertyJsonName) + "</c> to choose the class of a <see cref=\"" + modelType + "\"/>.");
        // A primary constructor from C# 12; before, the same as a field and a constructor.
        using (writer.Open("private sealed class " + converter + (context.Features.CSharp12 ? "(" + info + " baseInfo)" : string.Empty) + " : " + Json.JsonConverter + "<" + modelType + ">"))
        {
            if (!context.Features.CSharp12)
            {
                writer.Line("private readonly " + info + " baseInfo;");
                writer.Line();
                writer.Line("public " + converter + "(" + info + " baseInfo) => this.baseInfo = baseInfo;");
                writer.Line();
            }

            writer.Line("/// <inheritdoc/>");
            using (writer.Open("public override " + context.Nullable(modelType) + " Read(ref " + Json.Utf8JsonReader + " reader, " + Bcl.Type + " typeToConvert, " + Json.JsonSerializerOptions + " options)"))
            {
                var used = new HashSet<string>(System.StringComparer.Ordinal);
                context.Switch(writer, Json.JsonTypeInfo + " info = ", Runtime.ApiJsonUnion + ".FindDiscriminator(reader, " + context.Utf8(polymorphism.PropertyJsonName) + ")", "discriminator",
                    polymorphism.DerivedTypes.Where(d => used.Add(d.Value))
                        .Select(d => ((IReadOnlyList<string>)[Literal.String(d.Value)], "options.GetTypeInfo(typeof(" + context.TypeName(d.TypeName) + "))")),
                    "baseInfo");
                writer.Line("return (" + context.Nullable(modelType) + ")" + Json.JsonSerializer + ".Deserialize(ref reader, info);");
            }

            writer.Lines($$"""

                /// <inheritdoc/>
                public override void Write({{Json.Utf8JsonWriter}} writer, {{modelType}} value, {{Json.JsonSerializerOptions}} options) =>
                    {{Json.JsonSerializer}}.Serialize(writer, value, value.GetType() == typeof({{modelType}}) ? baseInfo : options.GetTypeInfo(value.GetType()));
                """);
        }
    }

    // The types whose metadata the serializer asks for while it uses this type's: property, item, key, value, variant
    // and nullable-underlying types. The derived classes of a polymorphic base are added by its converter's metadata.
    private static IEnumerable<JsonTypeSpec> Reached(EmitContext context, JsonTypeSpec type, ObjectSpec? model, Dictionary<string, JsonTypeSpec> specs)
    {
        IEnumerable<string> names = type.Kind switch
        {
            JsonTypeKind.NullableValue => [type.Type.InfoName],
            JsonTypeKind.List => [InfoName(type.Type.Element!, type.Type.ElementIsNullable)],
            // A dictionary's keys are strings, and the serializer asks for their metadata too.
            JsonTypeKind.Map or JsonTypeKind.MutableMap => [InfoName(type.Type.Element!, type.Type.ElementIsNullable), "String"],
            JsonTypeKind.CustomConverter when type.Type.Kind == TypeKind.Union && context.Union(type.Type.Name!) is { } union
                => union.Variants.Select(v => v.Type.InfoName),
            JsonTypeKind.Object when model is not null => context.AllProperties(model).Select(p => InfoName(p.Type, p.IsNullable))
                .Concat(context.ExtensionDataName(model) is null ? [] : specs.Values.Where(s => s.Type.Kind == TypeKind.ExtensionData).Select(s => s.PropertyName)),
            _ => [],
        };
        return names.Distinct().Where(n => n != type.PropertyName && specs.ContainsKey(n)).Select(n => specs[n]);
    }

    // The context property of a member's type: T? over a value type has its own metadata.
    private static string InfoName(TypeRef type, bool nullable) => nullable && type.IsValueType ? "Nullable" + type.InfoName : type.InfoName;

    private static void WriteReached(SourceWriter writer, EmitContext context, JsonTypeSpec type, IEnumerable<JsonTypeSpec> reached)
    {
        foreach (JsonTypeSpec spec in reached)
        {
            if (spec.PropertyName != type.PropertyName)
            {
                // The type is inferred from the method's return type.
                writer.Line("_types.Add(Create_" + spec.PropertyName + ");");
            }
        }
    }

    // A Create_ method: the types the metadata reaches become known to this context, then the metadata is made. A
    // class's metadata ends with its properties, written by a lambda the runtime passes a builder typed by the class.
    private static void WriteCreateMethod(SourceWriter writer, EmitContext context, string prefix, JsonTypeSpec type, string info, IEnumerable<JsonTypeSpec> reached, string create,
        ObjectSpec? model = null, string? fastPath = null)
    {
        List<JsonTypeSpec> known = reached.Where(r => r.PropertyName != type.PropertyName).ToList();
        string signature = "private " + info + " " + prefix + type.PropertyName + "(" + Json.JsonSerializerOptions + " options)";
        if (known.Count == 0 && model is null)
        {
            writer.Line(signature + " =>");
            writer.Line("    " + create + ";");
            return;
        }

        using (writer.Open(signature))
        {
            WriteReached(writer, context, type, known);
            if (model is null)
            {
                writer.Line("return " + create + ";");
                return;
            }

            writer.Line("return " + create + ", " + context.StaticLambda + "p =>" + (context.Features.CSharp12 ? string.Empty : " new " + Json.JsonPropertyInfo + "[]"));
            WriteProperties(writer, context, model, (fastPath is null ? string.Empty : ", " + fastPath) + ");");
        }
    }

    // The start of a class's metadata, up to its properties.
    private static string ObjectInfo(EmitContext context, ObjectSpec model)
    {
        // Required members must be set in an object initializer; the serializer then overwrites them from the JSON
        // and, because they are marked IsRequired, fails if the JSON lacks one.
        string modelType = context.TypeName(model.Name);
        string requiredInit = string.Join(", ", context.AllProperties(model).Where(p => ModelEmitter.HasRequiredModifier(context, p)).Select(p => p.Name + " = default!"));
        return Runtime.ApiJsonMetadata + ".Object(options, this, " + context.StaticLambda + "() => new " + modelType + "()" + (requiredInit.Length > 0 ? " { " + requiredInit + " }" : string.Empty);
    }

    // The properties' array, then what closes the call (tail).
    private static void WriteProperties(SourceWriter writer, EmitContext context, ObjectSpec model, string tail)
    {
        // One short call per property: getters and setters are typed by the class (the builder's type argument), the
        // property type is inferred from the getter, and the common cases have their own method.
        writer.Line(context.Features.CSharp12 ? "[" : "{");
        writer.Indent();
        string lambda = context.StaticLambda;
        List<PropertySpec> properties = context.AllProperties(model);
        foreach (PropertySpec property in properties)
        {
            // An old name fills the current property when that is still null; a null it reads must not count as an
            // assignment of a tracked target, which would then be written back although the JSON never had it.
            string fill = properties.FirstOrDefault(p => p.Name == property.AliasOf)?.Assignment is null
                ? context.CoalesceAssignStatement("o." + property.AliasOf, "v") + " "
                : "if (" + context.IsNotNull("v") + ") { " + context.CoalesceAssignStatement("o." + property.AliasOf, "v") + " } ";
            string setter = property.AliasOf is null
                ? lambda + "(o, v) => o." + property.Name + " = v" + (property.IsNullable ? string.Empty : context.Bang)
                : lambda + "(o, v) => { o." + property.Name + " = v; " + fill + "}";
            string accessors = Literal.String(property.Name) + ", " + Literal.String(property.JsonName) + ", " + lambda + "o => o." + property.Name + ", " + setter;
            string flags = Flags(property);
            writer.Line(property.Assignment is { } assignment ? "p.Tracked(" + accessors + ", " + flags + ", " + lambda + "o => o." + assignment.FlagName + ")," :
                flags == Runtime.ApiJsonPropertyOptions + ".Required" ? "p.Required(" + accessors + ")," :
                flags == Runtime.ApiJsonPropertyOptions + ".OmitWhenNull" ? "p.Optional(" + accessors + ")," :
                "p.Property(" + accessors + ", " + flags + "),");
        }

        if (context.ExtensionDataName(model) is { } extensionData)
        {
            writer.Line("p.Property(" + Literal.String(extensionData) + ", null, " + lambda + "o => o." + extensionData + ", " + lambda + "(o, v) => o." + extensionData
                + " = v, " + Runtime.ApiJsonPropertyOptions + ".ExtensionData),");
        }

        writer.Unindent();
        writer.Line((context.Features.CSharp12 ? "]" : "}") + tail);
    }

    private static string Flags(PropertySpec property)
    {
        // Required applies in the direction the property travels: a writeOnly property is never read, so it is never
        // required when read (System.Text.Json refuses a required property that has no setter for reading).
        // A tracked property is written when assigned (the predicate passed after the flags), null included.
        var flags = new List<string>();
        if (!property.IsRequired)
        {
            if (property.Assignment is null)
            {
                flags.Add("OmitWhenNull");
            }
        }
        else if (!property.WriteOnly)
        {
            flags.Add("Required");
        }
        if (property.ReadOnly)
        {
            flags.Add("ReadOnly");
        }

        if (property.WriteOnly)
        {
            flags.Add("WriteOnly");
        }

        return flags.Count == 0 ? Runtime.ApiJsonPropertyOptions + ".None" : string.Join(" | ", flags.Select(f => Runtime.ApiJsonPropertyOptions + "." + f));
    }
}
