using System.Collections.Generic;
using System.Linq;
using AutoSend.Gen.Model;

namespace AutoSend.Gen.Emitting;

/// <summary>
/// Writes the JSON context: a <c>JsonSerializerContext</c> whose metadata is built with the public
/// <c>JsonMetadataServices</c> API, as the System.Text.Json source generator would write it. Roslyn generators do not
/// see each other's output, so a <c>[JsonSerializable]</c> context emitted here would never be completed; writing the
/// metadata ourselves keeps serialization reflection-free under Native AOT and trimming.
/// </summary>
internal static class JsonContextEmitter
{
    private const string Metadata = "global::System.Text.Json.Serialization.Metadata";
    private const string Runtime = "global::AutoSend.Runtime";
    private const string Primitives = Runtime + ".Primitives";

    public static string Emit(EmitContext context)
    {
        ClientSpec client = context.Client;
        string name = client.JsonContextName;

        SourceWriter writer = new();
        writer.FileHeader(context.SpecFileName);
        writer.Line("// Deprecated members are serialized like any other.");
        writer.Line("#pragma warning disable CS0612, CS0618");
        writer.Line();
        using (writer.Open("namespace " + client.Namespace))
        {
            DocComment.Summary(writer, null, "The System.Text.Json metadata of every type of <see cref=\"" + client.ClientName + "\"/>, without reflection.");
            writer.Line("/// <remarks>");
            writer.Line("/// Pass <see cref=\"Default\"/> or one of its properties wherever System.Text.Json takes a <c>JsonSerializerContext</c> or a");
            writer.Line("/// <c>JsonTypeInfo</c>; merge it with an application's own context through <c>JsonTypeInfoResolver.Combine</c>.");
            writer.Line("/// </remarks>");
            writer.Line(context.GeneratedCodeAttribute);
            using (writer.Open("public sealed partial class " + name + " : global::System.Text.Json.Serialization.JsonSerializerContext, " + Metadata + ".IJsonTypeInfoResolver"))
            {
                writer.Line("private static readonly global::System.Text.Json.JsonSerializerOptions s_defaultOptions = new();");
                writer.Line();
                foreach (JsonTypeSpec type in client.JsonTypes)
                {
                    writer.Line("private " + Metadata + ".JsonTypeInfo<" + type.TypeName + ">? _" + type.PropertyName + ";");
                }

                writer.Line();
                DocComment.Summary(writer, null, "The context with default options, for use anywhere a context or resolver is taken.");
                writer.Line("public static " + name + " Default { get; } = new(new global::System.Text.Json.JsonSerializerOptions(s_defaultOptions));");
                writer.Line();
                DocComment.Summary(writer, null, "Creates a context bound to new default options.");
                writer.Line("public " + name + "()");
                writer.Line("    : base(null)");
                writer.Line("{");
                writer.Line("}");
                writer.Line();
                DocComment.Summary(writer, null, "Creates a context bound to <paramref name=\"options\"/>.");
                DocComment.Param(writer, "options", null, "The options the metadata is created for.");
                writer.Line("public " + name + "(global::System.Text.Json.JsonSerializerOptions options)");
                writer.Line("    : base(options)");
                writer.Line("{");
                writer.Line("}");
                writer.Line();
                writer.Line("/// <inheritdoc/>");
                writer.Line("protected override global::System.Text.Json.JsonSerializerOptions? GeneratedSerializerOptions { get; } = s_defaultOptions;");

                foreach (JsonTypeSpec type in client.JsonTypes)
                {
                    writer.Line();
                    DocComment.Summary(writer, null, "The metadata of <c>" + DocComment.Inline(type.TypeName) + "</c>.");
                    writer.Line("public " + Metadata + ".JsonTypeInfo<" + type.TypeName + "> " + type.PropertyName);
                    writer.Line("    => _" + type.PropertyName + " ??= (" + Metadata + ".JsonTypeInfo<" + type.TypeName + ">)Options.GetTypeInfo(typeof(" + type.TypeName + "));");
                }

                writer.Line();
                writer.Line("/// <inheritdoc/>");
                using (writer.Open("public override " + Metadata + ".JsonTypeInfo? GetTypeInfo(global::System.Type type)"))
                {
                    writer.Line("Options.TryGetTypeInfo(type, out " + Metadata + ".JsonTypeInfo? typeInfo);");
                    writer.Line("return typeInfo;");
                }

                writer.Line();
                using (writer.Open(Metadata + ".JsonTypeInfo? " + Metadata + ".IJsonTypeInfoResolver.GetTypeInfo(global::System.Type type, global::System.Text.Json.JsonSerializerOptions options)"))
                {
                    foreach (JsonTypeSpec type in client.JsonTypes)
                    {
                        using (writer.Open("if (type == typeof(" + type.TypeName + "))"))
                        {
                            writer.Line("return Create_" + type.PropertyName + "(options);");
                        }

                        writer.Line();
                    }

                    writer.Line("return null;");
                }

                foreach (JsonTypeSpec type in client.JsonTypes)
                {
                    writer.Line();
                    WriteCreate(writer, context, type);
                }

                if (client.JsonTypes.Any(t => t.Kind == JsonTypeKind.Object && FastPathEmitter.Applies(context, context.Object(t.TypeName))))
                {
                    writer.Line();
                    FastPathEmitter.WriteHelper(writer);
                }
            }
        }

        return writer.ToString();
    }

