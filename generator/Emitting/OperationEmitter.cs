using System.Collections.Generic;
using System.Linq;
using AutoSend.Gen.Helpers;
using AutoSend.Gen.Model;
using static AutoSend.Gen.Emitting.KnownTypes;

namespace AutoSend.Gen.Emitting;

/// <summary>
/// Where the HTTP call is made: each operation gets a static descriptor, public methods that hand a request to the
/// runtime's <c>ApiConnection</c> (the call itself, a file variant and an all-pages enumerator where the document
/// asks for them; see <see cref="PaginationEmitter"/>), and a private method that builds the request
/// (<see cref="RequestBuilderEmitter"/>).
/// </summary>
internal static class OperationEmitter
{
    public static void WriteDescriptors(SourceWriter writer, EmitContext context, OperationGroupSpec? group)
    {
        foreach (OperationSpec operation in group?.Operations ?? EquatableArray<OperationSpec>.Empty)
        {
            string type = ResponseKinds.DescriptorType(context, operation.Success);
            var lines = new List<string>
            {
                "private static readonly " + type + " " + DescriptorName(operation) + " = new " + type + "(",
                "        " + Literal.String(operation.OperationId) + ", " + RequestBuilderEmitter.HttpMethod(operation.HttpMethod) + ", " + Literal.String(operation.Path)
                    + (ResponseKinds.ResultInfo(operation.Success) is { } result ? ", static () => " + context.TypeInfo(result) + ")" : ")"),
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
            else if (operation.Security is { } security)
            {
                lines.Add("    .WithSecurity(" + SecurityEmitter.Alternatives(security) + ")");
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
        foreach (OperationSpec operation in group?.Operations ?? EquatableArray<OperationSpec>.Empty)
        {
            writer.Line();
            WriteCall(writer, context, operation);
            if (operation.FileVariant is { } file)
            {
                writer.Line();
                WriteFileVariant(writer, context, operation, file);
            }

            if (operation.Pagination is { } pagination)
            {
                writer.Line();
                PaginationEmitter.Write(writer, context, operation, pagination);
            }

            if (operation.Success.Kind == ResponseKind.EventStream)
            {
                writer.Line();
                WriteEvents(writer, context, operation);
            }

            writer.Line();
            RequestBuilderEmitter.Write(writer, context, operation);
        }
    }

    /// <summary>The static field that describes an operation to the runtime, e.g. <c>s_resume</c> for <c>ResumeAsync</c>.</summary>
    public static string DescriptorName(OperationSpec operation) =>
        "s_" + char.ToLowerInvariant(operation.MethodName[0]) + operation.MethodName.Substring(1, operation.MethodName.Length - "Async".Length - 1);

    private static void WriteCall(SourceWriter writer, EmitContext context, OperationSpec operation)
    {
        string returnType = ResponseKinds.ReturnType(context, operation.Success);
        WriteShortOverload(writer, context, operation, operation.MethodName, returnType, operation.Success.Description, ResponseKinds.ReturnsFallback(operation.Success.Kind));
        writer.Line();
        WriteDocumentation(writer, context, operation, operation.Success.Description, ResponseKinds.ReturnsFallback(operation.Success.Kind));
        string request = operation.RequestBuilderName + "(" + Signatures.Arguments(operation, includeToken: false) + ")";
        writer.Line("public " + returnType + " " + operation.MethodName + "(" + Signatures.Declarations(context, operation, includeToken: true) + ")");
        writer.Line("    => _connection." + ResponseKinds.Send(operation.Success, request, DescriptorName(operation)) + ";");
    }

    // Server-sent events: beside the method that yields each event's data, one that yields whole events (data, type, id).
    private static void WriteEvents(SourceWriter writer, EmitContext context, OperationSpec operation)
    {
        WriteDocumentation(writer, context, operation, "Each whole event: its data, its type (<c>message</c> when the server names none) and its id.",
            "Each event as it arrives; the request is sent when the enumeration starts.");
        string request = operation.RequestBuilderName + "(" + Signatures.Arguments(operation, includeToken: false) + ")";
        string item = Bcl.SseItem + "<" + ResponseKinds.ItemType(context, operation.Success) + ">";
        writer.Line("public " + Bcl.IAsyncEnumerable + "<" + item + "> " + EventsMethodName(operation) + "(" + Signatures.Declarations(context, operation, includeToken: true) + ")");
        writer.Line("    => _connection." + (operation.Success.Type is null ? "StreamTextEventItemsAsync(" : "StreamEventItemsAsync(") + request + ", "
            + DescriptorName(operation) + ", " + SignatureParameter.CancellationTokenName + ");");
    }

    /// <summary>The method that yields whole server-sent events: <c>StreamTicksEventsAsync</c> for <c>StreamTicksAsync</c>.</summary>
    private static string EventsMethodName(OperationSpec operation) =>
        operation.MethodName.Substring(0, operation.MethodName.Length - "Async".Length) + "EventsAsync";

    private static void WriteFileVariant(SourceWriter writer, EmitContext context, OperationSpec operation, FileVariantSpec file)
    {
        string returns = "The same call, asking for the " + file.MediaType + " form of the response.";
        string returnType = Bcl.Task + "<" + Runtime.ApiFile + ">";
        WriteShortOverload(writer, context, operation, file.MethodName, returnType, returns, ResponseKinds.ReturnsFallback(ResponseKind.File));
        writer.Line();
        WriteDocumentation(writer, context, operation, returns, ResponseKinds.ReturnsFallback(ResponseKind.File));
        string request = operation.RequestBuilderName + "(" + Signatures.Arguments(operation, includeToken: false) + ")";
        writer.Line("public " + returnType + " " + file.MethodName + "(" + Signatures.Declarations(context, operation, includeToken: true) + ")");
        writer.Line("    => _connection." + ResponseKinds.Send(new ResponseSpec(ResponseKind.File, null, file.MediaType, null), request, DescriptorName(operation)) + ";");
    }

    /// <summary>
    /// The short overload: the required arguments and a token without a default, so that <c>XAsync(id, token)</c>
    /// compiles whatever optional parameters the operation has; it calls the long overload.
    /// </summary>
    public static void WriteShortOverload(SourceWriter writer, EmitContext context, OperationSpec operation, string methodName, string returnType, string? returns, string returnsFallback)
    {
        DocComment.Summary(writer, operation.Summary ?? operation.Description, "Calls <c>" + DocComment.Inline(operation.OperationId) + "</c>.");
        writer.Line("/// <remarks>The optional arguments and per-call request options are parameters of the other overload.</remarks>");
        WriteParameterDocs(writer, operation, skip: null, "The request body.", "Cancels the request.", requiredOnly: true);
        DocComment.Returns(writer, returns, returnsFallback);
        DocComment.Exception(writer, Runtime.ApiException, "The API answered with an error status, or with a response that is not the documented one.");
        Attributes.Obsolete(writer, operation.Deprecated, "This operation is deprecated.");
        writer.Line("public " + returnType + " " + methodName + "(" + Signatures.ShortDeclarations(context, operation) + ")");
        writer.Line("    => " + methodName + "(" + Signatures.ForwardArguments(operation) + ");");
    }

    private static void WriteDocumentation(SourceWriter writer, EmitContext context, OperationSpec operation, string? returns, string returnsFallback)
    {
        DocComment.Summary(writer, operation.Summary ?? operation.Description, "Calls <c>" + DocComment.Inline(operation.OperationId) + "</c>.");
        if (operation.Summary is not null)
        {
            DocComment.Remarks(writer, operation.Description);
        }

        WriteParameterDocs(writer, operation, skip: null, "The request body.", "Cancels the request.");
        DocComment.Returns(writer, returns, returnsFallback);
        foreach (IGrouping<TypeRef, ErrorResponseSpec> errors in operation.Errors.GroupBy(e => e.Type))
        {
            // A cref's type argument is a type parameter's name; a generated type's name reads as one. JsonNode,
            // lists and maps are named in the text instead.
            TypeRef type = errors.Key;
            DocComment.Exception(writer, Runtime.ApiException + "{" + (type.IsDeclared ? type.Name : "TError") + "}",
                "The API answered " + string.Join(", ", errors.Select(e => e.Status)) + " with a body of "
                + (type.IsDeclared ? "this type" : "type <c>" + DocComment.Inline(KnownTypes.WithoutGlobal(context.DisplayName(type))) + "</c>") + "; <c>Error</c> holds it.");
        }

        DocComment.Exception(writer, Runtime.ApiException,
            "The API answered with an error status, or with a response that is not the documented one.");
        Attributes.Obsolete(writer, operation.Deprecated, "This operation is deprecated.");
    }

    /// <summary>Documents the parameters and form fields, then the body, then the request options and the token (the order of the XML tags does not matter).</summary>
    public static void WriteParameterDocs(SourceWriter writer, OperationSpec operation, string? skip, string bodyFallback, string tokenText, bool requiredOnly = false)
    {
        foreach (ParameterSpec parameter in Signatures.Parameters(operation).Where(p => p.Name != skip && (!requiredOnly || p.IsRequired)))
        {
            string fallback = parameter.Location == ParameterLocation.FormField
                ? "The <c>" + DocComment.Inline(parameter.WireName) + "</c> field of the form."
                : "The <c>" + DocComment.Inline(parameter.WireName) + "</c> " + parameter.Location.ToString().ToLowerInvariant() + " parameter.";
            string notes = (parameter.SharedOption is { } option ? " When null, the client's <c>" + option + "</c> option is sent." : string.Empty)
                + (parameter.DefaultValue is { } defaultValue ? " Default: <c>" + DocComment.Inline(defaultValue) + "</c> (the server's, when the argument is null)." : string.Empty);
            if (notes.Length == 0)
            {
                DocComment.Param(writer, parameter.Name, parameter.Description, fallback);
            }
            else
            {
                DocComment.Param(writer, parameter.Name, null, (parameter.Description is null ? fallback : DocComment.Inline(parameter.Description)) + notes);
            }
        }

        if (operation.Body is { IsSingleParameter: true } body && (!requiredOnly || body.IsRequired))
        {
            DocComment.Param(writer, body.Name, body.Description, body.Kind == BodyKind.Binary ? "The bytes to upload." : bodyFallback);
        }

        if (!requiredOnly)
        {
            DocComment.Param(writer, SignatureParameter.RequestOptionsName, null, "Headers, timeout, retries and idempotency key for this call only; null for the client's settings.");
        }

        DocComment.Param(writer, SignatureParameter.CancellationTokenName, null, tokenText);
    }
}
