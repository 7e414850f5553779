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
        string requiredInit = string.Join(", ", model.Properties.Where(p => p.IsRequired).Select(p => p.Name + " = default!"));
        using (writer.OpenInitializer("var values = new " + Metadata + ".JsonObjectInfoValues<" + model.Name + ">"))
        {
            writer.Line("ObjectCreator = static () => new " + model.Name + "()" + (requiredInit.Length > 0 ? " { " + requiredInit + " }" : string.Empty) + ",");
            writer.Line("PropertyMetadataInitializer = _ => Properties_" + infoName + "(options),");
        }

        writer.Line(info + " typeInfo = " + Metadata + ".JsonMetadataServices.CreateObjectInfo<" + model.Name + ">(options, values);");
    }

    private static void WritePropertiesMethod(SourceWriter writer, ObjectSpec model, string infoName)
    {
        using (writer.Open("private static " + Metadata + ".JsonPropertyInfo[] Properties_" + infoName + "(global::System.Text.Json.JsonSerializerOptions options)"))
        {
            int count = model.Properties.Count + (model.ExtensionDataName is null ? 0 : 1);
            writer.Line("var properties = new " + Metadata + ".JsonPropertyInfo[" + count + "];");
            int index = 0;
            foreach (PropertySpec property in model.Properties)
            {
                WriteProperty(writer, model.Name, index++, ModelEmitter.TypeName(property), property.Name, property.JsonName, property.IsRequired, isExtensionData: false);
            }

            if (model.ExtensionDataName is not null)
            {
                WriteProperty(writer, model.Name, index, "global::System.Collections.Generic.IDictionary<string, global::System.Text.Json.JsonElement>?", model.ExtensionDataName, null, required: false, isExtensionData: true);
            }

            writer.Line();
            writer.Line("return properties;");
        }
    }

    private static void WriteProperty(SourceWriter writer, string owner, int index, string typeName, string name, string? jsonName, bool required, bool isExtensionData)
    {
        writer.Line();
        using (writer.OpenInitializer("var info" + index + " = new " + Metadata + ".JsonPropertyInfoValues<" + typeName + ">"))
        {
            writer.Line("IsProperty = true,");
            writer.Line("IsPublic = true,");
            writer.Line("DeclaringType = typeof(" + owner + "),");
            writer.Line("Getter = static obj => ((" + owner + ")obj)." + name + ",");
            writer.Line("Setter = static (obj, value) => ((" + owner + ")obj)." + name + " = value!,");
            writer.Line("IgnoreCondition = " + (required || isExtensionData ? "null" : "global::System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull") + ",");
            writer.Line("IsExtensionData = " + (isExtensionData ? "true" : "false") + ",");
            writer.Line("PropertyName = " + Literal.String(name) + ",");
            writer.Line("JsonPropertyName = " + (jsonName is null ? "null" : Literal.String(jsonName)) + ",");
        }

        writer.Line("properties[" + index + "] = " + Metadata + ".JsonMetadataServices.CreatePropertyInfo<" + typeName + ">(options, info" + index + ");");
        if (required)
        {
            writer.Line("properties[" + index + "].IsRequired = true;");
        }
    }
}