    private static void WriteCreate(SourceWriter writer, EmitContext context, JsonTypeSpec type)
    {
        string info = Metadata + ".JsonTypeInfo<" + type.TypeName + ">";
        ObjectSpec? model = type.Kind == JsonTypeKind.Object ? context.Object(type.TypeName) : null;
        if (model?.Polymorphism is { DerivedTypes.IsEmpty: false } polymorphism)
        {
            WritePolymorphic(writer, context, type, model, polymorphism);
            return;
        }

        using (writer.Open("private " + info + " Create_" + type.PropertyName + "(global::System.Text.Json.JsonSerializerOptions options)"))
        {
            switch (type.Kind)
            {
                case JsonTypeKind.BuiltIn:
                    writer.Line(info + " typeInfo = " + Metadata + ".JsonMetadataServices.CreateValueInfo<" + type.TypeName + ">(options, " + type.BuiltInConverter + ");");
                    break;
                case JsonTypeKind.NullableValue:
                    writer.Line(info + " typeInfo = " + Metadata + ".JsonMetadataServices.CreateValueInfo<" + type.TypeName + ">(options, " + Metadata + ".JsonMetadataServices.GetNullableConverter<" + type.ElementTypeName + ">(options));");
                    break;
                case JsonTypeKind.CustomConverter:
                    writer.Line(info + " typeInfo = " + Metadata + ".JsonMetadataServices.CreateValueInfo<" + type.TypeName + ">(options, new " + type.TypeName + ".Converter());");
                    break;
                case JsonTypeKind.List:
                    writer.Line("var values = new " + Metadata + ".JsonCollectionInfoValues<" + type.TypeName + ">();");
                    writer.Line(info + " typeInfo = " + Metadata + ".JsonMetadataServices.CreateIEnumerableInfo<" + type.TypeName + ", " + type.ElementTypeName + ">(options, values);");
                    break;
                case JsonTypeKind.Map:
                    using (writer.OpenInitializer("var values = new " + Metadata + ".JsonCollectionInfoValues<" + type.TypeName + ">"))
                    {
                        writer.Line("ObjectCreator = static () => new global::System.Collections.Generic.Dictionary<string, " + type.ElementTypeName + ">(),");
                    }

                    writer.Line(info + " typeInfo = " + Metadata + ".JsonMetadataServices.CreateIReadOnlyDictionaryInfo<" + type.TypeName + ", string, " + type.ElementTypeName + ">(options, values);");
                    break;
                case JsonTypeKind.MutableMap:
                    using (writer.OpenInitializer("var values = new " + Metadata + ".JsonCollectionInfoValues<" + type.TypeName + ">"))
                    {
                        writer.Line("ObjectCreator = static () => new global::System.Collections.Generic.Dictionary<string, " + type.ElementTypeName + ">(),");
                    }

                    writer.Line(info + " typeInfo = " + Metadata + ".JsonMetadataServices.CreateIDictionaryInfo<" + type.TypeName + ", string, " + type.ElementTypeName + ">(options, values);");
                    break;
                case JsonTypeKind.Object:
                    WriteObjectInfo(writer, context, model!, type.PropertyName, info, FastPathEmitter.Applies(context, model!));
                    break;
            }

            writer.Line("typeInfo.OriginatingResolver = this;");
            writer.Line("return typeInfo;");
        }

        if (model is not null)
        {
            writer.Line();
            WritePropertiesMethod(writer, context, model, type.PropertyName);
            if (FastPathEmitter.Applies(context, model))
            {
                writer.Line();
                FastPathEmitter.WriteMethod(writer, context, model, type.PropertyName);
            }
        }
    }

