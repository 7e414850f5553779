using System;
using System.Collections.Generic;
using System.Linq;
using AutoSend.Gen.Model;
using Microsoft.OpenApi;

namespace AutoSend.Gen.Parsing;

/// <summary>Responses: what a successful call returns (MediaTypes.cs classifies the media types) and the typed error bodies.</summary>
internal sealed partial class OperationMapper
{
    /// <summary>The success response, and a file form of it when it is JSON but also offers a file media type.</summary>
    private (ResponseSpec Success, ResponseSpec? FileVariant) MapSuccess(OpenApiOperation operation, string typeHint, string pointer)
    {
        OpenApiResponses responses = operation.Responses ?? new OpenApiResponses();

        // The first 2xx with a body (else the first 2xx); without any 2xx, a 'default' with a body is the success.
        KeyValuePair<string, IOpenApiResponse> chosen = responses.Where(r => IsSuccess(r.Key)).OrderBy(r => r.Key, StringComparer.Ordinal)
            .OrderBy(r => r.Value.Content is { Count: > 0 } ? 0 : 1).FirstOrDefault();
        if (chosen.Value is null)
        {
            chosen = responses.FirstOrDefault(r => IsDefault(r.Key) && r.Value.Content is { Count: > 0 });
        }

        // 204 and 205 have no body by definition (RFC 9110), whatever media types a converted Swagger 2.0
        // 'produces' list attaches to them.
        if (chosen.Value?.Content is not { Count: > 0 } content || chosen.Key is "204" or "205")
        {
            return (new ResponseSpec(ResponseKind.None, null, null, chosen.Value?.Description), null);
        }

        string at = pointer + "/responses/" + chosen.Key;
        KeyValuePair<string, IOpenApiMediaType> json = content.FirstOrDefault(c => KindOf(c) == ResponseKind.Json);
        KeyValuePair<string, IOpenApiMediaType> file = content.FirstOrDefault(c => KindOf(c) == ResponseKind.File);
        KeyValuePair<string, IOpenApiMediaType> text = content.FirstOrDefault(c => KindOf(c) == ResponseKind.Text);
        KeyValuePair<string, IOpenApiMediaType> stream = content.FirstOrDefault(c => KindOf(c) is ResponseKind.EventStream or ResponseKind.JsonLines);
        if (json.Value is not null)
        {
            TypeRef type = _schemas.Map(json.Value.Schema, typeHint + "Response", at + "/content/" + SourceLocator.Escape(json.Key), out bool allowsNull);

            // A success without a body declared beside this one (a 204 beside a 200) is returned as null, so the
            // result is nullable, as for a nullable schema.
            allowsNull |= responses.Any(r => IsSuccess(r.Key) && r.Key != chosen.Key && (r.Value.Content is not { Count: > 0 } || r.Key is "204" or "205"));
            _json.Register(type, nullable: allowsNull);
            return (new ResponseSpec(ResponseKind.Json, type, json.Key, chosen.Value.Description, allowsNull, Accept(responses, json.Key, ResponseKind.Json)),
                file.Value is null ? null : new ResponseSpec(ResponseKind.File, Primitives.File, file.Key, chosen.Value.Description));
        }

        if (stream.Value is not null)
        {
            // Server-sent events without a schema are text; JSON lines without one are any JSON value.
            ResponseKind kind = KindOf(stream);
            TypeRef? itemType = stream.Value.Schema is null && kind == ResponseKind.EventStream
                ? null
                : _schemas.Map(stream.Value.Schema, typeHint + "Item", at + "/content/" + SourceLocator.Escape(stream.Key), out _);
            if (itemType is not null)
            {
                _json.Register(itemType, nullable: false);
            }

            return (new ResponseSpec(kind, itemType, stream.Key, chosen.Value.Description, false, Accept(responses, stream.Key, kind)), null);
        }

        return file.Value is not null
            ? (new ResponseSpec(ResponseKind.File, Primitives.File, file.Key, chosen.Value.Description), null)
            : (new ResponseSpec(ResponseKind.Text, Primitives.String, text.Key, chosen.Value.Description, false, Accept(responses, text.Key, ResponseKind.Text)), null);
    }

