using System.Collections.Generic;
using System.Linq;
using AutoSend.Gen.Helpers;
using AutoSend.Gen.Model;
using AutoSend.Gen.Naming;
using AutoSend.Gen.Parsing;

namespace AutoSend.Gen.Emitting;

/// <summary>
/// Where the HTTP call is made: each operation gets a static descriptor, a private method that builds its request
/// (path, query, headers, cookies, body) and public methods that hand the request to the runtime's
/// <c>ApiConnection</c>: the call itself, a file variant and an all-pages enumerator where the document asks for them.
/// </summary>
internal static class OperationEmitter
{
    private const string Runtime = "global::AutoSend.Runtime";
    private const string Primitives = Runtime + ".Primitives";
    private const string Format = Primitives + ".ApiFormat.Format";

    public static void WriteDescriptors(SourceWriter writer, EmitContext context, OperationGroupSpec? group)
    {
        foreach (OperationSpec operation in group?.Operations ?? EquatableArray<OperationSpec>.Empty)
        {
            string type = DescriptorType(operation);
            var lines = new List<string>
            {
                "private static readonly " + type + " " + DescriptorName(operation) + " = new " + type + "(",
                "        " + Literal.String(operation.OperationId) + ", " + HttpMethod(operation.HttpMethod) + ", " + Literal.String(operation.Path)
                    + (ResultInfo(operation) is { } result ? ", static () => " + context.TypeInfo(result) + ")" : ")"),
            };

            // The metadata is made on first use (static lambdas): a type whose metadata fails fails its own
            // operation's calls, never the static initializer that holds every descriptor of the group.
            lines.AddRange(operation.Errors.Select(error => "    .WithError(" + Literal.String(error.Status) + ", static () => " + context.TypeInfo(error.Type.InfoName) + ")"));
            if (operation.Success.Accept is { } accept)
            {
                lines.Add("    .WithAccept(" + Literal.String(accept) + ")");
            }
            if (operation.RetryAfterPointers.Count > 0)
            {
                lines.Add("    .WithRetryAfterBody(" + string.Join(", ", operation.RetryAfterPointers.Select(Literal.String)) + ")");
            }

            if (operation.Idempotent)
            {
                lines.Add("    .AsIdempotent()");
            }

            if (!operation.Authenticated)
            {
                lines.Add("    .WithoutAuthentication()");
            }

            lines[lines.Count - 1] += ";";
            foreach (string line in lines)
            {
                writer.Line(line);
            }

            writer.Line();
        }
    }

    public static void WriteMethods(SourceWriter writer, EmitContext context, OperationGroupSpec? group)
    {
        if (group is null)
        {
            return;
        }

        // Private request builders share the group's member names with the public methods.
        var members = new NameScope(group.Operations.SelectMany(MethodNames).ToArray());
        foreach (OperationSpec operation in group.Operations)
        {
            string builder = members.Allocate("Create" + operation.MethodName.Substring(0, operation.MethodName.Length - "Async".Length) + "Request");
            writer.Line();
            WriteCall(writer, operation, builder);
            if (operation.FileVariant is { } file)
            {
                writer.Line();
                WriteFileVariant(writer, operation, file, builder);
            }

            if (operation.Pagination is { } pagination)
            {
                writer.Line();
                WritePages(writer, operation, pagination);
            }

            if (operation.Success.Kind == ResponseKind.EventStream)
            {
                writer.Line();
                WriteEvents(writer, operation, builder);
            }

            writer.Line();
            WriteRequestBuilder(writer, context, operation, builder);
        }
    }

    private static IEnumerable<string> MethodNames(OperationSpec operation)
    {
        yield return operation.MethodName;
        if (operation.FileVariant is { } file)
        {
            yield return file.MethodName;
        }

        if (operation.Pagination is { } pagination)
        {
            yield return pagination.MethodName;
        }

        if (operation.Success.Kind == ResponseKind.EventStream)
        {
            yield return EventsMethodName(operation);
        }
    }

