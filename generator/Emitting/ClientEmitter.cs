using System.Collections.Generic;
using System.Linq;
using AutoSend.Gen.Helpers;
using AutoSend.Gen.Model;
using AutoSend.Gen.Parsing;

namespace AutoSend.Gen.Emitting;

/// <summary>
/// Writes the client class, its options class and one class per tag group. Where the HTTP call is made: each
/// operation builds its request here and hands it to the runtime's <c>ApiConnection</c>.
/// </summary>
internal static class ClientEmitter
{
    private const string Runtime = "global::AutoSend.Runtime";

    public static string EmitOptions(EmitContext context)
    {
        ClientSpec client = context.Client;
        SourceWriter writer = context.StartFile(out SourceWriter.Block ns);
        using (ns)
        {
            DocComment.Summary(writer, null, "Settings for <see cref=\"" + client.ClientName + "\"/>.");
            writer.Line("/// <remarks>");
            writer.Line("/// " + CredentialsRemark(client));
            writer.Line("/// </remarks>");
            writer.Line(context.GeneratedCodeAttribute);
            using (writer.Open("public sealed partial class " + client.OptionsName + " : " + Runtime + ".ApiClientOptions"))
            {
                if (client.Security.FirstOrDefault()?.Kind == SecuritySchemeKind.Basic)
                {
                    DocComment.Summary(writer, null, "The user name for HTTP basic authentication.");
                    writer.Line("public string? UserName { get; set; }");
                    writer.Line();
                    DocComment.Summary(writer, null, "The password for HTTP basic authentication; never shown by <see cref=\"object.ToString\"/>.");
                    writer.Line("public string? Password { get; set; }");
                }
            }
        }

        return writer.ToString();
    }

    public static string EmitClient(EmitContext context)
    {
        ClientSpec client = context.Client;
        string name = client.ClientName;
        OperationGroupSpec? root = client.Groups.FirstOrDefault(g => g.PropertyName.Length == 0);
        List<OperationGroupSpec> groups = client.Groups.Where(g => g.PropertyName.Length > 0).ToList();

        SourceWriter writer = context.StartFile(out SourceWriter.Block ns);
        using (ns)
        {
            DocComment.Summary(writer, null, "The client for " + (client.Title.Length > 0 ? "the " + DocComment.Inline(client.Title) : "the API") + ".");
            DocComment.Remarks(writer, client.Description);
            writer.Line(context.GeneratedCodeAttribute);
            using (writer.Open("public sealed partial class " + name + " : global::System.IDisposable"))
            {
                writer.Line("private const string UserAgent = " + Literal.String("AutoSend.Gen/" + EmitContext.GeneratorVersion) + ";");
                writer.Line();
                WriteDescriptors(writer, context, root);
                writer.Line("private readonly " + Runtime + ".ApiConnection _connection;");
                writer.Line();
                DocComment.Summary(writer, null, "Creates a client with its own connection pool, which <see cref=\"Dispose\"/> releases.");
                DocComment.Param(writer, "options", null, "The client settings: credentials, base address, timeout.");
                writer.Line("public " + name + "(" + client.OptionsName + " options)");
                writer.Line("    : this(CreateConnection(null, options))");
                writer.Line("{");
                writer.Line("}");
                writer.Line();
                DocComment.Summary(writer, null, "Creates a client that sends through <paramref name=\"httpClient\"/>, which stays the caller's to dispose.");
                DocComment.Param(writer, "httpClient", null, "The HTTP client, for example one from <c>IHttpClientFactory</c>.");
                DocComment.Param(writer, "options", null, "The client settings: credentials and base address.");
                writer.Line("public " + name + "(global::System.Net.Http.HttpClient httpClient, " + client.OptionsName + " options)");
                writer.Line("    : this(CreateConnection(httpClient ?? throw new global::System.ArgumentNullException(nameof(httpClient)), options))");
                writer.Line("{");
                writer.Line("}");
                writer.Line();
                using (writer.Open("private " + name + "(" + Runtime + ".ApiConnection connection)"))
                {
                    writer.Line("_connection = connection;");
                    foreach (OperationGroupSpec group in groups)
                    {
                        writer.Line(group.PropertyName + " = new " + group.TypeName + "(connection);");
                    }
                }

                writer.Line();
                DocComment.Summary(writer, null, "Where requests go when the options and the HTTP client set no base address: the document's first server.");
                writer.Line("public static global::System.Uri? DefaultBaseAddress { get; } = " + (client.DefaultBaseAddress is null ? "null;" : "new(" + Literal.String(client.DefaultBaseAddress) + ");"));
                writer.Line();
                DocComment.Summary(writer, null, "The absolute address requests are resolved against.");
                writer.Line("public global::System.Uri BaseAddress => _connection.BaseAddress;");
                foreach (OperationGroupSpec group in groups)
                {
                    writer.Line();
                    DocComment.Summary(writer, group.Description, "The <c>" + DocComment.Inline(group.PropertyName) + "</c> operations.");
                    writer.Line("public " + group.TypeName + " " + group.PropertyName + " { get; }");
                }

                writer.Line();
                DocComment.Summary(writer, null, "Releases the connection pool if the client created it.");
                writer.Line("public void Dispose() => _connection.Dispose();");
                writer.Line();
                using (writer.Open("private static " + Runtime + ".ApiConnection CreateConnection(global::System.Net.Http.HttpClient? httpClient, " + client.OptionsName + " options)"))
                {
                    writer.Line("global::System.ArgumentNullException.ThrowIfNull(options);");
                    writer.Line("return new " + Runtime + ".ApiConnection(httpClient, options, DefaultBaseAddress, " + Authentication(client) + ", UserAgent);");
                }

                WriteMethods(writer, context, root);
            }
        }

        return writer.ToString();
    }