    // A base class with a discriminator: its metadata is a converter that reads the discriminator and hands the
    // object to the derived class's metadata (or to the base's own object metadata for other values).
    private static void WritePolymorphic(SourceWriter writer, EmitContext context, JsonTypeSpec type, ObjectSpec model, PolymorphismSpec polymorphism)
    {
        string info = Metadata + ".JsonTypeInfo<" + model.Name + ">";
        string converter = "Polymorphic_" + type.PropertyName;
        using (writer.Open("private " + info + " Create_" + type.PropertyName + "(global::System.Text.Json.JsonSerializerOptions options)"))
        {
            writer.Line(info + " typeInfo = " + Metadata + ".JsonMetadataServices.CreateValueInfo<" + model.Name + ">(options, new " + converter + "(CreateObject_" + type.PropertyName + "(options)));");
            writer.Line("typeInfo.OriginatingResolver = this;");
            writer.Line("return typeInfo;");
        }

        writer.Line();
        using (writer.Open("private " + info + " CreateObject_" + type.PropertyName + "(global::System.Text.Json.JsonSerializerOptions options)"))
        {
            WriteObjectInfo(writer, context, model, type.PropertyName, info, fastPath: false);
            writer.Line("typeInfo.OriginatingResolver = this;");
            writer.Line("return typeInfo;");
        }

        writer.Line();
        WritePropertiesMethod(writer, context, model, type.PropertyName);
        writer.Line();
        DocComment.Summary(writer, null, "Reads <c>" + DocComment.Inline(polymorphism.PropertyJsonName) + "</c> to choose the class of a <see cref=\"" + model.Name + "\"/>.");
        using (writer.Open("private sealed class " + converter + "(" + info + " baseInfo) : global::System.Text.Json.Serialization.JsonConverter<" + model.Name + ">"))
        {
            writer.Line("/// <inheritdoc/>");
            using (writer.Open("public override " + model.Name + "? Read(ref global::System.Text.Json.Utf8JsonReader reader, global::System.Type typeToConvert, global::System.Text.Json.JsonSerializerOptions options)"))
            {
                writer.Line(Metadata + ".JsonTypeInfo info = global::AutoSend.Runtime.Primitives.ApiJsonUnion.FindDiscriminator(reader, " + Literal.String(polymorphism.PropertyJsonName) + "u8) switch");
                writer.Line("{");
                writer.Indent();
                var used = new HashSet<string>(System.StringComparer.Ordinal);
                foreach (DerivedTypeSpec derived in polymorphism.DerivedTypes.Where(d => used.Add(d.Value)))
                {
                    writer.Line(Literal.String(derived.Value) + " => options.GetTypeInfo(typeof(" + derived.TypeName + ")),");
                }

                writer.Line("_ => baseInfo,");
                writer.Unindent();
                writer.Line("};");
                writer.Line("return (" + model.Name + "?)global::System.Text.Json.JsonSerializer.Deserialize(ref reader, info);");
            }

            writer.Line();
            writer.Line("/// <inheritdoc/>");
            writer.Line("public override void Write(global::System.Text.Json.Utf8JsonWriter writer, " + model.Name + " value, global::System.Text.Json.JsonSerializerOptions options) =>");
            writer.Line("    global::System.Text.Json.JsonSerializer.Serialize(writer, value, value.GetType() == typeof(" + model.Name + ") ? baseInfo : options.GetTypeInfo(value.GetType()));");
        }
    }