    // The method that yields whole server-sent events (data, type, id) beside the one that yields their data.
    private static string EventsMethodName(OperationSpec operation) =>
        operation.MethodName.Substring(0, operation.MethodName.Length - "Async".Length) + "EventsAsync";

    private static void WriteCall(SourceWriter writer, OperationSpec operation, string builder)
    {
        ResponseSpec success = operation.Success;
        WriteDocumentation(writer, operation, success.Description, success.Kind switch
        {
            ResponseKind.None => "A task that completes when the API has answered.",
            ResponseKind.File => "The file, streamed; dispose it to release the connection.",
            ResponseKind.EventStream => "The data of each event as it arrives; the request is sent when the enumeration starts.",
            ResponseKind.JsonLines => "Each value as its line arrives; the request is sent when the enumeration starts.",
            _ => "The response body.",
        });
        string task = "global::System.Threading.Tasks.Task";
        string stream = "global::System.Collections.Generic.IAsyncEnumerable";
        string returnType = success.Kind switch
        {
            ResponseKind.None => task,
            ResponseKind.Json => task + "<" + (success.IsNullable ? success.Type!.NullableName : success.Type!.Name) + ">",
            ResponseKind.File => task + "<" + Runtime + ".ApiFile>",
            ResponseKind.EventStream or ResponseKind.JsonLines => stream + "<" + (success.Type?.Name ?? "string") + ">",
            _ => task + "<string>",
        };
        string call = builder + "(" + Arguments(operation) + "), " + DescriptorName(operation);
        string send = success.Kind switch
        {
            ResponseKind.File => "SendForFileAsync(" + call + ", " + Literal.String(success.MediaType ?? "application/octet-stream") + ", cancellationToken)",
            ResponseKind.Text => "SendForTextAsync(" + call + ", cancellationToken)",
            ResponseKind.Json when success.IsNullable => "SendForNullableAsync(" + call + ", cancellationToken)",
            ResponseKind.EventStream => (success.Type is null ? "StreamTextEventsAsync(" : "StreamEventsAsync(") + call + ", cancellationToken)",
            ResponseKind.JsonLines => "StreamJsonLinesAsync(" + call + ", cancellationToken)",
            _ => "SendAsync(" + call + ", cancellationToken)",
        };
        writer.Line("public " + returnType + " " + operation.MethodName + "(" + Declarations(operation, withCancellation: true) + ")");
        writer.Line("    => _connection." + send + ";");
    }

    private static void WriteEvents(SourceWriter writer, OperationSpec operation, string builder)
    {
        WriteDocumentation(writer, operation, "Each whole event: its data, its type (<c>message</c> when the server names none) and its id.",
            "Each event as it arrives; the request is sent when the enumeration starts.");
        string item = operation.Success.Type?.Name ?? "string";
        writer.Line("public global::System.Collections.Generic.IAsyncEnumerable<global::System.Net.ServerSentEvents.SseItem<" + item + ">> " + EventsMethodName(operation)
            + "(" + Declarations(operation, withCancellation: true) + ")");
        writer.Line("    => _connection." + (operation.Success.Type is null ? "StreamTextEventItemsAsync(" : "StreamEventItemsAsync(") + builder + "(" + Arguments(operation) + "), "
            + DescriptorName(operation) + ", cancellationToken);");
    }

    private static void WriteFileVariant(SourceWriter writer, OperationSpec operation, FileVariantSpec file, string builder)
    {
        WriteDocumentation(writer, operation, "The same call, asking for the " + file.MediaType + " form of the response.",
            "The file, streamed; dispose it to release the connection.");
        writer.Line("public global::System.Threading.Tasks.Task<" + Runtime + ".ApiFile> " + file.MethodName + "(" + Declarations(operation, withCancellation: true) + ")");
        writer.Line("    => _connection.SendForFileAsync(" + builder + "(" + Arguments(operation) + "), " + DescriptorName(operation) + ", " + Literal.String(file.MediaType) + ", cancellationToken);");
    }

