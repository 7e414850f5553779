using System;
using System.Collections.Generic;
using System.Linq;
using AutoSend.Gen.Helpers;
using AutoSend.Gen.Model;

namespace AutoSend.Gen.Parsing;

/// <summary>Path templates such as <c>campaigns/{id}/resume</c>: their parameter names, and their parts for the emitter.</summary>
internal static class PathTemplate
{
    /// <summary>The names between braces in a path template, in order.</summary>
    public static IEnumerable<string> ParameterNames(string path)
    {
        int start = 0;
        while ((start = path.IndexOf('{', start)) >= 0)
        {
            int end = path.IndexOf('}', start);
            if (end < 0)
            {
                yield break;
            }

            yield return path.Substring(start + 1, end - start - 1);
            start = end + 1;
        }
    }

    /// <summary>
    /// The template cut into literal text and the path parameters that fill it (every name in braces must have one);
    /// an empty template is one empty literal.
    /// </summary>
    public static EquatableArray<PathPart> Parts(string path, IReadOnlyList<ParameterSpec> parameters)
    {
        var parts = new List<PathPart>();
        int position = 0;
        foreach (string name in ParameterNames(path))
        {
            int start = path.IndexOf("{" + name + "}", position, StringComparison.Ordinal);
            if (start > position)
            {
                parts.Add(new PathPart(path.Substring(position, start - position), null));
            }

            parts.Add(new PathPart(string.Empty, parameters.First(p => p.Location == ParameterLocation.Path && p.WireName == name)));
            position = start + name.Length + 2;
        }

        if (position < path.Length || parts.Count == 0)
        {
            parts.Add(new PathPart(path.Substring(position), null));
        }

        return parts.ToEquatableArray();
    }
}
