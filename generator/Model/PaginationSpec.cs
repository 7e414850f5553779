using AutoSend.Gen.Helpers;

namespace AutoSend.Gen.Model;

/// <summary>How a paginated operation walks all pages, from the <c>x-pagination</c> extension.</summary>
/// <param name="MethodName">The <c>IAsyncEnumerable</c> method, e.g. <c>ListAllAsync</c>.</param>
/// <param name="PageName">The page parameter (C# name), or the body property when <paramref name="InBody"/>.</param>
/// <param name="InBody">Whether the page number travels in the JSON body.</param>
/// <param name="ItemsPath">The C# properties from the response to the items list.</param>
/// <param name="ItemType">The item type.</param>
/// <param name="ItemIsNullable">Whether items may be null.</param>
/// <param name="TotalPagesPath">The C# properties from the response to the page count, if the response has one.</param>
internal sealed record PaginationSpec(
    string MethodName,
    string PageName,
    bool InBody,
    EquatableArray<PathStep> ItemsPath,
    TypeRef ItemType,
    bool ItemIsNullable,
    EquatableArray<PathStep> TotalPagesPath);

/// <summary>One property on the way from a response to a value.</summary>
/// <param name="Name">The C# property name.</param>
/// <param name="IsNullable">Whether the property may hold null (so the next step needs <c>?.</c>).</param>
internal sealed record PathStep(string Name, bool IsNullable);