    private static void WritePages(SourceWriter writer, OperationSpec operation, PaginationSpec pagination)
    {
        List<ParameterSpec> parameters = operation.Parameters.Where(p => pagination.InBody || p.Name != pagination.PageName).ToList();
        var locals = new NameScope([.. parameters.Select(p => Identifier.Unescape(p.Name)), "cancellationToken", operation.Body?.Name ?? string.Empty]);
        string page = locals.Allocate("page"), response = locals.Allocate("response"), items = locals.Allocate("items"), item = locals.Allocate("item"), pages = locals.Allocate("pages");
        string itemType = pagination.ItemIsNullable ? pagination.ItemType.NullableName : pagination.ItemType.Name;

        DocComment.Summary(writer, null, "Walks every page of <see cref=\"" + operation.MethodName + "\"/>, one request per page, as the items are consumed.");
        DocComment.Remarks(writer, operation.Summary);
        foreach (ParameterSpec parameter in parameters)
        {
            DocComment.Param(writer, parameter.Name, parameter.Description, ParameterFallback(parameter));
        }

        if (operation.Body is { Kind: BodyKind.Json } body)
        {
            DocComment.Param(writer, body.Name, body.Description, pagination.InBody
                ? "The request body; its page number is set for each page, starting at 1."
                : "The request body.");
        }

        DocComment.Param(writer, "cancellationToken", null, "Stops the enumeration and cancels the request in flight.");
        DocComment.Returns(writer, null, "Every item of every page, in order.");
        Attributes.Obsolete(writer, operation.Deprecated, "This operation is deprecated.");
        string declarations = Declarations(operation, withCancellation: false, skip: pagination.InBody ? null : pagination.PageName);
        using (writer.Open("public async global::System.Collections.Generic.IAsyncEnumerable<" + itemType + "> " + pagination.MethodName + "("
            + declarations + (declarations.Length > 0 ? ", " : string.Empty)
            + "[global::System.Runtime.CompilerServices.EnumeratorCancellation] global::System.Threading.CancellationToken cancellationToken = default)"))
        {
            if (pagination.InBody && operation.Body is { IsRequired: true, Type.IsValueType: false })
            {
                writer.Line("global::System.ArgumentNullException.ThrowIfNull(" + operation.Body.Name + ");");
            }

            using (writer.Open("for (int " + page + " = 1; ; " + page + "++)"))
            {
                if (pagination.InBody)
                {
                    writer.Line(operation.Body!.Name + "." + pagination.PageName + " = " + page + ";");
                }

                string arguments = Arguments(operation, replace: pagination.InBody ? null : (pagination.PageName, page));
                writer.Line("var " + response + " = await " + operation.MethodName + "(" + arguments + (arguments.Length > 0 ? ", " : string.Empty) + "cancellationToken).ConfigureAwait(false);");
                writer.Line("var " + items + " = " + response + Path(pagination.ItemsPath) + ";");
                using (writer.Open("if (" + items + " is null || " + items + ".Count == 0)"))
                {
                    writer.Line("yield break;");
                }

                writer.Line();
                using (writer.Open("foreach (var " + item + " in " + items + ")"))
                {
                    writer.Line("yield return " + item + ";");
                }

                if (pagination.TotalPagesPath.Count > 0)
                {
                    writer.Line();
                    using (writer.Open("if (" + response + Path(pagination.TotalPagesPath) + " is { } " + pages + " && " + page + " >= " + pages + ")"))
                    {
                        writer.Line("yield break;");
                    }
                }
            }
        }
    }