    public static string EmitGroup(EmitContext context, OperationGroupSpec group)
    {
        SourceWriter writer = context.StartFile(out SourceWriter.Block ns);
        using (ns)
        {
            DocComment.Summary(writer, group.Description, "The <c>" + DocComment.Inline(group.PropertyName) + "</c> operations.");
            writer.Line("/// <remarks>Reached through <see cref=\"" + context.Client.ClientName + "." + group.PropertyName + "\"/>.</remarks>");
            writer.Line(context.GeneratedCodeAttribute);
            using (writer.Open("public sealed partial class " + group.TypeName))
            {
                WriteDescriptors(writer, context, group);
                writer.Line("private readonly " + Runtime + ".ApiConnection _connection;");
                writer.Line();
                using (writer.Open("internal " + group.TypeName + "(" + Runtime + ".ApiConnection connection)"))
                {
                    writer.Line("_connection = connection;");
                }

                WriteMethods(writer, context, group);
            }
        }

        return writer.ToString();
    }

    private static void WriteDescriptors(SourceWriter writer, EmitContext context, OperationGroupSpec? group)
    {
        foreach (OperationSpec operation in group?.Operations ?? EquatableArray<OperationSpec>.Empty)
        {
            WriteDescriptor(writer, context, operation);
            writer.Line();
        }
    }

    private static void WriteMethods(SourceWriter writer, EmitContext context, OperationGroupSpec? group)
    {
        foreach (OperationSpec operation in group?.Operations ?? EquatableArray<OperationSpec>.Empty)
        {
            writer.Line();
            WriteMethod(writer, context, operation);
        }
    }

    // One static descriptor per operation: its name, route and the error bodies the document declares.
    private static void WriteDescriptor(SourceWriter writer, EmitContext context, OperationSpec operation)
    {
        TypeRef? result = operation.Success.Type;
        string type = result is null ? Runtime + ".ApiOperation" : Runtime + ".ApiOperation<" + result.Name + ">";
        var lines = new List<string>
        {
            "private static readonly " + type + " " + DescriptorName(operation) + " = new " + type + "(",
            "        " + Literal.String(operation.OperationId) + ", " + HttpMethod(operation.HttpMethod) + ", " + Literal.String(operation.Path)
                + (result is null ? ")" : ", " + context.TypeInfo(result.InfoName) + ")"),
        };
        lines.AddRange(operation.Errors.Select(error => "    .WithError(" + Literal.String(error.Status) + ", " + context.TypeInfo(error.Type.InfoName) + ")"));
        lines[lines.Count - 1] += ";";
        foreach (string line in lines)
        {
            writer.Line(line);
        }
    }

