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
        if (!context.Features.HttpMethodPatch && group is not null && group.Operations.Any(o => o.HttpMethod == "PATCH"))
        {
            writer.Line("private static readonly " + Bcl.HttpMethod + " " + RequestBuilderEmitter.PatchField + " = new " + Bcl.HttpMethod + "(\"PATCH\");");
            writer.Line();
        }

        foreach (OperationSpec operation in group?.Operations ?? EquatableArray<OperationSpec>.Empty)
        {
            string type = ResponseKinds.DescriptorType(context, operation.Success);
            writer.Line("private static " + type + "? " + FieldName(operation) + ";");
            writer.Line();
            var lines = new List<string>
            {
                "private static " + type + " " + DescriptorName(operation) + " => " + FieldName(operation) + " ??= new " + type + "(",
                "        " + Literal.String(operation.OperationId) + ", " + RequestBuilderEmitter.HttpMethod(context, operation.HttpMethod) + ", " + Literal.String(operation.Path)
                    + (ResponseKinds.ResultInfo(operation.Success) is { } result ? ", static () => " + context.TypeInfo(result) + ")" : ")"),
            };

            // Each descriptor is made on its operation's first call, and its metadata on first use (static lambdas):
            // a program keeps (after trimming) and builds only the descriptors and metadata of what it calls, and a
            // type whose metadata fails fails its own operation's calls only.
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

    /// <summary>Writes the methods of a group's operations into one of the four types that carry them.</summary>
    /// <param name="writer">The writer, inside the type's body.</param>
    /// <param name="context">The emit context.</param>
    /// <param name="group">The group, or null for none.</param>
    /// <param name="set">The class, its interface, its raw mirror or the mirror's interface.</param>
    public static void WriteMethods(SourceWriter writer, EmitContext context, OperationGroupSpec? group, MethodSet set = MethodSet.Class)
    {
        bool first = true;
        foreach (OperationSpec operation in group?.Operations ?? EquatableArray<OperationSpec>.Empty)
        {
            // A raw mirror has the calls that return a task: a streamed response (events, JSON lines) and the
            // all-pages walks have no single response to return.
            if (set.IsRaw() && !ResponseKinds.HasRawForm(operation.Success))
            {
                continue;
            }

            Separate(writer, set, ref first);
            WriteCall(writer, context, operation, set);
            if (operation.FileVariant is { } file)
            {
                writer.Line();
                WriteFileVariant(writer, context, operation, file, set);
            }

            if (set.IsRaw())
            {
                continue;
            }

            // Page walks are async iterators: below C# 8, or without IAsyncEnumerable, there are none (docs/generator.md).
            if (operation.Pagination is { } pagination && context.Features.AsyncStreams)
            {
                writer.Line();
                PaginationEmitter.Write(writer, context, operation, pagination, set.IsDeclaration());
            }

            if (operation.Success.Kind == ResponseKind.EventStream)
            {
                writer.Line();
                WriteEvents(writer, context, operation, set.IsDeclaration());
            }

            if (set == MethodSet.Class)
            {
                writer.Line();
                RequestBuilderEmitter.Write(writer, context, operation);
            }
        }
    }

    // A blank line between members; the mirror's interface starts with its first method (nothing precedes it).
    private static void Separate(SourceWriter writer, MethodSet set, ref bool first)
    {
        if (!first || set != MethodSet.RawInterface)
        {
            writer.Line();
        }

        first = false;
    }

    /// <summary>The static field that describes an operation to the runtime, e.g. <c>s_resume</c> for <c>ResumeAsync</c>.</summary>
    public static string DescriptorName(OperationSpec operation) =>
        operation.MethodName.Substring(0, operation.MethodName.Length - "Async".Length) + "Descriptor";

    // The field that holds the descriptor once it is made.
    private static string FieldName(OperationSpec operation) =>
        "s_" + char.ToLowerInvariant(operation.MethodName[0]) + operation.MethodName.Substring(1, operation.MethodName.Length - "Async".Length - 1);

    private static void WriteCall(SourceWriter writer, EmitContext context, OperationSpec operation, MethodSet set)
    {
        ResponseSpec success = operation.Success;
        string returnType = set.IsRaw() ? ResponseKinds.RawReturnType(context, success) : ResponseKinds.ReturnType(context, success);
        (string? returns, string fallback) = set.IsRaw()
            ? (null, ResponseKinds.RawReturns(success.Kind))
            : (success.Description, ResponseKinds.ReturnsFallback(success.Kind));
        WriteShortOverload(writer, context, operation, operation.MethodName, returnType, returns, fallback, set.IsDeclaration());
        writer.Line();
        WriteDocumentation(writer, context, operation, returns, fallback, set.IsDeclaration());
        string signature = returnType + " " + operation.MethodName + "(" + Signatures.Declarations(context, operation, includeToken: true) + ")";
        if (set.IsDeclaration())
        {
            writer.Line(signature + ";");
            return;
        }

        string owner = set == MethodSet.RawClass ? RawOwner + "." : string.Empty;
        string request = owner + operation.RequestBuilderName + "(" + Signatures.Arguments(operation, includeToken: false) + ")";
        writer.Line("public " + signature);
        writer.Line("    => " + owner + "_connection." + (set == MethodSet.RawClass
            ? ResponseKinds.RawSend(context, success, request, DescriptorName(operation))
            : ResponseKinds.Send(success, request, DescriptorName(operation))) + ";");
    }

    /// <summary>The field of a raw mirror that holds the group (or client) whose connection and request builders it uses.</summary>
    public const string RawOwner = "_client";

    // Server-sent events: beside the method that yields each event's data, one that yields whole events (data, type, id).
    private static void WriteEvents(SourceWriter writer, EmitContext context, OperationSpec operation, bool declaration)
    {
        WriteDocumentation(writer, context, operation, "Each whole event: its data, its type (<c>message</c> when the server names none) and its id.",
            "Each event as it arrives; the request is sent when the enumeration starts.", declaration);
        string request = operation.RequestBuilderName + "(" + Signatures.Arguments(operation, includeToken: false) + ")";
        string item = Bcl.SseItem + "<" + ResponseKinds.ItemType(context, operation.Success) + ">";
        string signature = Bcl.IAsyncEnumerable + "<" + item + "> " + EventsMethodName(operation) + "(" + Signatures.Declarations(context, operation, includeToken: true) + ")";
        if (declaration)
        {
            writer.Line(signature + ";");
            return;
        }

        writer.Line("public " + signature);
        writer.Line("    => _connection." + (operation.Success.Type is null ? "StreamTextEventItemsAsync(" : "StreamEventItemsAsync(") + request + ", "
            + DescriptorName(operation) + ", " + SignatureParameter.CancellationTokenName + ");");
    }

    /// <summary>The method that yields whole server-sent events: <c>StreamTicksEventsAsync</c> for <c>StreamTicksAsync</c>.</summary>
    private static string EventsMethodName(OperationSpec operation) =>
        operation.MethodName.Substring(0, operation.MethodName.Length - "Async".Length) + "EventsAsync";

    private static void WriteFileVariant(SourceWriter writer, EmitContext context, OperationSpec operation, FileVariantSpec file, MethodSet set)
    {
        var response = new ResponseSpec(ResponseKind.File, null, file.MediaType, null);
        string returns = "The same call, asking for the " + file.MediaType + " form of the response"
            + (set.IsRaw() ? ", with the response's status code and headers." : ".");
        string returnType = set.IsRaw() ? ResponseKinds.RawReturnType(context, response) : ResponseKinds.ReturnType(context, response);
        WriteShortOverload(writer, context, operation, file.MethodName, returnType, returns, ResponseKinds.ReturnsFallback(ResponseKind.File), set.IsDeclaration());
        writer.Line();
        WriteDocumentation(writer, context, operation, returns, ResponseKinds.ReturnsFallback(ResponseKind.File), set.IsDeclaration());
        string signature = returnType + " " + file.MethodName + "(" + Signatures.Declarations(context, operation, includeToken: true) + ")";
        if (set.IsDeclaration())
        {
            writer.Line(signature + ";");
            return;
        }

        string owner = set == MethodSet.RawClass ? RawOwner + "." : string.Empty;
        string request = owner + operation.RequestBuilderName + "(" + Signatures.Arguments(operation, includeToken: false) + ")";
        writer.Line("public " + signature);
        writer.Line("    => " + owner + "_connection." + (set == MethodSet.RawClass
            ? ResponseKinds.RawSend(context, response, request, DescriptorName(operation))
            : ResponseKinds.Send(response, request, DescriptorName(operation))) + ";");
    }

    /// <summary>
    /// The short overload: the required arguments and a token without a default, so that <c>XAsync(id, token)</c>
    /// compiles whatever optional parameters the operation has; it calls the long overload.
    /// </summary>
    public static void WriteShortOverload(SourceWriter writer, EmitContext context, OperationSpec operation, string methodName, string returnType, string? returns, string returnsFallback,
        bool declaration)
    {
        if (declaration)
        {
            DocComment.Summary(writer, operation.Summary ?? operation.Description, "Calls <c>" + DocComment.Inline(operation.OperationId) + "</c>.");
            writer.Line("/// <remarks>The optional arguments and per-call request options are parameters of the other overload.</remarks>");
            WriteParameterDocs(writer, operation, skip: null, "The request body.", "Cancels the request.", requiredOnly: true);
            DocComment.Returns(writer, returns, returnsFallback);
            DocComment.Exception(writer, Runtime.ApiException, "The API answered with an error status, or with a response that is not the documented one.");
        }
        else
        {
            DocComment.Inherited(writer);
        }

        Attributes.Obsolete(writer, operation.Deprecated, "This operation is deprecated.");
        string signature = returnType + " " + methodName + "(" + Signatures.ShortDeclarations(context, operation) + ")";
        if (declaration)
        {
            writer.Line(signature + ";");
            return;
        }

        writer.Line("public " + signature);
        writer.Line("    => " + methodName + "(" + Signatures.ForwardArguments(operation) + ");");
    }

    // The interfaces carry the documentation; the classes that implement them inherit it.
    private static void WriteDocumentation(SourceWriter writer, EmitContext context, OperationSpec operation, string? returns, string returnsFallback, bool declaration)
    {
        if (declaration)
        {
            WriteFullDocumentation(writer, context, operation, returns, returnsFallback);
        }
        else
        {
            DocComment.Inherited(writer);
        }

        Attributes.Obsolete(writer, operation.Deprecated, "This operation is deprecated.");
    }

    private static void WriteFullDocumentation(SourceWriter writer, EmitContext context, OperationSpec operation, string? returns, string returnsFallback)
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