    private static void WriteRequestBuilder(SourceWriter writer, EmitContext context, OperationSpec operation, string builder)
    {
        var scope = new NameScope([.. AllParameters(operation).Select(p => Identifier.Unescape(p.Name)), operation.Body?.Name ?? string.Empty]);
        var locals = new Locals(scope.Allocate("request"), scope.Allocate("query"), scope.Allocate("form"), scope.Allocate("item"), scope.Allocate("entry"));
        string request = locals.Request, query = locals.Query, form = locals.Form;
        using (writer.Open("private global::System.Net.Http.HttpRequestMessage " + builder + "(" + Declarations(operation, withCancellation: false) + ")"))
        {
            foreach (ParameterSpec parameter in AllParameters(operation).Where(p => p.IsRequired && !p.Type.IsValueType))
            {
                writer.Line(parameter.Location == ParameterLocation.Path && parameter.Type.Name == "string"
                    ? "global::System.ArgumentException.ThrowIfNullOrEmpty(" + parameter.Name + ");"
                    : "global::System.ArgumentNullException.ThrowIfNull(" + parameter.Name + ");");
            }

            if (operation.Body is { IsRequired: true, Fields.IsEmpty: true } body && body.Type is { IsValueType: false })
            {
                writer.Line("global::System.ArgumentNullException.ThrowIfNull(" + body.Name + ");");
            }

            List<ParameterSpec> queryParameters = operation.Parameters.Where(p => p.Location == ParameterLocation.Query).ToList();
            if (queryParameters.Count > 0)
            {
                writer.Line("var " + query + " = new " + Primitives + ".ApiQueryBuilder();");
                foreach (ParameterSpec parameter in queryParameters)
                {
                    WhenPresent(writer, parameter, value => WriteQuery(writer, context, locals, parameter, value));
                }
            }

            writer.Line("var " + request + " = _connection.CreateRequest(" + HttpMethod(operation.HttpMethod) + ", " + PathExpression(context, operation, locals)
                + (queryParameters.Count > 0 ? " + " + query + ".ToString()" : string.Empty) + ");");
            foreach (ParameterSpec parameter in operation.Parameters.Where(p => p.Location is ParameterLocation.Header or ParameterLocation.Cookie))
            {
                WhenPresent(writer, parameter, value => writer.Line(parameter.Location == ParameterLocation.Header
                    ? request + ".Headers.TryAddWithoutValidation(" + Literal.String(parameter.WireName) + ", " + HeaderText(context, parameter, value, locals) + ");"
                    : Primitives + ".ApiConnection.AddCookie(" + request + ", " + Literal.String(parameter.WireName) + ", " + CookieText(context, parameter, value, locals) + ");"));
            }

            if (operation.Body is { } requestBody)
            {
                WriteBody(writer, context, requestBody, locals);
            }

            writer.Line("return " + request + ";");
        }
    }

