using System.Collections.Generic;
using System.Linq;
using AutoSend.Gen.Helpers;
using AutoSend.Gen.Model;
using Microsoft.CodeAnalysis;

namespace AutoSend.Gen.Parsing;

/// <summary>
/// Collects diagnostics while a document is parsed. Positions are given as JSON pointers or lines and resolved to spans
/// in one pass over the text at the end, so a clean document never pays for locating.
/// </summary>
internal sealed class DiagnosticBag
{
    private readonly List<(DiagnosticDescriptor Descriptor, string? Pointer, int Line, int Column, string[] Arguments)> _items = [];
    private readonly HashSet<string> _seen = [];

    public bool HasErrors => _items.Any(i => i.Descriptor.DefaultSeverity == DiagnosticSeverity.Error);

    public void AddAtPointer(DiagnosticDescriptor descriptor, string pointer, params string[] arguments)
    {
        // The same problem can be met from several places (a shared schema used twice); report it once.
        if (_seen.Add(descriptor.Id + "|" + pointer + "|" + string.Join("|", arguments)))
        {
            _items.Add((descriptor, pointer, 0, -1, arguments));
        }
    }

    /// <summary>Whether a diagnostic with this ID and first argument was reported already (at any place).</summary>
    public bool Contains(DiagnosticDescriptor descriptor, string firstArgument) =>
        _items.Any(i => i.Descriptor.Id == descriptor.Id && i.Arguments.Length > 0 && i.Arguments[0] == firstArgument);

    /// <summary>Takes over what another bag collected (a repair's findings, once the repaired document was read).</summary>
    public void AddRange(DiagnosticBag other)
    {
        foreach (var item in other._items)
        {
            if (item.Pointer is null || _seen.Add(item.Descriptor.Id + "|" + item.Pointer + "|" + string.Join("|", item.Arguments)))
            {
                _items.Add(item);
            }
        }
    }

    public void AddAtLine(DiagnosticDescriptor descriptor, int line, int column, params string[] arguments) =>
        _items.Add((descriptor, null, line, column, arguments));

    public EquatableArray<DiagnosticInfo> Resolve(SourceLocator locator)
    {
        Dictionary<string, SourceSpan> spans = locator.Locate(_items.Where(i => i.Pointer is not null).Select(i => i.Pointer!));
        return _items
            .Select(i => new DiagnosticInfo(
                i.Descriptor.Id,
                i.Arguments.ToEquatableArray(),
                i.Pointer is null ? locator.AtLine(i.Line, i.Column) : spans[i.Pointer]))
            .ToEquatableArray();
    }
}
