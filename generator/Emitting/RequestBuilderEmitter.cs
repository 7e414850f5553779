using System.Collections.Generic;
using System.Linq;
using AutoSend.Gen.Model;
using AutoSend.Gen.Naming;
using static AutoSend.Gen.Emitting.KnownTypes;

namespace AutoSend.Gen.Emitting;

/// <summary>
/// Writes the private method that builds an operation's request: argument checks, the query string, the path,
/// headers, cookies and the body. How each value is encoded is <see cref="ParameterEncoding"/>'s table.
/// </summary>
internal static class RequestBuilderEmitter
{
    public static void Write(SourceWriter writer, EmitContext context, OperationSpec operation)
    {
        List<ParameterSpec> parameters = Signatures.Parameters(operation).ToList();
        var scope = new NameScope([.. Signatures.Names(operation, includeToken: false).Select(Identifier.Unescape)]);
        var locals = new RequestLocals(scope.Allocate("request"), scope.Allocate("query"), scope.Allocate("form"), scope.Allocate("item"), scope.Allocate("entry"));
        // A pattern variable in an if condition lives in the whole method body: it needs a name of its own, else a later
        // foreach over a list parameter could not declare its item (CS0136).
        string shared = scope.Allocate("value");
        using (writer.Open("private " + Bcl.HttpRequestMessage + " " + operation.RequestBuilderName + "(" + Signatures.Declarations(context, operation, includeToken: false) + ")"))
        {
            foreach (ParameterSpec parameter in parameters.Where(p => p.IsRequired && !p.Type.IsValueType))
            {
                writer.Line(parameter.Location == ParameterLocation.Path && parameter.Type.Kind == TypeKind.String
                    ? context.ThrowIfNullOrEmpty(parameter.Name)
                    : context.ThrowIfNull(parameter.Name));
            }

            if (operation.Body is { IsRequired: true, IsSingleParameter: true, Type.IsValueType: false } body)
            {
                writer.Line(context.ThrowIfNull(body.Name));
            }

            List<ParameterSpec> queryParameters = operation.Parameters.Where(p => p.Location == ParameterLocation.Query).ToList();
            if (queryParameters.Count > 0)
            {
                writer.Line("var " + locals.Query + " = new " + Runtime.ApiQueryBuilder + "();");
                foreach (ParameterSpec parameter in queryParameters)
                {
                    WhenPresent(writer, parameter, value => writer.Line(ParameterEncoding.Encode(context, parameter, value, locals)));
                }
            }

            writer.Line("var " + locals.Request + " = _connection.CreateRequest(" + HttpMethod(context, operation.HttpMethod) + ", "
                + (operation.Server is { } server ? Literal.String(server) + ", " : string.Empty) + PathExpression(context, operation, locals)
                + (queryParameters.Count > 0 ? " + " + locals.Query + ".ToString()" : string.Empty) + ");");
            foreach (ParameterSpec parameter in operation.Parameters.Where(p => p.Location is ParameterLocation.Header or ParameterLocation.Cookie))
            {
                if (parameter.SharedOption is { } option)
                {
                    // The argument wins over the client's option.
                    string field = ClientEmitter.SharedField(option);
                    if (parameter.RequiredByDocument)
                    {
                        writer.Line(context.ThrowIfNullOrEmpty(parameter.Name + " ?? " + field, "nameof(" + parameter.Name + ")"));
                    }

                    using (writer.Open("if ((" + parameter.Name + " ?? " + field + ") is " + (context.Features.CSharp8 ? "{ } " : "string ") + shared + ")"))
                    {
                        writer.Line(ParameterEncoding.Encode(context, parameter, shared, locals));
                    }

                    writer.Line();
                    continue;
                }

                WhenPresent(writer, parameter, value => writer.Line(ParameterEncoding.Encode(context, parameter, value, locals)));
            }

            if (operation.Body is { } requestBody)
            {
                WriteBody(writer, context, requestBody, locals);
            }

            writer.Line(Runtime.ApiConnection + ".ApplyRequestOptions(" + locals.Request + ", " + SignatureParameter.RequestOptionsName + ");");
            writer.Line("return " + locals.Request + ";");
        }
    }

