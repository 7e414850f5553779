using System.Linq;
using System.Text;
using AutoSend.Gen.Helpers;
using AutoSend.Gen.Model;
using AutoSend.Gen.Naming;
using static AutoSend.Gen.Emitting.KnownTypes;

namespace AutoSend.Gen.Emitting;

/// <summary>
/// Writes the page walk of a paginated operation: <c>&lt;Method&gt;PagesAsync</c> yields each response as it comes,
/// following the page number, cursor, last id, next-link field or <c>Link</c> header the operation pages by, and
/// <c>&lt;Method&gt;AllAsync</c> yields the items of those pages.
/// </summary>
internal static class PaginationEmitter
{
    /// <summary>Writes both walks, each as two overloads; <paramref name="declaration"/> writes them for an interface, without bodies.</summary>
    public static void Write(SourceWriter writer, EmitContext context, OperationSpec operation, PaginationSpec pagination, bool declaration = false)
    {
        WritePages(writer, context, operation, pagination, declaration);
        writer.Line();
        WriteItems(writer, context, operation, pagination, declaration);
    }

    private static void WritePages(SourceWriter writer, EmitContext context, OperationSpec operation, PaginationSpec pagination, bool declaration)
    {
        // The walk sets the page-moving parameter itself, unless it travels in the body the caller passes.
        string? skip = pagination.InBody ? null : pagination.PageName;
        var locals = new NameScope([.. Signatures.Names(operation, includeToken: true).Where(n => n != skip).Select(Identifier.Unescape)]);
        string page = locals.Allocate("page"), response = locals.Allocate("response"), items = locals.Allocate("items"), pages = locals.Allocate("pages"),
            cursor = locals.Allocate("cursor"), next = locals.Allocate("next"), request = locals.Allocate("request"), last = locals.Allocate("last");
        string responseType = context.TypeName(operation.Success.Type!);

        WriteShort(writer, context, operation, skip, pagination.PagesMethodName, Bcl.IAsyncEnumerable + "<" + responseType + ">",
            "Walks the pages of <c>" + operation.MethodName + "</c> (" + Describe(pagination.Kind) + "), one request per page, as the pages are consumed.", "Each page's response, in order.",
            declaration);
        if (declaration)
        {
            DocComment.Summary(writer, null, "Walks the pages of <c>" + operation.MethodName + "</c> (" + Describe(pagination.Kind) + "), one request per page, as the pages are consumed.");
            DocComment.Remarks(writer, operation.Summary);
            OperationEmitter.WriteParameterDocs(writer, operation, skip,
                pagination.InBody ? "The request body; its page number is set for each page, starting at 1." : "The request body.",
                "Stops the walk and cancels the request in flight.");
            DocComment.Returns(writer, null, "Each page's response, in order.");
        }
        else
        {
            DocComment.Inherited(writer);
        }

        Attributes.Obsolete(writer, operation.Deprecated, "This operation is deprecated.");
        if (declaration)
        {
            // [EnumeratorCancellation] belongs on the iterator that implements it (CS8424 elsewhere).
            writer.Line(Bcl.IAsyncEnumerable + "<" + responseType + "> " + pagination.PagesMethodName + "(" + Signatures.Declarations(context, operation, includeToken: true, skip) + ");");
            return;
        }

        string declarations = Signatures.Declarations(context, operation, includeToken: true, skip, "[" + Bcl.EnumeratorCancellationAttribute + "] ");
        using (writer.Open("public async " + Bcl.IAsyncEnumerable + "<" + responseType + "> " + pagination.PagesMethodName + "(" + declarations + ")"))
        {
            if (pagination.InBody && operation.Body is { IsRequired: true, Type.IsValueType: false })
            {
                writer.Line(context.ThrowIfNull(operation.Body.Name));
            }

            switch (pagination.Kind)
            {
                case PagingKind.PageNumber:
                    using (writer.Open("for (int " + page + " = 1; ; " + page + "++)"))
                    {
                        if (pagination.InBody)
                        {
                            writer.Line(operation.Body!.Name + "." + pagination.PageName + " = " + page + ";");
                        }

                        Call(writer, operation, skip, page, response);
                        writer.Line("var " + items + " = " + response + Path(pagination.ItemsPath) + ";");
                        using (writer.Open("if (" + items + " is null || " + items + ".Count == 0" + (pagination.TotalPagesPath.Count > 0 ? " || (" + response + Path(pagination.TotalPagesPath) + " is { } " + pages + " && " + page + " >= " + pages + ")" : string.Empty) + ")"))
                        {
                            writer.Line("yield break;");
                        }
                    }

                    break;
                case PagingKind.Cursor:
                case PagingKind.LastItemId:
                    writer.Line("string? " + cursor + " = null;");
                    using (writer.Open("while (true)"))
                    {
                        Call(writer, operation, skip, cursor, response);
                        if (pagination.Kind == PagingKind.Cursor)
                        {
                            writer.Line("var " + next + " = " + response + Path(pagination.NextPath) + ";");
                        }
                        else
                        {
                            writer.Line("var " + items + " = " + response + Path(pagination.ItemsPath) + ";");
                            using (writer.Open("if (" + response + Path(pagination.NextPath) + " != true || " + items + " is null || " + items + ".Count == 0)"))
                            {
                                writer.Line("yield break;");
                            }

                            writer.Line();
                            writer.Line("var " + next + " = " + items + "[" + items + ".Count - 1]" + (pagination.ItemIsNullable ? "?" : string.Empty) + Path(pagination.ItemIdPath) + ";");
                        }

                        // A repeated cursor would walk the same page forever.
                        using (writer.Open("if (string.IsNullOrEmpty(" + next + ") || " + next + " == " + cursor + ")"))
                        {
                            writer.Line("yield break;");
                        }

                        writer.Line();
                        writer.Line(cursor + " = " + next + ";");
                    }

                    break;
                default:
                    string descriptor = OperationEmitter.DescriptorName(operation);
                    writer.Line("var " + request + " = " + operation.RequestBuilderName + "(" + Signatures.Arguments(operation, includeToken: false) + ");");
                    using (writer.Open("while (true)"))
                    {
                        writer.Line("var " + page + " = await _connection.SendForPageAsync(" + request + ", " + descriptor + ", cancellationToken).ConfigureAwait(false);");
                        writer.Line("yield return " + page + ".Value;");
                        string link = pagination.Kind == PagingKind.LinkHeader ? page + ".NextLink?.AbsoluteUri" : page + ".Value" + Path(pagination.NextPath);
                        // The next link is a string; C# 8 (page walks need it) has neither not nor relational patterns.
                        using (writer.Open("if (" + (context.Features.CSharp9
                            ? link + " is not { Length: > 0 } " + next
                            : "!(" + link + " is string " + next + " && " + next + ".Length > 0)") + ")"))
                        {
                            writer.Line("yield break;");
                        }

                        writer.Line();
                        writer.Line(request + " = _connection.CreateLinkRequest(" + Bcl.HttpMethod + ".Get, " + next + ", " + page + ".RequestUri, " + descriptor + ");");
                    }

                    break;
            }
        }
    }