    private static void WriteBody(SourceWriter writer, EmitContext context, RequestBodySpec body, Locals locals)
    {
        string request = locals.Request, form = locals.Form, item = locals.Item;
        if (body.Kind is BodyKind.Multipart or BodyKind.FormUrlEncoded)
        {
            string subtype = body.MediaType.Substring(body.MediaType.IndexOf('/') + 1);
            string start = body.Kind == BodyKind.FormUrlEncoded ? "UrlEncoded()"
                : string.Equals(subtype, "form-data", System.StringComparison.OrdinalIgnoreCase) ? "Multipart()"
                : "Multipart(" + Literal.String(subtype) + ")";
            writer.Line("var " + form + " = " + Primitives + ".ApiFormBuilder." + start + ";");
            foreach (ParameterSpec field in body.Fields)
            {
                string wire = Literal.String(field.WireName);

                // The part's content type and headers from the document's encoding, when it gives any.
                string part = field.PartContentType is null && field.PartHeaders.IsEmpty
                    ? string.Empty
                    : ", " + (field.PartContentType is null ? "null" : Literal.String(field.PartContentType))
                        + string.Concat(field.PartHeaders.Select(h => ", new global::System.Collections.Generic.KeyValuePair<string, string>(" + Literal.String(h.Name) + ", " + Literal.String(h.Value) + ")"));
                WhenPresent(writer, field, value => writer.Line(field.Type.Kind switch
                {
                    TypeKind.File => form + ".Add(" + wire + ", " + value + part + ");",
                    TypeKind.Primitive or TypeKind.Enum => form + ".Add(" + wire + ", " + Text(value, field.Type) + part + ");",
                    TypeKind.List when field.Type.Element!.Kind is TypeKind.Primitive or TypeKind.Enum => "foreach (var " + item + " in " + Items(value, field.Type, item) + ") { " + form + ".Add(" + wire + ", " + item + part + "); }",
                    _ => form + ".AddJson(" + wire + ", " + value + ", " + context.TypeInfo(field.Type.InfoName) + part + ");",
                }));
            }

            writer.Line(request + ".Content = " + form + ".Build();");
            return;
        }

        string content = body.Kind switch
        {
            BodyKind.Json => Primitives + ".ApiContent.Json(" + Value(body.Name, body.Type!, body.IsRequired) + ", " + context.TypeInfo(body.Type!.InfoName)
                + (string.Equals(body.MediaType, "application/json", System.StringComparison.OrdinalIgnoreCase) ? ")" : ", " + Literal.String(body.MediaType) + ")"),
            BodyKind.Binary => Primitives + ".ApiContent.Stream(" + body.Name + ", " + Literal.String(body.MediaType) + ")",
            _ => Primitives + ".ApiContent.Text(" + body.Name + ", " + Literal.String(body.MediaType) + ")",
        };
        if (body.IsRequired)
        {
            writer.Line(request + ".Content = " + content + ";");
            return;
        }

        using (writer.Open("if (" + body.Name + " is not null)"))
        {
            writer.Line(request + ".Content = " + content + ";");
        }

        writer.Line();
    }

    private static void WriteQuery(SourceWriter writer, EmitContext context, Locals locals, ParameterSpec parameter, string value)
    {
        string query = locals.Query, item = locals.Item, entry = locals.Entry;
        string wire = Literal.String(parameter.WireName);
        TypeRef type = parameter.Type;
        string separator = parameter.Style switch { ParameterStyle.SpaceDelimited => " ", ParameterStyle.PipeDelimited => "|", _ => "," };
        switch (type.Kind)
        {
            case TypeKind.List when parameter.Style == ParameterStyle.Form && parameter.Explode:
                writer.Line("foreach (var " + item + " in " + Items(value, type, item) + ") { " + query + ".Add(" + wire + ", " + item + "); }");
                break;
            case TypeKind.List:
                writer.Line(query + ".AddDelimited(" + wire + ", " + Items(value, type, item) + ", " + Literal.String(separator) + ");");
                break;
            case TypeKind.Object or TypeKind.Map when parameter.Style == ParameterStyle.DeepObject || (parameter.Style == ParameterStyle.Form && parameter.Explode):
                // deepObject sends name[key]=value, exploded form sends key=value.
                string key = parameter.Style == ParameterStyle.DeepObject ? Literal.String(parameter.WireName + "[") + " + " + entry + ".Key + \"]\"" : entry + ".Key";
                writer.Line("foreach (var " + entry + " in " + Pairs(context, value, type, entry) + ") { " + query + ".Add(" + key + ", " + entry + ".Value); }");
                break;
            case TypeKind.Object or TypeKind.Map:
                writer.Line(query + ".AddDelimited(" + wire + ", " + Pairs(context, value, type, entry) + ", " + Literal.String(separator) + ");");
                break;
            default:
                writer.Line(query + (parameter.AllowReserved ? ".AddAllowingReserved(" : ".Add(") + wire + ", " + Text(value, type) + ");");
                break;
        }
    }

    private static string HeaderText(EmitContext context, ParameterSpec parameter, string value, Locals locals) => parameter.Type.Kind switch
    {
        TypeKind.List => Primitives + ".ApiStyle.Simple(" + Items(value, parameter.Type, locals.Item) + ", escape: false)",
        TypeKind.Object or TypeKind.Map => Primitives + ".ApiStyle.Simple(" + Pairs(context, value, parameter.Type, locals.Entry) + ", explode: " + Bool(parameter.Explode) + ", escape: false)",
        _ => Text(value, parameter.Type),
    };

