using System;
using System.Collections.Generic;
using System.Linq;
using AutoSend.Gen.Model;

namespace AutoSend.Gen.Parsing;

/// <summary>
/// Recognises how a list operation pages when the document says nothing (no <c>x-pagination</c>), from the names real
/// APIs use. The rules (README, "Paging"): a <c>Link</c> response header (RFC 8288, <c>rel="next"</c>); a next-page URL
/// in the body; a cursor in the body with the query parameter that sends it back; <c>has_more</c> with
/// <c>starting_after</c>; else a <c>page</c> number parameter. The items are the body itself when it is an array,
/// else its one array property (at the top, or inside its one object property). Two of the first four patterns at
/// once, or two candidates for the items, cursor or parameter, is ambiguous: no walker rather than a wrong one.
/// </summary>
internal sealed class PagingDetector(SchemaMapper schemas)
{
    private static readonly string[] s_nextLinkFields = ["next", "nextLink", "next_link", "@odata.nextLink", "odata.nextLink", "nextUrl", "next_url", "nextPageUrl", "next_page_url"];
    private static readonly string[] s_cursorFields = ["next_cursor", "nextCursor", "next_page_token", "nextPageToken", "next_token", "nextToken", "continuation_token", "continuationToken", "next_page_cursor", "nextPageCursor"];
    private static readonly string[] s_cursorParameters = ["cursor", "page_token", "pageToken", "next_token", "nextToken", "continuation_token", "continuationToken", "page_cursor", "pageCursor", "next_cursor", "nextCursor", "after"];
    private static readonly string[] s_hasMoreFields = ["has_more", "hasMore"];
    private static readonly string[] s_startingAfterParameters = ["starting_after", "startingAfter"];
    private static readonly string[] s_pageParameters = ["page", "page_number", "pageNumber"];
    private static readonly string[] s_totalPagesFields = ["total_pages", "totalPages", "pages", "page_count", "pageCount", "last_page", "lastPage"];
    private static readonly string[] s_nestingFields = ["meta", "pagination", "paging", "links", "page_info", "pageInfo", "response_metadata", "metadata"];

    /// <summary>What was found; <see cref="Reason"/> explains an ambiguity (then there is no walker).</summary>
    public sealed record Result(PagingKind Kind, string? ParameterName, List<PathStep> Items, TypeRef ItemType, bool ItemIsNullable,
        List<PathStep> Next, List<PathStep> TotalPages, List<PathStep> ItemId, string Rule);

    /// <summary>Detects the paging of an operation whose success body is <paramref name="body"/>.</summary>
    /// <returns>The pattern, or null; <paramref name="ambiguity"/> says why nothing was chosen when a pattern half matched.</returns>
    public Result? Detect(TypeRef body, bool declaresLinkHeader, IReadOnlyList<ParameterSpec> parameters, out string? ambiguity)
    {
        ambiguity = null;
        ParameterSpec? Optional(string[] names, Func<TypeRef, bool> type)
        {
            List<ParameterSpec> found = parameters.Where(p => p.Location == ParameterLocation.Query && !p.IsRequired && names.Contains(p.WireName, StringComparer.Ordinal) && type(p.Type)).ToList();
            return found.Count == 1 ? found[0] : null;
        }

        static bool IsString(TypeRef t) => t.Kind == TypeKind.String;
        static bool IsInteger(TypeRef t) => t.Kind is TypeKind.Int32 or TypeKind.Int64;

        if (!FindItems(body, out List<PathStep> items, out TypeRef? itemType, out bool itemNullable, out string? itemsProblem))
        {
            if (itemsProblem is not null && (declaresLinkHeader || parameters.Any(p => s_cursorParameters.Contains(p.WireName) || s_pageParameters.Contains(p.WireName))))
            {
                ambiguity = itemsProblem;
            }

            return null;
        }

        var candidates = new List<Result>();
        List<PathStep> empty = [];
        if (declaresLinkHeader)
        {
            candidates.Add(new Result(PagingKind.LinkHeader, null, items, itemType!, itemNullable, empty, empty, empty, "a Link response header (rel=\"next\")"));
        }

        List<List<PathStep>> nextLinks = FindFields(body, s_nextLinkFields, IsString);
        if (nextLinks.Count > 1)
        {
            ambiguity = "the body has more than one next-page link field";
            return null;
        }

        if (nextLinks.Count == 1)
        {
            candidates.Add(new Result(PagingKind.NextLink, null, items, itemType!, itemNullable, nextLinks[0], empty, empty, "a next-page URL in the body"));
        }

        List<List<PathStep>> cursors = FindFields(body, s_cursorFields, IsString);
        ParameterSpec? cursorParameter = Optional(s_cursorParameters, IsString);
        if (cursors.Count > 1)
        {
            ambiguity = "the body has more than one cursor field";
            return null;
        }

        if (cursors.Count == 1 && cursorParameter is not null)
        {
            candidates.Add(new Result(PagingKind.Cursor, cursorParameter.Name, items, itemType!, itemNullable, cursors[0], empty, empty, $"a cursor in the body, sent back in '{cursorParameter.WireName}'"));
        }

        List<List<PathStep>> hasMore = FindFields(body, s_hasMoreFields, t => t.Kind == TypeKind.Boolean);
        ParameterSpec? startingAfter = Optional(s_startingAfterParameters, IsString);
        if (hasMore.Count == 1 && startingAfter is not null && itemType!.Kind == TypeKind.Model
            && schemas.FindObject(itemType.Name!) is { } itemModel && schemas.AllProperties(itemModel).FirstOrDefault(p => p.JsonName == "id") is { } id && IsString(id.Type))
        {
            candidates.Add(new Result(PagingKind.LastItemId, startingAfter.Name, items, itemType, itemNullable, hasMore[0], empty,
                [new PathStep(id.Name, id.IsNullable)], $"has_more with '{startingAfter.WireName}' (the last item's id)"));
        }

        if (candidates.Count > 1)
        {
            ambiguity = "it matches several paging patterns (" + string.Join("; ", candidates.Select(c => c.Rule)) + ")";
            return null;
        }

        if (candidates.Count == 1)
        {
            return candidates[0];
        }

        if (Optional(s_pageParameters, IsInteger) is { } page)
        {
            List<List<PathStep>> totals = FindFields(body, s_totalPagesFields, IsInteger);
            return new Result(PagingKind.PageNumber, page.Name, items, itemType!, itemNullable, empty, totals.Count == 1 ? totals[0] : [], empty,
                $"a page number in '{page.WireName}'");
        }

        if (cursors.Count == 1)
        {
            ambiguity = "the body has a cursor but the operation has no optional query parameter (cursor, page_token, ...) to send it back in";
        }

        return null;
    }