    // The short overload (README, "Calling an operation"): the required arguments and a token without a default.
    private static void WriteShort(SourceWriter writer, EmitContext context, OperationSpec operation, string? skip, string methodName, string returnType, string summary, string returns,
        bool declaration)
    {
        if (declaration)
        {
            DocComment.Summary(writer, null, summary);
            writer.Line("/// <remarks>The optional arguments and per-call request options are parameters of the other overload.</remarks>");
            OperationEmitter.WriteParameterDocs(writer, operation, skip, "The request body.", "Stops the walk and cancels the request in flight.", requiredOnly: true);
            DocComment.Returns(writer, null, returns);
        }
        else
        {
            DocComment.Inherited(writer);
        }

        Attributes.Obsolete(writer, operation.Deprecated, "This operation is deprecated.");
        string signature = returnType + " " + methodName + "(" + Signatures.ShortDeclarations(context, operation, skip) + ")";
        if (declaration)
        {
            writer.Line(signature + ";");
        }
        else
        {
            writer.Line("public " + signature);
            writer.Line("    => " + methodName + "(" + Signatures.ForwardArguments(operation, skip) + ");");
        }

        writer.Line();
    }

    private static void WriteItems(SourceWriter writer, EmitContext context, OperationSpec operation, PaginationSpec pagination, bool declaration)
    {
        string? skip = pagination.InBody ? null : pagination.PageName;
        var locals = new NameScope([.. Signatures.Names(operation, includeToken: true).Where(n => n != skip).Select(Identifier.Unescape)]);
        string response = locals.Allocate("response"), items = locals.Allocate("items"), item = locals.Allocate("item");

        WriteShort(writer, context, operation, skip, pagination.MethodName, Bcl.IAsyncEnumerable + "<" + context.TypeName(pagination.ItemType, pagination.ItemIsNullable) + ">",
            "Walks every item of every page of <c>" + operation.MethodName + "</c>, one request per page, as the items are consumed.", "Every item of every page, in order.",
            declaration);
        if (declaration)
        {
            DocComment.Summary(writer, null, "Walks every item of every page of <c>" + operation.MethodName + "</c>, one request per page, as the items are consumed.");
            DocComment.Remarks(writer, operation.Summary);
            OperationEmitter.WriteParameterDocs(writer, operation, skip,
                pagination.InBody ? "The request body; its page number is set for each page, starting at 1." : "The request body.",
                "Stops the enumeration and cancels the request in flight.");
            DocComment.Returns(writer, null, "Every item of every page, in order.");
        }
        else
        {
            DocComment.Inherited(writer);
        }

        Attributes.Obsolete(writer, operation.Deprecated, "This operation is deprecated.");
        string itemType = context.TypeName(pagination.ItemType, pagination.ItemIsNullable);
        if (declaration)
        {
            writer.Line(Bcl.IAsyncEnumerable + "<" + itemType + "> " + pagination.MethodName + "(" + Signatures.Declarations(context, operation, includeToken: true, skip) + ");");
            return;
        }

        string declarations = Signatures.Declarations(context, operation, includeToken: true, skip, "[" + Bcl.EnumeratorCancellationAttribute + "] ");
        using (writer.Open("public async " + Bcl.IAsyncEnumerable + "<" + itemType + "> " + pagination.MethodName + "(" + declarations + ")"))
        {
            string arguments = Signatures.Arguments(operation, includeToken: true, replace: skip is null ? null : (skip, "<skip>"));
            arguments = string.Join(", ", arguments.Split(new[] { ", " }, System.StringSplitOptions.None).Where(a => a != "<skip>"));
            // The extension method is called as a static one: generated code has no using directives.
            using (writer.Open("await foreach (var " + response + " in global::System.Threading.Tasks.TaskAsyncEnumerableExtensions.ConfigureAwait(" + pagination.PagesMethodName + "(" + arguments + "), false))"))
            {
                if (pagination.ItemsPath.Count == 0)
                {
                    writer.Line("var " + items + " = " + response + ";");
                }
                else
                {
                    writer.Line("var " + items + " = " + response + Path(pagination.ItemsPath) + ";");
                    using (writer.Open("if (" + items + " is null)"))
                    {
                        writer.Line("continue;");
                    }

                    writer.Line();
                }

                using (writer.Open("foreach (var " + item + " in " + items + ")"))
                {
                    writer.Line("yield return " + item + ";");
                }
            }
        }
    }

