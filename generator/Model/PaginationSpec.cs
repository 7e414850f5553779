using AutoSend.Gen.Helpers;

namespace AutoSend.Gen.Model;

/// <summary>How the next page is found.</summary>
internal enum PagingKind
{
    /// <summary>A 1-based page number parameter (<c>x-pagination</c>, or a <c>page</c> parameter).</summary>
    PageNumber,

    /// <summary>The RFC 8288 <c>Link</c> response header's <c>rel="next"</c>.</summary>
    LinkHeader,

    /// <summary>A next-page URL in the body.</summary>
    NextLink,

    /// <summary>A cursor in the body, sent back in a parameter.</summary>
    Cursor,

    /// <summary><c>has_more</c> in the body; the last item's id is sent back in <c>starting_after</c>.</summary>
    LastItemId,
}

/// <summary>How a paginated operation walks all pages: from <c>x-pagination</c>, or recognised by name (README, "Paging").</summary>
/// <param name="MethodName">The items method, e.g. <c>ListAllAsync</c>.</param>
/// <param name="PagesMethodName">The pages method, e.g. <c>ListPagesAsync</c>.</param>
/// <param name="Kind">How the next page is found.</param>
/// <param name="PageName">The parameter the walk sets (page number, cursor, last id; C# name), or the body property when <paramref name="InBody"/>; null for links.</param>
/// <param name="InBody">Whether the page number travels in the JSON body.</param>
/// <param name="ItemsPath">The C# properties from the response to the items list; empty when the response is the list.</param>
/// <param name="ItemType">The item type.</param>
/// <param name="ItemIsNullable">Whether items may be null.</param>
/// <param name="TotalPagesPath">The C# properties from the response to the page count, if the response has one.</param>
/// <param name="NextPath">The C# properties from the response to the next link, cursor or <c>has_more</c>.</param>
/// <param name="ItemIdPath">The C# properties from an item to its id (<see cref="PagingKind.LastItemId"/>).</param>
internal sealed record PaginationSpec(
    string MethodName,
    string PagesMethodName,
    PagingKind Kind,
    string? PageName,
    bool InBody,
    EquatableArray<PathStep> ItemsPath,
    TypeRef ItemType,
    bool ItemIsNullable,
    EquatableArray<PathStep> TotalPagesPath,
    EquatableArray<PathStep> NextPath,
    EquatableArray<PathStep> ItemIdPath);

/// <summary>One property on the way from a response to a value.</summary>
/// <param name="Name">The C# property name.</param>
/// <param name="IsNullable">Whether the property may hold null (so the next step needs <c>?.</c>).</param>
internal sealed record PathStep(string Name, bool IsNullable);
