using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;
using AutoSend.Gen.Diagnostics;
using AutoSend.Gen.Helpers;
using AutoSend.Gen.Model;
using Microsoft.OpenApi;
using ParameterLocation = AutoSend.Gen.Model.ParameterLocation;

namespace AutoSend.Gen.Parsing;

/// <summary>The <c>x-pagination</c> extension: an <c>IAsyncEnumerable</c> method that walks every page.</summary>
internal sealed partial class OperationMapper
{
    private PaginationSpec? MapPagination(OpenApiOperation operation, string operationId, ResponseSpec success, List<ParameterSpec> parameters, RequestBodySpec? body,
        GroupBuilder group, string baseName, string pointer)
    {
        if (VendorExtensions.Get(operation.Extensions, VendorExtensions.Pagination) is not JsonObject settings)
        {
            return DetectPagination(operation, operationId, success, parameters, group, baseName, pointer);
        }

        string at = pointer + "/" + VendorExtensions.Pagination;
        string? page = VendorExtensions.Text(settings["page"]);
        bool inBody = string.Equals(VendorExtensions.Text(settings["in"]), "body", StringComparison.OrdinalIgnoreCase);
        string? items = VendorExtensions.Text(settings["items"]);
        string? totalPages = VendorExtensions.Text(settings["totalPages"]);
        if (page is null || items is null || success.Kind != ResponseKind.Json)
        {
            Warn(at, operationId, "it needs 'page' and 'items', and a JSON success response");
            return null;
        }

        string? pageName = inBody
            ? body is { Kind: BodyKind.Json, Type: { Kind: TypeKind.Model } bodyType }
                ? _schemas.FindObject(bodyType.Name!)?.Properties.FirstOrDefault(p => p.JsonName == page)?.Name
                : null
            : parameters.FirstOrDefault(p => p.Location == ParameterLocation.Query && p.WireName == page && !p.IsRequired && p.Type.IsValueType)?.Name;
        if (pageName is null)
        {
            Warn(at, operationId, $"no optional integer page parameter '{page}' {(inBody ? "in the JSON body" : "in the query")}");
            return null;
        }

        if (!TryFollow(success.Type!, items, out List<PathStep> itemsPath, out TypeRef? listType) || listType!.Kind != TypeKind.List)
        {
            Warn(at, operationId, $"'{items}' does not lead to an array in the response");
            return null;
        }

        List<PathStep> totalPath = [];
        if (totalPages is not null && (!TryFollow(success.Type!, totalPages, out totalPath, out TypeRef? totalType) || totalType is not { IsPrimitive: true, IsValueType: true }))
        {
            Warn(at, operationId, $"'{totalPages}' does not lead to a number in the response");
            return null;
        }

        return new PaginationSpec(group.Methods.Allocate(baseName + "All") + "Async", group.Methods.Allocate(baseName + "Pages") + "Async", PagingKind.PageNumber,
            pageName, inBody, itemsPath.ToEquatableArray(), listType.Element!, listType.ElementIsNullable, totalPath.ToEquatableArray(),
            EquatableArray<PathStep>.Empty, EquatableArray<PathStep>.Empty);
    }

    // Without x-pagination: the patterns real documents use, recognised by name (PagingDetector, README "Paging").
    private PaginationSpec? DetectPagination(OpenApiOperation operation, string operationId, ResponseSpec success, List<ParameterSpec> parameters,
        GroupBuilder group, string baseName, string pointer)
    {
        if (success.Kind != ResponseKind.Json || success.Type is null)
        {
            return null;
        }

        bool linkHeader = (operation.Responses ?? new OpenApiResponses())
            .Where(r => r.Key.Length == 3 && r.Key[0] == '2')
            .Any(r => r.Value.Headers?.Keys.Any(h => string.Equals(h, "Link", StringComparison.OrdinalIgnoreCase)) ?? false);
        PagingDetector.Result? found = new PagingDetector(_schemas).Detect(success.Type, linkHeader, parameters, out string? ambiguity);
        if (found is null)
        {
            if (ambiguity is not null)
            {
                _diagnostics.AddAtPointer(DiagnosticDescriptors.PagingNotRecognised, pointer, operationId, ambiguity, baseName + "AllAsync");
            }

            return null;
        }

        return new PaginationSpec(group.Methods.Allocate(baseName + "All") + "Async", group.Methods.Allocate(baseName + "Pages") + "Async", found.Kind,
            found.ParameterName, false, found.Items.ToEquatableArray(), found.ItemType, found.ItemIsNullable, found.TotalPages.ToEquatableArray(),
            found.Next.ToEquatableArray(), found.ItemId.ToEquatableArray());
    }

    // Follows a JSON pointer through generated classes: /data/campaigns → Data?.Campaigns.
    private bool TryFollow(TypeRef root, string jsonPointer, out List<PathStep> steps, out TypeRef? type)
    {
        steps = [];
        type = root;
        foreach (string segment in jsonPointer.Trim('/').Split('/'))
        {
            string key = segment.Replace("~1", "/").Replace("~0", "~");
            ObjectSpec? owner = type?.Kind == TypeKind.Model ? _schemas.FindObject(type.Name!) : null;
            PropertySpec? property = owner?.Properties.FirstOrDefault(p => p.JsonName == key);
            if (property is null)
            {
                return false;
            }

            steps.Add(new PathStep(property.Name, property.IsNullable));
            type = property.Type;
        }

        return true;
    }

    private void Warn(string pointer, string operationId, string reason) =>
        _diagnostics.AddAtPointer(DiagnosticDescriptors.ExtensionIgnored, pointer, VendorExtensions.Pagination, operationId, reason);
}
