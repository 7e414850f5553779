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

    public static string Emit(EmitContext context)
    {
        ClientSpec client = context.Client;
        string name = client.JsonContextName;
        Dictionary<string, ObjectSpec> objects = client.Types.OfType<ObjectSpec>().ToDictionary(o => o.Name);

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
                    WriteCreate(writer, type, objects);
                }
            }
        }

        return writer.ToString();
    }

    private static void WriteCreate(SourceWriter writer, JsonTypeSpec type, Dictionary<string, ObjectSpec> objects)
    {
        string info = Metadata + ".JsonTypeInfo<" + type.TypeName + ">";
        using (writer.Open("private " + info + " Create_" + type.PropertyName + "(global::System.Text.Json.JsonSerializerOptions options)"))
        {
            switch (type.Kind)
            {
                case JsonTypeKind.BuiltIn:
                    writer.Line(info + " typeInfo = " + Metadata + ".JsonMetadataServices.CreateValueInfo<" + type.TypeName + ">(options, " + Metadata + ".JsonMetadataServices." + type.BuiltInConverter + ");");
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
                case JsonTypeKind.Object:
                    WriteObjectInfo(writer, objects[type.TypeName], type.PropertyName, info);
                    break;
            }

            writer.Line("typeInfo.OriginatingResolver = this;");
            writer.Line("return typeInfo;");
        }

        if (type.Kind == JsonTypeKind.Object)
        {
            writer.Line();
            WritePropertiesMethod(writer, objects[type.TypeName], type.PropertyName);
        }
    }

    private static void WriteObjectInfo(SourceWriter writer, ObjectSpec model, string infoName, string info)
    {
        // Required members must be set in an object initializer; the serializer then overwrites them from the JSON
        // and, because they are marked IsRequired below, fails if the JSON lacks one.
        string requiredInit = string.Join(", ", model.Properties.Where(ModelEmitter.HasRequiredModifier).Select(p => p.Name + " = default!"));
        using (writer.OpenInitializer("var values = new " + Metadata + ".JsonObjectInfoValues<" + model.Name + ">"))
        {
            writer.Line("ObjectCreator = static () => new " + model.Name + "()" + (requiredInit.Length > 0 ? " { " + requiredInit + " }" : string.Empty) + ",");
            writer.Line("PropertyMetadataInitializer = _ => Properties_" + infoName + "(options),");
        }

        writer.Line(info + " typeInfo = " + Metadata + ".JsonMetadataServices.CreateObjectInfo<" + model.Name + ">(options, values);");
    }

    private static void WritePropertiesMethod(SourceWriter writer, ObjectSpec model, string infoName)
    {
        writer.Line("private static " + Metadata + ".JsonPropertyInfo[] Properties_" + infoName + "(global::System.Text.Json.JsonSerializerOptions options) =>");
        writer.Line("[");
        writer.Indent();
        foreach (PropertySpec property in model.Properties)
        {
            string type = ModelEmitter.TypeName(property);
            string owner = "((" + model.Name + ")o)";
            string setter = property.AliasOf is null
                ? "static (o, v) => " + owner + "." + property.Name + " = v" + (property.IsNullable ? string.Empty : "!")
                : "static (o, v) => { " + owner + "." + property.Name + " = v; " + owner + "." + property.AliasOf + " ??= v; }";
            writer.Line(Runtime + ".ApiJsonMetadata.Property<" + type + ">(options, typeof(" + model.Name + "), " + Literal.String(property.Name) + ", "
                + Literal.String(property.JsonName) + ", static o => " + owner + "." + property.Name + ", " + setter + ", " + Flags(property) + "),");
        }

        if (model.ExtensionDataName is not null)
        {
            const string type = "global::System.Collections.Generic.IDictionary<string, global::System.Text.Json.JsonElement>?";
            writer.Line(Runtime + ".ApiJsonMetadata.Property<" + type + ">(options, typeof(" + model.Name + "), " + Literal.String(model.ExtensionDataName)
                + ", null, static o => ((" + model.Name + ")o)." + model.ExtensionDataName + ", static (o, v) => ((" + model.Name + ")o)." + model.ExtensionDataName
                + " = v, " + Runtime + ".ApiJsonPropertyOptions.ExtensionData),");
        }

        writer.Unindent();
        writer.Line("];");
    }

    private static string Flags(PropertySpec property)
    {
        var flags = new List<string>();
        if (property.IsRequired)
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

        return flags.Count == 0 ? Runtime + ".ApiJsonPropertyOptions.None" : string.Join(" | ", flags.Select(f => Runtime + ".ApiJsonPropertyOptions." + f));
    }
}
