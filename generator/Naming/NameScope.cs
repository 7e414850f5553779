using System;
using System.Collections.Generic;
using System.Globalization;

namespace AutoSend.Gen.Naming;

/// <summary>
/// Hands out unique names within one C# scope (a namespace, a type's members, a method's parameters). Names are
/// compared case-insensitively, so that generated files never differ only by case; a taken name gets a number.
/// Allocation follows document order, which keeps the result deterministic.
/// </summary>
internal sealed class NameScope
{
    private readonly HashSet<string> _taken = new(StringComparer.OrdinalIgnoreCase);

    public NameScope(params string[] reserved)
    {
        foreach (string name in reserved)
        {
            _taken.Add(name);
        }
    }

    /// <summary>Reserves <paramref name="preferred"/>, or the first free <c>preferred2</c>, <c>preferred3</c>...</summary>
    public string Allocate(string preferred) => Allocate(preferred, []);

    /// <summary>
    /// Like <see cref="Allocate(string)"/>, skipping the names in <paramref name="forbidden"/> (compared exactly, as C#
    /// does): names this one declaration cannot have, e.g. an open enum cannot be called <c>Value</c>, its own member.
    /// </summary>
    public string Allocate(string preferred, IReadOnlyCollection<string> forbidden)
    {
        if (!Contains(forbidden, preferred) && _taken.Add(preferred))
        {
            return preferred;
        }

        for (int i = 2; ; i++)
        {
            string candidate = preferred + i.ToString(CultureInfo.InvariantCulture);
            if (!Contains(forbidden, candidate) && _taken.Add(candidate))
            {
                return candidate;
            }
        }
    }

    public bool IsTaken(string name) => _taken.Contains(name);

    private static bool Contains(IReadOnlyCollection<string> names, string name)
    {
        foreach (string candidate in names)
        {
            if (string.Equals(candidate, name, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }
}
