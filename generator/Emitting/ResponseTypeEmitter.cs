using System.Linq;
using AutoSend.Gen.Model;
using static AutoSend.Gen.Emitting.KnownTypes;

namespace AutoSend.Gen.Emitting;

/// <summary>
/// Writes the document's raw response types, e.g. <c>AutoSendResponse</c> and <c>AutoSendResponse&lt;T&gt;</c>: the
/// runtime's <c>ApiResponse</c> types with each response header the document declares as a typed property, read from
/// <c>Headers</c> when asked for. A header that is absent or does not parse is null: reading one never throws.
/// </summary>
internal static class ResponseTypeEmitter
{
    public static string Emit(EmitContext context, ResponseTypeSpec response)
    {
        // The non-generic type only when an operation has no response body to return.
        bool withoutBody = context.Client.Groups.SelectMany(g => g.Operations).Any(o => o.Success.Kind == ResponseKind.None);
        SourceWriter writer = context.StartFile(out SourceWriter.Block ns);
        using (ns)
        {
            if (withoutBody)
            {
                DocComment.Summary(writer, null, "The response of a <c>WithRawResponse</c> call without a body, with the headers the document declares as properties.");
                writer.Line(context.GeneratedCodeAttribute);
                using (writer.Open("public sealed partial class " + response.Name + " : " + Runtime.ApiResponse))
                {
                    WriteConstructor(writer, response.Name, withValue: false);
                    WriteHeaders(writer, context, response);
                }

                writer.Line();
            }

            DocComment.Summary(writer, null, "The response of a <c>WithRawResponse</c> call, with the headers the document declares as properties.");
            writer.Line("/// <typeparam name=\"T\">The body type.</typeparam>");
            writer.Line(context.GeneratedCodeAttribute);
            using (writer.Open("public sealed partial class " + response.Name + "<T> : " + Runtime.ApiResponse + "<T>"))
            {
                WriteConstructor(writer, response.Name, withValue: true);
                WriteHeaders(writer, context, response);
            }
        }

        return writer.ToString();
    }

    private static void WriteConstructor(SourceWriter writer, string name, bool withValue)
    {
        DocComment.Summary(writer, null, "Creates a response, for example in a test double.");
        DocComment.Param(writer, "statusCode", null, "The HTTP status code.");
        if (withValue)
        {
            DocComment.Param(writer, "value", null, "The body.");
        }

        DocComment.Param(writer, "headers", null, "The response and content headers.");
        writer.Line("public " + name + "(int statusCode, " + (withValue ? "T value, " : string.Empty) + Runtime.ApiResponseHeaders + " headers)");
        writer.Line("    : base(statusCode, " + (withValue ? "value, " : string.Empty) + "headers)");
        writer.Line("{");
        writer.Line("}");
    }

    private static void WriteHeaders(SourceWriter writer, EmitContext context, ResponseTypeSpec response)
    {
        foreach (ResponseHeaderSpec header in response.Headers)
        {
            string wire = Literal.String(header.WireName);
            string value = "Headers.GetValue(" + wire + ")";
            (string type, string read) = header.Type.Kind switch
            {
                TypeKind.Int32 => ("int", "int.TryParse(" + value + ", " + Bcl.NumberStyles + ".Integer, " + Bcl.CultureInfo + ".InvariantCulture, out int value) ? value : " + (context.Features.CSharp9 ? "null" : "(int?)null")),
                TypeKind.Int64 => ("long", "long.TryParse(" + value + ", " + Bcl.NumberStyles + ".Integer, " + Bcl.CultureInfo + ".InvariantCulture, out long value) ? value : " + (context.Features.CSharp9 ? "null" : "(long?)null")),
                TypeKind.Single => ("float", "float.TryParse(" + value + ", " + Bcl.NumberStyles + ".Float, " + Bcl.CultureInfo + ".InvariantCulture, out float value) ? value : " + (context.Features.CSharp9 ? "null" : "(float?)null")),
                TypeKind.Double => ("double", "double.TryParse(" + value + ", " + Bcl.NumberStyles + ".Float, " + Bcl.CultureInfo + ".InvariantCulture, out double value) ? value : " + (context.Features.CSharp9 ? "null" : "(double?)null")),
                TypeKind.Decimal => ("decimal", "decimal.TryParse(" + value + ", " + Bcl.NumberStyles + ".Number, " + Bcl.CultureInfo + ".InvariantCulture, out decimal value) ? value : " + (context.Features.CSharp9 ? "null" : "(decimal?)null")),
                TypeKind.Boolean => ("bool", "bool.TryParse(" + value + ", out bool value) ? value : " + (context.Features.CSharp9 ? "null" : "(bool?)null")),
                _ => ("string", value),
            };
            string kind = header.Type.Kind switch
            {
                TypeKind.String => string.Empty,
                TypeKind.Boolean => " or is not <c>true</c> or <c>false</c>",
                TypeKind.Int32 or TypeKind.Int64 => " or its value is not an integer of this type",
                _ => " or its value is not a number",
            };
            writer.Line();
            DocComment.Summary(writer, header.Description, "The <c>" + DocComment.Inline(header.WireName) + "</c> header.");
            writer.Line("/// <remarks>The <c>" + DocComment.Inline(header.WireName) + "</c> header; null when the response lacks it" + kind + ".</remarks>");
            writer.Line("public " + type + "? " + header.PropertyName + " => " + read + ";");
        }
    }
}