    /// <summary>
    /// The <c>Accept</c> header of a call: the chosen success media type first, then the other media types of its kind
    /// that success responses declare, then the JSON types of the error responses (so that a server that negotiates
    /// can send its documented error body); null when that is just the kind's default.
    /// </summary>
    private static string? Accept(OpenApiResponses responses, string chosen, ResponseKind kind)
    {
        // A response declared for any media type ("*/*") is asked for as JSON, the kind the client reads it as.
        string first = MediaTypes.WithoutParameters(chosen);
        var types = new List<string> { first == "*/*" ? "application/json" : first };
        foreach (KeyValuePair<string, IOpenApiResponse> response in responses)
        {
            foreach (KeyValuePair<string, IOpenApiMediaType> media in response.Value.Content ?? new Dictionary<string, IOpenApiMediaType>())
            {
                bool wanted = IsSuccess(response.Key) ? KindOf(media) == kind : KindOf(media) == ResponseKind.Json;
                string type = MediaTypes.WithoutParameters(media.Key);
                if (wanted && type != "*/*" && !types.Contains(type, StringComparer.OrdinalIgnoreCase))
                {
                    types.Add(type);
                }
            }
        }

        string accept = string.Join(", ", types);
        string standard = kind switch
        {
            ResponseKind.Json => "application/json",
            ResponseKind.Text => "text/plain",
            ResponseKind.EventStream => "text/event-stream",
            _ => "application/x-ndjson",
        };
        return string.Equals(accept, standard, StringComparison.OrdinalIgnoreCase) ? null : accept;
    }

    /// <summary>Every non-success response with a JSON body, as a typed error, and the <c>x-retry-after</c> pointers of all responses.</summary>
    private (List<ErrorResponseSpec> Errors, List<string> RetryAfter) MapErrors(OpenApiOperation operation, ResponseSpec success, string typeHint, string pointer)
    {
        var errors = new List<ErrorResponseSpec>();
        var retryAfter = new List<string>();
        bool hasSuccess = (operation.Responses ?? new OpenApiResponses()).Keys.Any(IsSuccess);
        foreach (KeyValuePair<string, IOpenApiResponse> response in operation.Responses ?? new OpenApiResponses())
        {
            retryAfter.AddRange(VendorExtensions.GetStrings(response.Value.Extensions, VendorExtensions.RetryAfter));

            // A 'default' that became the success is not an error too; a key that is no status code ("200.0") was
            // reported by the reader (AG0015) and is left out.
            if (!IsStatusKey(response.Key) || IsSuccess(response.Key) || (IsDefault(response.Key) && success.Kind != ResponseKind.None && !hasSuccess))
            {
                continue;
            }

            if (response.Value.Content?.FirstOrDefault(c => KindOf(c) == ResponseKind.Json).Value is { Schema: { } schema })
            {
                TypeRef type = _schemas.Map(schema, typeHint + StatusName(response.Key) + "Error", pointer + "/responses/" + response.Key, out _);
                _json.Register(type, nullable: false);
                errors.Add(new ErrorResponseSpec(response.Key, type, response.Value.Description));
            }
        }

        return (errors, retryAfter);
    }

    private static ResponseKind KindOf(KeyValuePair<string, IOpenApiMediaType> content) =>
        MediaTypes.ResponseKindOf(content.Key, content.Value.Schema);

    private static bool IsSuccess(string status) => status.Length == 3 && status[0] == '2' && IsStatusKey(status);

    // A status code (100-599), a range (2XX) or 'default': what a response may be keyed by.
    private static bool IsStatusKey(string status) =>
        IsDefault(status)
        || (status.Length == 3 && status[0] is >= '1' and <= '5'
            && ((char.IsDigit(status[1]) && char.IsDigit(status[2]) && status[1] < 128 && status[2] < 128) || (status[1] is 'X' or 'x' && status[2] is 'X' or 'x')));

    private static bool IsDefault(string status) => status.Equals("default", StringComparison.OrdinalIgnoreCase);

    private static string StatusName(string status) => IsDefault(status) ? "Default" : status.ToUpperInvariant();
}