    private static string CookieText(EmitContext context, ParameterSpec parameter, string value, Locals locals) => parameter.Type.Kind switch
    {
        TypeKind.List => Primitives + ".ApiStyle.Delimited(" + Items(value, parameter.Type, locals.Item) + ", \",\")",
        TypeKind.Object or TypeKind.Map => Primitives + ".ApiStyle.Delimited(" + Pairs(context, value, parameter.Type, locals.Entry) + ", \",\")",
        _ => Text(value, parameter.Type),
    };

    // A path parameter in its style: simple (escaped), label (.value) or matrix (;name=value).
    private static string PathText(EmitContext context, ParameterSpec parameter, Locals locals)
    {
        string value = parameter.Name, name = Literal.String(parameter.WireName);
        string explode = Bool(parameter.Explode);
        return (parameter.Style, parameter.Type.Kind) switch
        {
            (ParameterStyle.Label, TypeKind.List) => Primitives + ".ApiStyle.Label(" + Items(value, parameter.Type, locals.Item) + ", explode: " + explode + ")",
            (ParameterStyle.Label, TypeKind.Object or TypeKind.Map) => Primitives + ".ApiStyle.Label(" + Pairs(context, value, parameter.Type, locals.Entry) + ", explode: " + explode + ")",
            (ParameterStyle.Label, _) => Primitives + ".ApiStyle.Label(" + Text(value, parameter.Type) + ")",
            (ParameterStyle.Matrix, TypeKind.List) => Primitives + ".ApiStyle.Matrix(" + name + ", " + Items(value, parameter.Type, locals.Item) + ", explode: " + explode + ")",
            (ParameterStyle.Matrix, TypeKind.Object or TypeKind.Map) => Primitives + ".ApiStyle.Matrix(" + name + ", " + Pairs(context, value, parameter.Type, locals.Entry) + ", explode: " + explode + ")",
            (ParameterStyle.Matrix, _) => Primitives + ".ApiStyle.Matrix(" + name + ", " + Text(value, parameter.Type) + ")",
            (_, TypeKind.List) => Primitives + ".ApiStyle.Simple(" + Items(value, parameter.Type, locals.Item) + ", escape: true)",
            (_, TypeKind.Object or TypeKind.Map) => Primitives + ".ApiStyle.Simple(" + Pairs(context, value, parameter.Type, locals.Entry) + ", explode: " + explode + ", escape: true)",
            _ => "global::System.Uri.EscapeDataString(" + Text(value, parameter.Type) + ")",
        };
    }

    /// <summary>The items of a list as wire text (a null item is an empty string).</summary>
    private static string Items(string value, TypeRef type, string item)
    {
        TypeRef element = type.Element!;
        string text = type.ElementIsNullable
            ? item + " is null ? string.Empty : " + Text(element.IsValueType ? item + ".Value" : item, element)
            : Text(item, element);
        return "global::System.Linq.Enumerable.Select(" + value + ", static " + item + " => " + text + ")";
    }

    /// <summary>The properties of a flat object, or the entries of a map, as name/wire-text pairs (null values are left out).</summary>
    private static string Pairs(EmitContext context, string value, TypeRef type, string entry)
    {
        const string pair = "global::System.Collections.Generic.KeyValuePair<string, string?>";
        if (type.Kind == TypeKind.Map)
        {
            TypeRef element = type.Element!;
            string text = type.ElementIsNullable
                ? entry + ".Value is null ? null : " + Text(element.IsValueType ? entry + ".Value.Value" : entry + ".Value", element)
                : Text(entry + ".Value", element);
            return "global::System.Linq.Enumerable.Select(" + value + ", static " + entry + " => new " + pair + "(" + entry + ".Key, " + text + "))";
        }

        IEnumerable<string> properties = context.AllProperties(context.Object(type.Name)).Select(property =>
        {
            string access = value + "." + property.Name;
            string text = property.IsNullable
                ? access + " is null ? null : " + Text(property.Type.IsValueType ? access + ".Value" : access, property.Type)
                : Text(access, property.Type);
            return "new " + pair + "(" + Literal.String(property.JsonName) + ", " + text + ")";
        });
        return "new " + pair + "[] { " + string.Join(", ", properties) + " }";
    }

