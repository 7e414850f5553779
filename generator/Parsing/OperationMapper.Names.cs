using System;
using System.Collections.Generic;
using System.Globalization;
using AutoSend.Gen.Naming;

namespace AutoSend.Gen.Parsing;

/// <summary>The C# names of operations: methods from operation ids, ids for operations without one, request builders.</summary>
internal sealed partial class OperationMapper
{
    /// <summary>An <c>x-csharp-name</c> that is a usable type or member name, else null.</summary>
    private static string? ValidName(string? name) => name is not null && Identifier.IsValid(name) ? name : null;

    private static string? ValidParameterName(string? name) => name is not null && Identifier.IsValid(name) ? Identifier.EscapeKeyword(name) : null;

    /// <summary>The method name without <c>Async</c>: the operation id, minus a trailing noun that repeats the tag.</summary>
    private static string MethodBaseName(string operationId, string tag)
    {
        string name = Identifier.ToPascalCase(operationId, "_", "Operation");
        if (tag.Length > 0)
        {
            string plural = Identifier.ToPascalCase(tag, "_", "Operations");
            foreach (string noun in new[] { plural, Singular(plural) })
            {
                if (noun.Length > 0 && name.Length > noun.Length && name.EndsWith(noun, StringComparison.Ordinal))
                {
                    return name.Substring(0, name.Length - noun.Length);
                }
            }
        }

        return name;
    }

    private static string Singular(string plural) =>
        plural.EndsWith("ies", StringComparison.Ordinal) ? plural.Substring(0, plural.Length - 3) + "y"
        : plural.EndsWith("sses", StringComparison.Ordinal) ? plural.Substring(0, plural.Length - 2)
        : plural.EndsWith("s", StringComparison.Ordinal) && !plural.EndsWith("ss", StringComparison.Ordinal) ? plural.Substring(0, plural.Length - 1)
        : plural;

    /// <summary>An id for operations without one: the method and the path's words, e.g. <c>get /pets/{id}</c> → <c>getPetsById</c>.</summary>
    private static string DeriveOperationId(string method, string path)
    {
        var words = new List<string> { method.ToLowerInvariant() };
        foreach (string segment in path.Split(new[] { '/' }, StringSplitOptions.RemoveEmptyEntries))
        {
            words.Add(segment.StartsWith("{", StringComparison.Ordinal) ? "By " + segment.Trim('{', '}') : segment);
        }

        string id = Identifier.ToPascalCase(string.Join(" ", words), "_", "Operation");
        return char.ToLower(id[0], CultureInfo.InvariantCulture) + id.Substring(1);
    }

    /// <summary>
    /// The private method that builds a request: <c>Build</c>, the method name without <c>Async</c>, <c>Request</c>,
    /// never repeating a word (<c>CreateAsync</c> → <c>BuildCreateRequest</c>, <c>SendRequestAsync</c> →
    /// <c>BuildSendRequest</c>, <c>BuildAsync</c> → <c>BuildRequest</c>).
    /// </summary>
    private static string RequestBuilderName(string methodName)
    {
        string name = methodName.Substring(0, methodName.Length - "Async".Length);
        bool startsWithBuild = name.StartsWith("Build", StringComparison.Ordinal) && (name.Length == 5 || !char.IsLower(name[5]));
        return (startsWithBuild ? string.Empty : "Build") + name + (name.EndsWith("Request", StringComparison.Ordinal) ? string.Empty : "Request");
    }
}
