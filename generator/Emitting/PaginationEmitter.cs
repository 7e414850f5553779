using System.Linq;
using System.Text;
using AutoSend.Gen.Helpers;
using AutoSend.Gen.Model;
using AutoSend.Gen.Naming;
using static AutoSend.Gen.Emitting.KnownTypes;

namespace AutoSend.Gen.Emitting;

/// <summary>Writes the all-pages method of a paginated operation (<c>x-pagination</c>): an <c>IAsyncEnumerable</c> that calls the operation once per page.</summary>
internal static class PaginationEmitter
{
    public static void Write(SourceWriter writer, EmitContext context, OperationSpec operation, PaginationSpec pagination)
    {
        // The page number is the method's own business unless it travels in the body the caller passes.
        string? skip = pagination.InBody ? null : pagination.PageName;
        var locals = new NameScope([.. Signatures.Names(operation, includeToken: true).Where(n => n != skip).Select(Identifier.Unescape)]);
        string page = locals.Allocate("page"), response = locals.Allocate("response"), items = locals.Allocate("items"), item = locals.Allocate("item"), pages = locals.Allocate("pages");

        DocComment.Summary(writer, null, "Walks every page of <see cref=\"" + operation.MethodName + "\"/>, one request per page, as the items are consumed.");
        DocComment.Remarks(writer, operation.Summary);
        OperationEmitter.WriteParameterDocs(writer, operation, skip,
            pagination.InBody ? "The request body; its page number is set for each page, starting at 1." : "The request body.",
            "Stops the enumeration and cancels the request in flight.");
        DocComment.Returns(writer, null, "Every item of every page, in order.");
        Attributes.Obsolete(writer, operation.Deprecated, "This operation is deprecated.");
        string declarations = Signatures.Declarations(context, operation, includeToken: true, skip, "[" + Bcl.EnumeratorCancellationAttribute + "] ");
        using (writer.Open("public async " + Bcl.IAsyncEnumerable + "<" + context.TypeName(pagination.ItemType, pagination.ItemIsNullable) + "> " + pagination.MethodName + "(" + declarations + ")"))
        {
            if (pagination.InBody && operation.Body is { IsRequired: true, Type.IsValueType: false })
            {
                writer.Line(Bcl.ArgumentNullException + ".ThrowIfNull(" + operation.Body.Name + ");");
            }

            using (writer.Open("for (int " + page + " = 1; ; " + page + "++)"))
            {
                if (pagination.InBody)
                {
                    writer.Line(operation.Body!.Name + "." + pagination.PageName + " = " + page + ";");
                }

                string arguments = Signatures.Arguments(operation, includeToken: true, replace: skip is null ? null : (skip, page));
                writer.Line("var " + response + " = await " + operation.MethodName + "(" + arguments + ").ConfigureAwait(false);");
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
