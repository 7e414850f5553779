using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using AutoSend.Gen.Emitting;
using AutoSend.Gen.Helpers;
using AutoSend.Gen.Model;

namespace AutoSend.Gen;

/// <summary>
/// Two documents must not declare the same type in the same namespace. Each document claims its type names; of the
/// documents that claim one name, the first by path owns it and the others report AG0007 and generate nothing.
/// </summary>
public sealed partial class OpenApiClientGenerator
{
    /// <summary>The type names one document declares, each keyed by its full name.</summary>
    internal static EquatableArray<TypeClaim> ClaimsOf(DocumentClient document) =>
        Emitter.TypeNames(document.Client)
            .Select(name => new TypeClaim(document.Client.Namespace, name, document.SpecPath))
            .ToEquatableArray();

    /// <summary>The owner of every claimed name (the first document by path), ordered by name.</summary>
    internal static EquatableArray<TypeClaim> Owners(ImmutableArray<EquatableArray<TypeClaim>> claims) =>
        claims.SelectMany(c => c)
            .GroupBy(c => c.FullName, StringComparer.Ordinal)
            .Select(g => g.OrderBy(c => c.SpecPath, StringComparer.Ordinal).First())
            .OrderBy(c => c.FullName, StringComparer.Ordinal)
            .ToEquatableArray();

    /// <summary>
    /// The names this document claims that another document owns. It depends only on this document's own names and
    /// their owners, so a change to another document's names leaves it equal and this document's sources cached.
    /// </summary>
    internal static EquatableArray<TypeConflict> ConflictsOf(DocumentClient document, EquatableArray<TypeClaim> owners)
    {
        var ownerOf = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (TypeClaim owner in owners)
        {
            ownerOf[owner.FullName] = owner.SpecPath;
        }

        return ClaimsOf(document)
            .Where(claim => ownerOf.TryGetValue(claim.FullName, out string? path) && path != document.SpecPath)
            .Select(claim => new TypeConflict(claim.TypeName, ownerOf[claim.FullName]))
            .ToEquatableArray();
    }

    /// <summary>A generated type, claimed by one document.</summary>
    internal sealed record TypeClaim(string Namespace, string TypeName, string SpecPath)
    {
        public string FullName => Namespace + "." + TypeName;
    }

    /// <summary>A type name a document declares that the document at <paramref name="OwnerPath"/> owns.</summary>
    internal sealed record TypeConflict(string TypeName, string OwnerPath);
}