    private static string Bool(bool value) => value ? "true" : "false";

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

    /// <summary>The wire text of a non-null scalar value.</summary>
    private static string Text(string value, TypeRef type) => type.Kind switch
    {
        TypeKind.Enum => value + ".ToString()",
        TypeKind.Union => Primitives + ".ApiFormat.FormatValue(" + value + ".Value)",
        _ when type.Name == "string" => value,
        _ => Format + "(" + value + ")",
    };

    private static string Value(string name, TypeRef type, bool required) => required || !type.IsValueType ? name : name + ".Value";

    private static string PathExpression(EmitContext context, OperationSpec operation, Locals locals)
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

            parts.Add(PathText(context, operation.Parameters.First(p => p.Location == ParameterLocation.Path && p.WireName == templateName), locals));
            position = start + templateName.Length + 2;
        }

        if (position < path.Length || parts.Count == 0)
        {
            parts.Add(Literal.String(path.Substring(position)));
        }

        return string.Join(" + ", parts);
    }

    private static void WriteDocumentation(SourceWriter writer, OperationSpec operation, string? returns, string returnsFallback)
    {
        DocComment.Summary(writer, operation.Summary ?? operation.Description, "Calls <c>" + DocComment.Inline(operation.OperationId) + "</c>.");
        if (operation.Summary is not null)
        {
            DocComment.Remarks(writer, operation.Description);
        }

        foreach (ParameterSpec parameter in AllParameters(operation))
        {
            DocComment.Param(writer, parameter.Name, parameter.Description, ParameterFallback(parameter));
        }

        if (operation.Body is { Fields.IsEmpty: true } body)
        {
            DocComment.Param(writer, body.Name, body.Description, body.Kind == BodyKind.Binary ? "The bytes to upload." : "The request body.");
        }

        DocComment.Param(writer, "cancellationToken", null, "Cancels the request.");
        DocComment.Returns(writer, returns, returnsFallback);
        foreach (IGrouping<string, ErrorResponseSpec> errors in operation.Errors.GroupBy(e => e.Type.Name))
        {
            // A cref's type argument must be a plain name; JsonNode, lists and maps are named in the text instead.
            bool plainName = Microsoft.CodeAnalysis.CSharp.SyntaxFacts.IsValidIdentifier(errors.Key);
            DocComment.Exception(writer, Runtime + ".ApiException{" + (plainName ? errors.Key : "TError") + "}",
                "The API answered " + string.Join(", ", errors.Select(e => e.Status)) + " with a body of "
                + (plainName ? "this type" : "type <c>" + DocComment.Inline(errors.Key.Replace("global::", string.Empty)) + "</c>") + "; <c>Error</c> holds it.");
        }

        DocComment.Exception(writer, Runtime + ".ApiException",
            "The API answered with an error status, or with a response that is not the documented one.");
        Attributes.Obsolete(writer, operation.Deprecated, "This operation is deprecated.");
    }

    private static string ParameterFallback(ParameterSpec parameter) => parameter.Location == ParameterLocation.FormField
        ? "The <c>" + DocComment.Inline(parameter.WireName) + "</c> field of the form."
        : "The <c>" + DocComment.Inline(parameter.WireName) + "</c> " + parameter.Location.ToString().ToLowerInvariant() + " parameter.";

    /// <summary>Parameters and form fields, in method order: the body (or its fields) after the path parameters when
    /// required, else before the optional parameters.</summary>
    private static List<ParameterSpec> AllParameters(OperationSpec operation)
    {
        var result = new List<ParameterSpec>(operation.Parameters);
        if (operation.Body is { Fields.IsEmpty: false } body)
        {
            int requiredEnd = result.FindIndex(p => !p.IsRequired);
            result.InsertRange(requiredEnd < 0 ? result.Count : requiredEnd, body.Fields.Where(f => f.IsRequired));
            result.AddRange(body.Fields.Where(f => !f.IsRequired));
        }

        return result;
    }

    private static string Declarations(OperationSpec operation, bool withCancellation, string? skip = null)
    {
        List<string> declarations = [];
        RequestBodySpec? body = operation.Body is { Fields.IsEmpty: true } single ? single : null;
        bool bodyWritten = body is null;
        foreach (ParameterSpec parameter in AllParameters(operation))
        {
            if (!bodyWritten && ((body!.IsRequired && parameter.Location != ParameterLocation.Path) || (!body.IsRequired && !parameter.IsRequired)))
            {
                declarations.Add(BodyDeclaration(body));
                bodyWritten = true;
            }

            if (parameter.Name != skip)
            {
                declarations.Add(parameter.IsRequired ? parameter.Type.Name + " " + parameter.Name : parameter.Type.NullableName + " " + parameter.Name + " = null");
            }
        }

        if (!bodyWritten)
        {
            declarations.Add(BodyDeclaration(body!));
        }

        if (withCancellation)
        {
            declarations.Add("global::System.Threading.CancellationToken cancellationToken = default");
        }

        return string.Join(", ", declarations);
    }

    private static string Arguments(OperationSpec operation, (string Name, string Value)? replace = null)
    {
        var names = new List<string>();
        RequestBodySpec? body = operation.Body is { Fields.IsEmpty: true } single ? single : null;
        bool bodyWritten = body is null;
        foreach (ParameterSpec parameter in AllParameters(operation))
        {
            if (!bodyWritten && ((body!.IsRequired && parameter.Location != ParameterLocation.Path) || (!body.IsRequired && !parameter.IsRequired)))
            {
                names.Add(body.Name);
                bodyWritten = true;
            }

            names.Add(replace is { } r && r.Name == parameter.Name ? r.Value : parameter.Name);
        }

        if (!bodyWritten)
        {
            names.Add(body!.Name);
        }

        return string.Join(", ", names);
    }

    private static string BodyDeclaration(RequestBodySpec body) =>
        body.IsRequired ? body.Type!.Name + " " + body.Name : body.Type!.NullableName + " " + body.Name + " = null";

    private static string Path(EquatableArray<PathStep> steps)
    {
        var text = new System.Text.StringBuilder();
        bool maybeNull = false;
        foreach (PathStep step in steps)
        {
            text.Append(maybeNull ? "?." : ".").Append(step.Name);
            maybeNull |= step.IsNullable;
        }

        return text.ToString();
    }

    /// <summary>The names of the locals of a request builder, chosen not to clash with its parameters.</summary>
    private sealed record Locals(string Request, string Query, string Form, string Item, string Entry);

    private static string DescriptorType(OperationSpec operation) => ResultInfo(operation) is null
        ? Primitives + ".ApiOperation"
        : Primitives + ".ApiOperation<" + (operation.Success is { IsNullable: true, Type.IsValueType: true } ? operation.Success.Type.NullableName : operation.Success.Type!.Name) + ">";

    // The context property of the success body's type (of each item, for streams), or null when the body is not JSON.
    private static string? ResultInfo(OperationSpec operation) => operation.Success switch
    {
        { Kind: ResponseKind.Json, IsNullable: true, Type.IsValueType: true } nullable => JsonTypeRegistry.NullableInfoName(nullable.Type!),
        { Kind: ResponseKind.Json or ResponseKind.EventStream or ResponseKind.JsonLines, Type: { } type } => type.InfoName,
        _ => null,
    };

    private static string DescriptorName(OperationSpec operation) =>
        "s_" + char.ToLowerInvariant(operation.MethodName[0]) + operation.MethodName.Substring(1, operation.MethodName.Length - "Async".Length - 1);

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
}