    private static void WriteObjectInfo(SourceWriter writer, EmitContext context, ObjectSpec model, string infoName, string info, bool fastPath)
    {
        // Required members must be set in an object initializer; the serializer then overwrites them from the JSON
        // and, because they are marked IsRequired below, fails if the JSON lacks one.
        string requiredInit = string.Join(", ", context.AllProperties(model).Where(ModelEmitter.HasRequiredModifier).Select(p => p.Name + " = default!"));
        using (writer.OpenInitializer("var values = new " + Metadata + ".JsonObjectInfoValues<" + model.Name + ">"))
        {
            writer.Line("ObjectCreator = static () => new " + model.Name + "()" + (requiredInit.Length > 0 ? " { " + requiredInit + " }" : string.Empty) + ",");
            writer.Line("PropertyMetadataInitializer = _ => Properties_" + infoName + "(options),");
            if (fastPath)
            {
                writer.Line(FastPathEmitter.Handler(infoName));
            }
        }

        writer.Line(info + " typeInfo = " + Metadata + ".JsonMetadataServices.CreateObjectInfo<" + model.Name + ">(options, values);");
    }

    private static void WritePropertiesMethod(SourceWriter writer, EmitContext context, ObjectSpec model, string infoName)
    {
        writer.Line("private static " + Metadata + ".JsonPropertyInfo[] Properties_" + infoName + "(global::System.Text.Json.JsonSerializerOptions options) =>");
        writer.Line("[");
        writer.Indent();
        foreach (PropertySpec property in context.AllProperties(model))
        {
            string type = ModelEmitter.TypeName(property);
            string owner = "((" + model.Name + ")o)";
            string setter = property.AliasOf is null
                ? "static (o, v) => " + owner + "." + property.Name + " = v" + (property.IsNullable ? string.Empty : "!")
                : "static (o, v) => { " + owner + "." + property.Name + " = v; " + owner + "." + property.AliasOf + " ??= v; }";
            writer.Line(Primitives + ".ApiJsonMetadata.Property<" + type + ">(options, typeof(" + model.Name + "), " + Literal.String(property.Name) + ", "
                + Literal.String(property.JsonName) + ", static o => " + owner + "." + property.Name + ", " + setter + ", " + Flags(property) + "),");
        }

        if (context.ExtensionDataName(model) is { } extensionData)
        {
            const string type = "global::System.Collections.Generic.IDictionary<string, global::System.Text.Json.JsonElement>?";
            writer.Line(Primitives + ".ApiJsonMetadata.Property<" + type + ">(options, typeof(" + model.Name + "), " + Literal.String(extensionData)
                + ", null, static o => ((" + model.Name + ")o)." + extensionData + ", static (o, v) => ((" + model.Name + ")o)." + extensionData
                + " = v, " + Primitives + ".ApiJsonPropertyOptions.ExtensionData),");
        }

        writer.Unindent();
        writer.Line("];");
    }

    private static string Flags(PropertySpec property)
    {
        var flags = new List<string>();
        // Required applies in the direction the property travels: a writeOnly property is never read, so it is never
        // required when read (System.Text.Json refuses a required property that has no setter for reading).
        if (property.IsRequired && !property.WriteOnly)
        {
            flags.Add("Required");
        }

        if (!property.IsRequired)
        {
            flags.Add("OmitWhenNull");
        }

        if (property.ReadOnly)
        {
            flags.Add("ReadOnly");
        }

        if (property.WriteOnly)
        {
            flags.Add("WriteOnly");
        }

        return flags.Count == 0 ? Primitives + ".ApiJsonPropertyOptions.None" : string.Join(" | ", flags.Select(f => Primitives + ".ApiJsonPropertyOptions." + f));
    }
}
