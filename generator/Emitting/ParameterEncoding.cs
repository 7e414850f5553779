using System.Collections.Generic;
using System.Linq;
using AutoSend.Gen.Model;
using static AutoSend.Gen.Emitting.KnownTypes;

namespace AutoSend.Gen.Emitting;

/// <summary>
/// How a parameter value is written into a request, in one location × style × shape table (<see cref="Encode"/>):
/// path segments, query pairs, headers, cookies and form fields. A new style or location is a row here; the runtime's
/// ApiStyle, ApiQueryBuilder and ApiFormBuilder do the escaping.
/// </summary>
internal static class ParameterEncoding
{
    /// <summary>The shape of a value, as the encodings see it.</summary>
    private enum Shape
    {
        /// <summary>One value written as text.</summary>
        Scalar,

        /// <summary>A list of scalars.</summary>
        Items,

        /// <summary>A flat object or a map of scalars: name/value pairs.</summary>
        Pairs,

        /// <summary>A file or files, in a form.</summary>
        File,

        /// <summary>Anything else in a form, sent as JSON text in its part.</summary>
        Json,
    }

    /// <summary>
    /// The code that writes a present (non-null) <paramref name="value"/> of a parameter or form field: for a path
    /// parameter, the expression that fills its <c>{name}</c>; elsewhere, a statement.
    /// </summary>
    public static string Encode(EmitContext context, ParameterSpec parameter, string value, RequestLocals locals)
    {
        string name = Literal.String(parameter.WireName);
        string explode = parameter.Explode ? "true" : "false";
        string item = locals.Item, entry = locals.Entry, query = locals.Query, form = locals.Form;
        string header = locals.Request + ".Headers.TryAddWithoutValidation(" + name + ", ";
        string cookie = Runtime.ApiConnection + ".AddCookie(" + locals.Request + ", " + name + ", ";
        string Scalar() => Text(value, parameter.Type);
        string Items() => ParameterEncoding.Items(value, parameter.Type, item);
        string Pairs() => ParameterEncoding.Pairs(context, value, parameter.Type, entry);

        // The table: path rows are expressions (concatenated into the path), the other rows statements.
        return (parameter.Location, parameter.Style, ShapeOf(parameter)) switch
        {
            // Path: simple (escaped), label (.value) or matrix (;name=value).
            (ParameterLocation.Path, ParameterStyle.Label, Shape.Scalar) => Runtime.ApiStyle + ".Label(" + Scalar() + ")",
            (ParameterLocation.Path, ParameterStyle.Label, Shape.Items) => Runtime.ApiStyle + ".Label(" + Items() + ", explode: " + explode + ")",
            (ParameterLocation.Path, ParameterStyle.Label, Shape.Pairs) => Runtime.ApiStyle + ".Label(" + Pairs() + ", explode: " + explode + ")",
            (ParameterLocation.Path, ParameterStyle.Matrix, Shape.Scalar) => Runtime.ApiStyle + ".Matrix(" + name + ", " + Scalar() + ")",
            (ParameterLocation.Path, ParameterStyle.Matrix, Shape.Items) => Runtime.ApiStyle + ".Matrix(" + name + ", " + Items() + ", explode: " + explode + ")",
            (ParameterLocation.Path, ParameterStyle.Matrix, Shape.Pairs) => Runtime.ApiStyle + ".Matrix(" + name + ", " + Pairs() + ", explode: " + explode + ")",
            (ParameterLocation.Path, _, Shape.Items) => Runtime.ApiStyle + ".Simple(" + Items() + ", escape: true)",
            (ParameterLocation.Path, _, Shape.Pairs) => Runtime.ApiStyle + ".Simple(" + Pairs() + ", explode: " + explode + ", escape: true)",
            (ParameterLocation.Path, _, _) => Bcl.Uri + ".EscapeDataString(" + Scalar() + ")",

            // Query: exploded form repeats the name; deepObject sends name[key]=value, exploded form key=value; the
            // other styles join the values with their delimiter.
            (ParameterLocation.Query, ParameterStyle.Form, Shape.Items) when parameter.Explode =>
                "foreach (var " + item + " in " + Items() + ") { " + query + ".Add(" + name + ", " + item + "); }",
            (ParameterLocation.Query, ParameterStyle.DeepObject, Shape.Pairs) =>
                "foreach (var " + entry + " in " + Pairs() + ") { " + query + ".Add(" + Literal.String(parameter.WireName + "[") + " + " + entry + ".Key + \"]\", " + entry + ".Value); }",
            (ParameterLocation.Query, ParameterStyle.Form, Shape.Pairs) when parameter.Explode =>
                "foreach (var " + entry + " in " + Pairs() + ") { " + query + ".Add(" + entry + ".Key, " + entry + ".Value); }",
            (ParameterLocation.Query, _, Shape.Items) => query + ".AddDelimited(" + name + ", " + Items() + ", " + Literal.String(Delimiter(parameter.Style)) + ");",
            (ParameterLocation.Query, _, Shape.Pairs) => query + ".AddDelimited(" + name + ", " + Pairs() + ", " + Literal.String(Delimiter(parameter.Style)) + ");",
            (ParameterLocation.Query, _, _) => query + (parameter.AllowReserved ? ".AddAllowingReserved(" : ".Add(") + name + ", " + Scalar() + ");",

            // Headers: simple style, not escaped.
            (ParameterLocation.Header, _, Shape.Items) => header + Runtime.ApiStyle + ".Simple(" + Items() + ", escape: false));",
            (ParameterLocation.Header, _, Shape.Pairs) => header + Runtime.ApiStyle + ".Simple(" + Pairs() + ", explode: " + explode + ", escape: false));",
            (ParameterLocation.Header, _, _) => header + Scalar() + ");",

            // Cookies: form style, comma-joined.
            (ParameterLocation.Cookie, _, Shape.Items) => cookie + Runtime.ApiStyle + ".Delimited(" + Items() + ", \",\"));",
            (ParameterLocation.Cookie, _, Shape.Pairs) => cookie + Runtime.ApiStyle + ".Delimited(" + Pairs() + ", \",\"));",
            (ParameterLocation.Cookie, _, _) => cookie + Scalar() + ");",

            // Form fields: files as they are, text values as text (a list repeats the field), the rest as JSON.
            (ParameterLocation.FormField, _, Shape.File) => form + ".Add(" + name + ", " + value + Part(parameter) + ");",
            (ParameterLocation.FormField, _, Shape.Items) => "foreach (var " + item + " in " + Items() + ") { " + form + ".Add(" + name + ", " + item + Part(parameter) + "); }",
            (ParameterLocation.FormField, _, Shape.Scalar) => form + ".Add(" + name + ", " + Scalar() + Part(parameter) + ");",
            _ => form + ".AddJson(" + name + ", " + value + ", " + context.TypeInfo(parameter.Type.InfoName) + Part(parameter) + ");",
        };
    }