    private static void WriteMethod(SourceWriter writer, EmitContext context, OperationSpec operation)
    {
        List<string> declarations = [];
        RequestBodySpec? body = operation.Body;
        bool bodyWritten = body is null;
        foreach (ParameterSpec parameter in operation.Parameters)
        {
            if (!bodyWritten && ((body!.IsRequired && parameter.Location != ParameterLocation.Path) || (!body.IsRequired && !parameter.IsRequired)))
            {
                declarations.Add(BodyDeclaration(body));
                bodyWritten = true;
            }

            declarations.Add(parameter.IsRequired ? parameter.Type.Name + " " + parameter.Name : parameter.Type.NullableName + " " + parameter.Name + " = null");
        }

        if (!bodyWritten)
        {
            declarations.Add(BodyDeclaration(body!));
        }

        declarations.Add("global::System.Threading.CancellationToken cancellationToken = default");

        // Documentation
        DocComment.Summary(writer, operation.Summary ?? operation.Description, "Calls <c>" + DocComment.Inline(operation.OperationId) + "</c>.");
        if (operation.Summary is not null)
        {
            DocComment.Remarks(writer, operation.Description);
        }

        foreach (ParameterSpec parameter in operation.Parameters)
        {
            DocComment.Param(writer, parameter.Name, parameter.Description, "The <c>" + DocComment.Inline(parameter.WireName) + "</c> " + parameter.Location.ToString().ToLowerInvariant() + " parameter.");
        }

        if (body is not null)
        {
            DocComment.Param(writer, body.Name, body.Description, "The request body.");
        }

        DocComment.Param(writer, "cancellationToken", null, "Cancels the request.");
        DocComment.Returns(writer, operation.Success.Description, operation.Success.Type is null ? "A task that completes when the API has answered." : "The response body.");
        foreach (IGrouping<string, ErrorResponseSpec> errors in operation.Errors.GroupBy(e => e.Type.Name))
        {
            DocComment.Exception(writer, "global::AutoSend.Runtime.ApiException{" + errors.Key + "}",
                "The API answered " + string.Join(", ", errors.Select(e => e.Status)) + " with a body of this type; <c>Error</c> holds it.");
        }

        DocComment.Exception(writer, "global::AutoSend.Runtime.ApiException",
            "The API answered with an error status, or with a response that is not the documented JSON.");
        Attributes.Obsolete(writer, operation.Deprecated, "This operation is deprecated.");

        string returnType = operation.Success.Type is null ? "global::System.Threading.Tasks.Task" : "global::System.Threading.Tasks.Task<" + operation.Success.Type.Name + ">";
        using (writer.Open("public " + returnType + " " + operation.MethodName + "(" + string.Join(", ", declarations) + ")"))
        {
            foreach (ParameterSpec parameter in operation.Parameters.Where(p => p.IsRequired && !p.Type.IsValueType))
            {
                writer.Line(parameter.Location == ParameterLocation.Path && parameter.Type.Kind == TypeKind.Primitive && parameter.Type.Name == "string"
                    ? "global::System.ArgumentException.ThrowIfNullOrEmpty(" + parameter.Name + ");"
                    : "global::System.ArgumentNullException.ThrowIfNull(" + parameter.Name + ");");
            }

            if (body is not null && body.IsRequired && !body.Type.IsValueType)
            {
                writer.Line("global::System.ArgumentNullException.ThrowIfNull(" + body.Name + ");");
            }

            List<ParameterSpec> query = operation.Parameters.Where(p => p.Location == ParameterLocation.Query).ToList();
            if (query.Count > 0)
            {
                writer.Line("var query = new " + Runtime + ".ApiQueryBuilder();");
                foreach (ParameterSpec parameter in query)
                {
                    writer.Line("query.Add(" + Literal.String(parameter.WireName) + ", " + QueryValue(parameter) + ");");
                }
            }

            writer.Line("var request = _connection.CreateRequest(" + HttpMethod(operation.HttpMethod) + ", " + PathExpression(operation) + (query.Count > 0 ? " + query.ToString()" : string.Empty) + ");");
            foreach (ParameterSpec parameter in operation.Parameters.Where(p => p.Location == ParameterLocation.Header))
            {
                string add = "request.Headers.TryAddWithoutValidation(" + Literal.String(parameter.WireName) + ", " + Format(parameter.IsRequired || !parameter.Type.IsValueType ? parameter.Name : parameter.Name + ".Value", parameter.Type) + ");";
                if (parameter.IsRequired)
                {
                    writer.Line(add);
                }
                else
                {
                    using (writer.Open("if (" + parameter.Name + " is not null)"))
                    {
                        writer.Line(add);
                    }

                    writer.Line();
                }
            }

            if (body is not null)
            {
                string set = "request.Content = " + Runtime + ".ApiJsonContent.Create(" + body.Name + (body.IsRequired || !body.Type.IsValueType ? string.Empty : ".Value") + ", " + context.TypeInfo(body.Type.InfoName) + ");";
                if (body.IsRequired)
                {
                    writer.Line(set);
                }
                else
                {
                    using (writer.Open("if (" + body.Name + " is not null)"))
                    {
                        writer.Line(set);
                    }

                    writer.Line();
                }
            }

            writer.Line("return _connection.SendAsync(request, " + DescriptorName(operation) + ", cancellationToken);");
        }
    }

    private static string BodyDeclaration(RequestBodySpec body) =>
        body.IsRequired ? body.Type.Name + " " + body.Name : body.Type.NullableName + " " + body.Name + " = null";

    private static string DescriptorName(OperationSpec operation) =>
        "s_" + char.ToLowerInvariant(operation.MethodName[0]) + operation.MethodName.Substring(1, operation.MethodName.Length - "Async".Length - 1);