    /// <summary>
    /// The field that holds PATCH where <c>HttpMethod.Patch</c> does not exist (netstandard2.0, .NET Framework): one
    /// instance per class, like the property's.
    /// </summary>
    public const string PatchField = "s_httpMethodPatch";

    /// <summary>The HTTP method as generated code names it, in the target's terms.</summary>
    public static string HttpMethod(EmitContext context, string method) =>
        method == "PATCH" && !context.Features.HttpMethodPatch ? PatchField : HttpMethod(method);

    /// <summary>The HTTP method as generated code names it.</summary>
    public static string HttpMethod(string method) => method switch
    {
        "GET" => Bcl.HttpMethod + ".Get",
        "POST" => Bcl.HttpMethod + ".Post",
        "PUT" => Bcl.HttpMethod + ".Put",
        "DELETE" => Bcl.HttpMethod + ".Delete",
        "PATCH" => Bcl.HttpMethod + ".Patch",
        "HEAD" => Bcl.HttpMethod + ".Head",
        "OPTIONS" => Bcl.HttpMethod + ".Options",
        "TRACE" => Bcl.HttpMethod + ".Trace",
        _ => "new " + Bcl.HttpMethod + "(" + Literal.String(method) + ")",
    };

    private static void WriteBody(SourceWriter writer, EmitContext context, RequestBodySpec body, RequestLocals locals)
    {
        if (!body.IsSingleParameter)
        {
            // multipart/form-data and urlencoded forms have their own builders; other multipart types (mixed) name their subtype.
            string subtype = body.MediaType.Substring(body.MediaType.IndexOf('/') + 1);
            string start = body.Kind == BodyKind.FormUrlEncoded ? "UrlEncoded()"
                : string.Equals(subtype, "form-data", System.StringComparison.OrdinalIgnoreCase) ? "Multipart()"
                : "Multipart(" + Literal.String(subtype) + ")";
            writer.Line("var " + locals.Form + " = " + Runtime.ApiFormBuilder + "." + start + ";");
            foreach (ParameterSpec field in body.Fields)
            {
                WhenPresent(writer, field, value => writer.Line(ParameterEncoding.Encode(context, field, value, locals)));
            }

            writer.Line(locals.Request + ".Content = " + locals.Form + ".Build();");
            return;
        }

        string content = body.Kind switch
        {
            BodyKind.Json => Runtime.ApiContent + ".Json(" + (body.IsRequired || !body.Type!.IsValueType ? body.Name : body.Name + ".Value") + ", " + context.TypeInfo(body.Type!.InfoName)
                + (string.Equals(body.MediaType, "application/json", System.StringComparison.OrdinalIgnoreCase) ? ")" : ", " + Literal.String(body.MediaType) + ")"),
            BodyKind.Binary => Runtime.ApiContent + ".Stream(" + body.Name + ", " + Literal.String(body.MediaType) + ")",
            _ => Runtime.ApiContent + ".Text(" + body.Name + ", " + Literal.String(body.MediaType) + ")",
        };
        if (body.IsRequired)
        {
            writer.Line(locals.Request + ".Content = " + content + ";");
            return;
        }

        using (writer.Open("if (" + body.Name + " is not null)"))
        {
            writer.Line(locals.Request + ".Content = " + content + ";");
        }

        writer.Line();
    }

    // Writes what a parameter needs only when the caller passed it; inside, the value is never null.
    private static void WhenPresent(SourceWriter writer, ParameterSpec parameter, System.Action<string> write)
    {
        if (parameter.IsRequired)
        {
            write(parameter.Name);
            return;
        }

        using (writer.Open("if (" + parameter.Name + " is not null)"))
        {
            write(parameter.Type.IsValueType ? parameter.Name + ".Value" : parameter.Name);
        }

        writer.Line();
    }

    private static string PathExpression(EmitContext context, OperationSpec operation, RequestLocals locals) =>
        string.Join(" + ", operation.PathParts.Select(part => part.Parameter is { } parameter
            ? ParameterEncoding.Encode(context, parameter, parameter.Name, locals)
            : Literal.String(part.Text)));
}

/// <summary>The names of the locals of a request builder, chosen not to clash with its parameters.</summary>
internal sealed record RequestLocals(string Request, string Query, string Form, string Item, string Entry);
