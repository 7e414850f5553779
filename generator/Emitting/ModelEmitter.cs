using System.Linq;
using AutoSend.Gen.Model;
using static AutoSend.Gen.Emitting.KnownTypes;

namespace AutoSend.Gen.Emitting;

/// <summary>Writes a model class: one property per schema property, with wire names and null handling.</summary>
internal static class ModelEmitter
{
    public static string Emit(EmitContext context, ObjectSpec model)
    {
        SourceWriter writer = context.StartFile(out SourceWriter.Block ns);
        using (ns)
        {
            DocComment.Summary(writer, model.Description, "The <c>" + DocComment.Inline(model.Name) + "</c> schema.");
            Attributes.Obsolete(writer, model.Deprecated, "This schema is deprecated.");
            writer.Line(context.GeneratedCodeAttribute);
            // A class others derive from is not sealed; a derived class names its base.
            string modifiers = model.Polymorphism is { DerivedTypes.IsEmpty: false } ? "public partial class " : "public sealed partial class ";
            using (writer.Open(modifiers + model.Name + (model.BaseTypeName is null ? string.Empty : " : " + context.TypeName(model.BaseTypeName))))
            {
                bool first = true;
                if (model.BaseTypeName is not null && model.DiscriminatorValue is not null && DiscriminatorAssignment(context, model) is { } assignment)
                {
                    DocComment.Summary(writer, null, "Creates an instance with the discriminator set to <c>" + DocComment.Inline(model.DiscriminatorValue) + "</c>.");
                    using (writer.Open("public " + model.Name + "()"))
                    {
                        writer.Line(assignment);
                    }

                    first = false;
                }

                foreach (PropertySpec property in model.Properties)
                {
                    if (!first)
                    {
                        writer.Line();
                    }

                    first = false;
                    WriteProperty(writer, context, property);
                }

                if (model.ExtensionDataName is not null)
                {
                    if (!first)
                    {
                        writer.Line();
                    }

                    DocComment.Summary(writer, null, "Properties the schema does not name, kept as they were received so that nothing is lost on a round trip.");
                    writer.Line("[" + Json.JsonExtensionDataAttribute + "]");
                    writer.Line("public " + context.Nullable(KnownTypes.ExtensionData) + " " + model.ExtensionDataName + " { get; set; }");
                }
            }
        }

        return writer.ToString();
    }

    private static void WriteProperty(SourceWriter writer, EmitContext context, PropertySpec property)
    {
        string type = context.TypeName(property.Type, property.IsNullable);
        if (property.Assignment is { } assignment)
        {
            writer.Line("private " + type + " " + assignment.FieldName + ";");
            writer.Line();
        }

        DocComment.Summary(writer, property.Description, "The <c>" + DocComment.Inline(property.JsonName) + "</c> property.");
        if (Remarks(context, property) is { Length: > 0 } remarks)
        {
            DocComment.RemarksXml(writer, remarks);
        }

        // A required member cannot be [Obsolete] (CS9042): callers must set it; its remarks say it is deprecated.
        Attributes.Obsolete(writer, property.Deprecated && !HasRequiredModifier(context, property), "This property is deprecated.");
        writer.Line("[" + Json.JsonPropertyNameAttribute + "(" + Literal.String(property.JsonName) + ")]");
        if (!property.IsRequired)
        {
            // Also on a tracked property: a serializer that reads only attributes cannot see the assignment, and
            // leaving null out is the safe choice there (it never clears a field the caller did not touch).
            writer.Line("[" + Json.JsonIgnoreAttribute + "(Condition = " + Json.JsonIgnoreCondition + ".WhenWritingNull)]");
        }

        if (property.Assignment is { } tracked)
        {
            using (writer.Open("public " + type + " " + property.Name))
            {
                writer.Line("get => " + tracked.FieldName + ";");
                using (writer.Open("set"))
                {
                    writer.Line(tracked.FieldName + " = value;");
                    writer.Line(tracked.FlagName + " = true;");
                }
            }

            writer.Line();
            DocComment.Summary(writer, null, "Whether <see cref=\"" + property.Name + "\"/> was set (then it is written, even when null).");
            writer.Line("internal bool " + tracked.FlagName + " { get; private set; }");
            return;
        }

        // A read-only property is the server's to set: callers building a request must not be forced to fill it.
        // Without nullable annotations (below C# 8) there is nothing to promise, so no initializer either.
        string initializer = !HasRequiredModifier(context, property) && !property.IsNullable && !property.Type.IsValueType && context.Features.Nullable ? " = default!;" : string.Empty;
        writer.Line("public " + (HasRequiredModifier(context, property) ? "required " : string.Empty) + type + " " + property.Name + " { get; set; }" + initializer);
    }

    // What IntelliSense should say beyond the description: when the property is sent, and the schema's default.
    private static string Remarks(EmitContext context, PropertySpec property)
    {
        string remarks = property.Assignment is null
            ? string.Empty
            : "Sent when assigned, even to <see langword=\"null\"/>: assigning null sends <c>null</c> (in a PATCH, that clears the value),\n"
                + "while a property never assigned is left out of the JSON. An object read from JSON writes back what it read.";
        if (property.Deprecated && HasRequiredModifier(context, property))
        {
            remarks += (remarks.Length > 0 ? "\n" : string.Empty) + "Deprecated by the document; it is still required, so it is not marked obsolete.";
        }

        if (property.DefaultValue is { } defaultValue)
        {
            remarks += (remarks.Length > 0 ? "\n" : string.Empty) + "Default: <c>" + DocComment.Inline(defaultValue) + "</c>"
                + (property.IsRequired ? "." : " (the server's, when the property is left out; the client does not fill it in).");
        }

        return remarks;
    }

    /// <summary>Whether the property gets the C# <c>required</c> modifier: required by the schema and sent by the client
    /// too (a discriminator is set by the derived class's constructor instead). Without C# 11 and the required-member
    /// attributes, no property has it: required properties are ordinary settable ones (docs/generator.md).</summary>
    public static bool HasRequiredModifier(EmitContext context, PropertySpec property) =>
        context.Features.RequiredMembers && property.IsRequired && !property.ReadOnly && !property.IsDiscriminator;

    // The statement a derived class's constructor uses to set the inherited discriminator to its own value.
    private static string? DiscriminatorAssignment(EmitContext context, ObjectSpec model)
    {
        for (ObjectSpec? current = context.Object(model.BaseTypeName!); current is not null; current = current.BaseTypeName is { } b ? context.Object(b) : null)
        {
            if (current.Polymorphism?.PropertyName is { } name && current.Properties.FirstOrDefault(p => p.Name == name) is { } property)
            {
                return property.Type.Kind switch
                {
                    TypeKind.Enum => name + " = " + context.New(context.TypeName(property.Type), Literal.String(model.DiscriminatorValue!)) + ";",
                    TypeKind.String => name + " = " + Literal.String(model.DiscriminatorValue!) + ";",
                    _ => null,
                };
            }
        }

        return null;
    }
}