    // The items: the body itself when it is a list, else its one list property, at the top or inside one object property.
    private bool FindItems(TypeRef body, out List<PathStep> steps, out TypeRef? itemType, out bool itemNullable, out string? problem)
    {
        steps = [];
        itemType = null;
        itemNullable = false;
        problem = null;
        if (body.Kind == TypeKind.List)
        {
            itemType = body.Element;
            itemNullable = body.ElementIsNullable;
            return true;
        }

        if (body.Kind != TypeKind.Model || schemas.FindObject(body.Name!) is not { } model)
        {
            return false;
        }

        List<PropertySpec> properties = [.. schemas.AllProperties(model)];
        List<PropertySpec> lists = properties.Where(p => p.Type.Kind == TypeKind.List).ToList();
        PropertySpec? list = null;
        PropertySpec? container = null;
        if (lists.Count > 1)
        {
            problem = "the body has several arrays (" + string.Join(", ", lists.Select(l => l.JsonName)) + "), so which holds the items is not clear";
            return false;
        }

        if (lists.Count == 1)
        {
            list = lists[0];
        }
        else
        {
            var nested = properties.Where(p => p.Type.Kind == TypeKind.Model && schemas.FindObject(p.Type.Name!) is not null)
                .Select(p => (Owner: p, Lists: schemas.AllProperties(schemas.FindObject(p.Type.Name!)!).Where(q => q.Type.Kind == TypeKind.List).ToList()))
                .Where(x => x.Lists.Count > 0)
                .ToList();
            if (nested.Count != 1 || nested[0].Lists.Count != 1)
            {
                if (nested.Count > 0)
                {
                    problem = "the body's arrays are nested in several places, so which holds the items is not clear";
                }

                return false;
            }

            container = nested[0].Owner;
            list = nested[0].Lists[0];
        }

        if (container is not null)
        {
            steps.Add(new PathStep(container.Name, container.IsNullable));
        }

        steps.Add(new PathStep(list.Name, list.IsNullable));
        itemType = list.Type.Element;
        itemNullable = list.Type.ElementIsNullable;
        return true;
    }

    // Fields with one of the names, at the top of the body or inside one of its usual metadata objects.
    private List<List<PathStep>> FindFields(TypeRef body, string[] names, Func<TypeRef, bool> type)
    {
        var found = new List<List<PathStep>>();
        if (body.Kind != TypeKind.Model || schemas.FindObject(body.Name!) is not { } model)
        {
            return found;
        }

        foreach (PropertySpec property in schemas.AllProperties(model))
        {
            if (names.Contains(property.JsonName, StringComparer.Ordinal) && type(property.Type))
            {
                found.Add([new PathStep(property.Name, property.IsNullable)]);
            }
            else if (s_nestingFields.Contains(property.JsonName, StringComparer.Ordinal) && property.Type.Kind == TypeKind.Model && schemas.FindObject(property.Type.Name!) is { } nested)
            {
                found.AddRange(schemas.AllProperties(nested)
                    .Where(p => names.Contains(p.JsonName, StringComparer.Ordinal) && type(p.Type))
                    .Select(p => new List<PathStep> { new(property.Name, property.IsNullable), new(p.Name, p.IsNullable) }));
            }
        }

        return found;
    }
}