    // A multipart part's content type and headers from the document's encoding, as more arguments; none without any.
    private static string Part(ParameterSpec field) => field.PartContentType is null && field.PartHeaders.IsEmpty
        ? string.Empty
        : ", " + (field.PartContentType is null ? "null" : Literal.String(field.PartContentType))
            + string.Concat(field.PartHeaders.Select(h => ", new " + KnownTypes.Bcl.KeyValuePair + "<string, string>(" + Literal.String(h.Name) + ", " + Literal.String(h.Value) + ")"));

    private static Shape ShapeOf(ParameterSpec parameter)
    {
        TypeRef type = parameter.Type;
        if (type.IsFile)
        {
            return Shape.File;
        }

        if (parameter.Location == ParameterLocation.FormField)
        {
            // As the parser registers form fields for JSON (OperationMapper.Bodies.cs, IsFormText).
            static bool Text(TypeRef t) => t.IsPrimitive || t.Kind == TypeKind.Enum;
            return Text(type) ? Shape.Scalar : type.Kind == TypeKind.List && Text(type.Element!) ? Shape.Items : Shape.Json;
        }

        return type.Kind switch
        {
            TypeKind.List => Shape.Items,
            TypeKind.Model or TypeKind.Map => Shape.Pairs,
            _ => Shape.Scalar,
        };
    }

    private static string Delimiter(ParameterStyle style) => style switch
    {
        ParameterStyle.SpaceDelimited => " ",
        ParameterStyle.PipeDelimited => "|",
        _ => ",",
    };

    /// <summary>The wire text of a non-null scalar value.</summary>
    private static string Text(string value, TypeRef type) => type.Kind switch
    {
        TypeKind.String => value,
        TypeKind.Enum => value + ".ToString()",
        TypeKind.Union => Runtime.ApiFormat + ".FormatValue(" + value + ".Value)",
        _ => Runtime.ApiFormat + ".Format(" + value + ")",
    };

    /// <summary>The items of a list as wire text (a null item is an empty string).</summary>
    private static string Items(string value, TypeRef type, string item)
    {
        TypeRef element = type.Element!;
        string text = type.ElementIsNullable
            ? item + " is null ? string.Empty : " + Text(element.IsValueType ? item + ".Value" : item, element)
            : Text(item, element);
        return Bcl.Enumerable + ".Select(" + value + ", static " + item + " => " + text + ")";
    }

    /// <summary>The properties of a flat object, or the entries of a map, as name/wire-text pairs (null values are left out).</summary>
    private static string Pairs(EmitContext context, string value, TypeRef type, string entry)
    {
        const string pair = Bcl.KeyValuePair + "<string, string?>";
        if (type.Kind == TypeKind.Map)
        {
            TypeRef element = type.Element!;
            string text = type.ElementIsNullable
                ? entry + ".Value is null ? null : " + Text(element.IsValueType ? entry + ".Value.Value" : entry + ".Value", element)
                : Text(entry + ".Value", element);
            return Bcl.Enumerable + ".Select(" + value + ", static " + entry + " => new " + pair + "(" + entry + ".Key, " + text + "))";
        }

        IEnumerable<string> properties = context.AllProperties(context.Object(type.Name!)).Select(property =>
        {
            string access = value + "." + property.Name;
            string text = property.IsNullable
                ? access + " is null ? null : " + Text(property.Type.IsValueType ? access + ".Value" : access, property.Type)
                : Text(access, property.Type);
            return "new " + pair + "(" + Literal.String(property.JsonName) + ", " + text + ")";
        });
        return "new " + pair + "[] { " + string.Join(", ", properties) + " }";
    }
}