    // One call of the operation with the walk's value in place of the parameter it sets.
    private static void Call(SourceWriter writer, OperationSpec operation, string? skip, string value, string response)
    {
        string arguments = Signatures.Arguments(operation, includeToken: true, replace: skip is null ? null : (skip, value));
        writer.Line("var " + response + " = await " + operation.MethodName + "(" + arguments + ").ConfigureAwait(false);");
        if (operation.Success.IsNullable)
        {
            // A page without a body (a declared 204) ends the walk.
            using (writer.Open("if (" + response + " is null)"))
            {
                writer.Line("yield break;");
            }

            writer.Line();
        }

        writer.Line("yield return " + response + ";");
    }

    private static string Describe(PagingKind kind) => kind switch
    {
        PagingKind.LinkHeader => "the <c>Link</c> header's next page",
        PagingKind.NextLink => "the next-page link in the body",
        PagingKind.Cursor => "the cursor in the body",
        PagingKind.LastItemId => "after the last item while there are more",
        _ => "page 1, 2, ...",
    };

    // Member access along the steps, with ?. after a step that may be null.
    private static string Path(EquatableArray<PathStep> steps)
    {
        var text = new StringBuilder();
        bool maybeNull = false;
        foreach (PathStep step in steps)
        {
            text.Append(maybeNull ? "?." : ".").Append(step.Name);
            maybeNull |= step.IsNullable;
        }

        return text.ToString();
    }
}
