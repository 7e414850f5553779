using System;
using System.Collections.Generic;
using System.Linq;
using AutoSend.Gen.Helpers;
using AutoSend.Gen.Model;
using AutoSend.Gen.Naming;
using Microsoft.OpenApi;

namespace AutoSend.Gen.Parsing;

/// <summary>
/// The headers the document declares on success responses: each one with a scalar schema (string, integer, number,
/// boolean) becomes a typed property of the document's raw response type (README, "Raw responses"), one per name
/// ignoring case; a name declared with different types is read as a string.
/// </summary>
internal sealed partial class OperationMapper
{
    // The members of ApiResponse<T> and of the generated subclass, which a header property must not take or hide.
    private static readonly string[] s_responseMembers = ["StatusCode", "Value", "Headers", "T", .. ReservedNames.ObjectMembers];

    // OpenAPI: a Content-Type response header declaration is ignored (the media type says it).
    private static readonly HashSet<string> s_ignoredResponseHeaders = new(StringComparer.OrdinalIgnoreCase) { "Content-Type" };

    private readonly Dictionary<string, (string WireName, TypeRef Type, string? Description)> _responseHeaders = new(StringComparer.OrdinalIgnoreCase);
    private readonly List<string> _responseHeaderOrder = [];

    /// <summary>
    /// The raw response type, named <paramref name="preferredName"/> (or the next free name) when the document declares
    /// headers on success responses; null when it declares none (the raw methods then return <c>ApiResponse&lt;T&gt;</c>).
    /// </summary>
    public ResponseTypeSpec? ResponseType(string preferredName)
    {
        if (_responseHeaderOrder.Count == 0)
        {
            return null;
        }

        string name = _typeNames.Allocate(preferredName);
        var members = new NameScope([name, .. s_responseMembers]);
        var headers = new List<ResponseHeaderSpec>();
        foreach (string key in _responseHeaderOrder)
        {
            (string wireName, TypeRef type, string? description) = _responseHeaders[key];
            string pascal = Identifier.ToPascalCase(StripXPrefix(wireName), "Header", "Header");
            headers.Add(new ResponseHeaderSpec(members.Allocate(pascal, s_responseMembers), wireName, type, description));
        }

        return new ResponseTypeSpec(name, headers.ToEquatableArray());
    }

    /// <summary>Records the headers of an operation's success responses.</summary>
    private void CollectResponseHeaders(OpenApiOperation operation)
    {
        foreach (KeyValuePair<string, IOpenApiResponse> response in operation.Responses ?? new OpenApiResponses())
        {
            if (!IsSuccess(response.Key))
            {
                continue;
            }

            foreach (KeyValuePair<string, IOpenApiHeader> header in response.Value.Headers ?? new Dictionary<string, IOpenApiHeader>())
            {
                if (string.IsNullOrEmpty(header.Key) || s_ignoredResponseHeaders.Contains(header.Key) || HeaderType(header.Value) is not { } type)
                {
                    continue;
                }

                if (!_responseHeaders.TryGetValue(header.Key, out var known))
                {
                    _responseHeaders.Add(header.Key, (header.Key, type, header.Value.Description));
                    _responseHeaderOrder.Add(header.Key);
                }
                else if (!known.Type.Equals(type))
                {
                    _responseHeaders[header.Key] = known with { Type = Primitives.String };
                }
            }
        }
    }

    // The typed property's type; null for a header without a scalar schema (it stays reachable through Headers). A
    // reference that loops throws when read: such a header is left out too.
    private static TypeRef? HeaderType(IOpenApiHeader header)
    {
        try
        {
            IOpenApiSchema? schema = header.Schema;
            JsonSchemaType type = (schema?.Type ?? 0) & ~JsonSchemaType.Null;
            return type switch
            {
                JsonSchemaType.String => Primitives.String,
                JsonSchemaType.Integer => Primitives.ForInteger(schema!.Format),
                JsonSchemaType.Number => Primitives.ForNumber(schema!.Format),
                JsonSchemaType.Boolean => Primitives.Boolean,
                _ => null,
            };
        }
        catch (InvalidOperationException)
        {
            return null;
        }
    }
}