    private static string PathExpression(OperationSpec operation)
    {
        var parts = new List<string>();
        string path = operation.Path;
        int position = 0;
        foreach (string templateName in OperationMapper.PathParameterNames(path))
        {
            int start = path.IndexOf("{" + templateName + "}", position, System.StringComparison.Ordinal);
            if (start > position)
            {
                parts.Add(Literal.String(path.Substring(position, start - position)));
            }

            ParameterSpec parameter = operation.Parameters.First(p => p.Location == ParameterLocation.Path && p.WireName == templateName);
            parts.Add("global::System.Uri.EscapeDataString(" + Format(parameter.Name, parameter.Type) + ")");
            position = start + templateName.Length + 2;
        }

        if (position < path.Length || parts.Count == 0)
        {
            parts.Add(Literal.String(path.Substring(position)));
        }

        return string.Join(" + ", parts);
    }

    /// <summary>A string expression for a non-null value, in the invariant wire format.</summary>
    private static string Format(string value, TypeRef type) => type.Name switch
    {
        "string" => value,
        "bool" => "(" + value + " ? \"true\" : \"false\")",
        "global::System.DateTimeOffset" => value + ".ToString(\"O\", global::System.Globalization.CultureInfo.InvariantCulture)",
        "global::System.DateOnly" => value + ".ToString(\"yyyy-MM-dd\", global::System.Globalization.CultureInfo.InvariantCulture)",
        "global::System.Guid" => value + ".ToString(\"D\")",
        "byte[]" => "global::System.Convert.ToBase64String(" + value + ")",
        "int" or "long" or "float" or "double" or "decimal" => value + ".ToString(global::System.Globalization.CultureInfo.InvariantCulture)",
        _ => value + ".ToString()",
    };

    private static string QueryValue(ParameterSpec parameter)
    {
        TypeRef type = parameter.Type;
        string name = parameter.Name;
        if (type.Kind == TypeKind.List)
        {
            TypeRef element = type.Element!;
            return element.Name == "string" ? name : name + " is null ? null : global::System.Linq.Enumerable.Select(" + name + ", static item => " + Format("item", element) + ")";
        }

        return type.Kind switch
        {
            TypeKind.Enum => parameter.IsRequired ? name + ".Value" : name + "?.Value",
            _ when type == Primitives.Uri => name + "?.ToString()",
            _ when type == Primitives.Bytes => name + " is null ? null : " + Format(name, type),
            _ => name,
        };
    }

    private static string HttpMethod(string method) => method switch
    {
        "GET" => "global::System.Net.Http.HttpMethod.Get",
        "POST" => "global::System.Net.Http.HttpMethod.Post",
        "PUT" => "global::System.Net.Http.HttpMethod.Put",
        "DELETE" => "global::System.Net.Http.HttpMethod.Delete",
        "PATCH" => "global::System.Net.Http.HttpMethod.Patch",
        "HEAD" => "global::System.Net.Http.HttpMethod.Head",
        "OPTIONS" => "global::System.Net.Http.HttpMethod.Options",
        "TRACE" => "global::System.Net.Http.HttpMethod.Trace",
        _ => "new global::System.Net.Http.HttpMethod(" + Literal.String(method) + ")",
    };

    private static string Authentication(ClientSpec client) => client.Security.FirstOrDefault() switch
    {
        { Kind: SecuritySchemeKind.Bearer } => Runtime + ".ApiAuthentication.Bearer(options.ApiKey)",
        { Kind: SecuritySchemeKind.Basic } => Runtime + ".ApiAuthentication.Basic(options.UserName, options.Password)",
        { Kind: SecuritySchemeKind.ApiKeyHeader } scheme => Runtime + ".ApiAuthentication.ApiKeyHeader(" + Literal.String(scheme.ParameterName ?? "X-API-Key") + ", options.ApiKey)",
        _ => "null",
    };

    private static string CredentialsRemark(ClientSpec client) => client.Security.FirstOrDefault() switch
    {
        { Kind: SecuritySchemeKind.Bearer } => "<see cref=\"global::AutoSend.Runtime.ApiClientOptions.ApiKey\"/> is sent as a bearer token (<c>Authorization: Bearer</c>).",
        { Kind: SecuritySchemeKind.Basic } => "<see cref=\"UserName\"/> and <see cref=\"Password\"/> are sent with HTTP basic authentication.",
        { Kind: SecuritySchemeKind.ApiKeyHeader } scheme => "<see cref=\"global::AutoSend.Runtime.ApiClientOptions.ApiKey\"/> is sent in the <c>" + DocComment.Inline(scheme.ParameterName ?? "X-API-Key") + "</c> header.",
        _ => "The document declares no security scheme the client applies; requests carry no credentials.",
    };
}
