using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace AutoSend.Gen.Model;

/// <summary>
/// What the consumer's compilation can compile: its C# language version (from the parse options) and the types and
/// members newer .NET brings that generated code would use (from the compilation's references). Read once per
/// compilation and reduced to this small equatable value, so an ordinary edit leaves every later step cached.
/// <see cref="Full"/> is net8.0+ with C# 12 or later: the output the goldens show. docs/generator.md ("Target
/// frameworks") says what generated code looks like when something is missing.
/// </summary>
/// <param name="LanguageVersion">The effective C# version as a number: 703 for C# 7.3, 1200 for C# 12 (Roslyn's numbering).</param>
/// <param name="DateOnly"><c>System.DateOnly</c> exists: <c>format: date</c> maps to it, else to <c>System.DateTime</c>.</param>
/// <param name="RequiredMemberAttributes">
/// <c>RequiredMemberAttribute</c>, <c>SetsRequiredMembersAttribute</c> and <c>CompilerFeatureRequiredAttribute</c>
/// exist (the consumer's own polyfills count): with C# 11 the <c>required</c> modifier can be used.
/// </param>
/// <param name="AsyncEnumerable"><c>IAsyncEnumerable&lt;T&gt;</c> exists: with C# 8, page walks can be async iterators.</param>
/// <param name="HttpMethodPatch"><c>HttpMethod.Patch</c> exists (.NET Core 2.1+, not .NET Framework or netstandard2.0).</param>
/// <param name="ArgumentThrowHelpers"><c>ArgumentNullException.ThrowIfNull</c> and <c>ArgumentException.ThrowIfNullOrEmpty</c> exist (.NET 7+).</param>
/// <param name="TrimEntries"><c>StringSplitOptions.TrimEntries</c> exists (.NET 5+).</param>
/// <param name="AnnotatedBcl">
/// The base library carries nullable annotations (.NET Core 3+): on netstandard2.0 and .NET Framework a few results
/// the annotated library declares non-null (<c>LazyInitializer.EnsureInitialized</c>) need a <c>!</c>.
/// </param>
internal sealed record TargetFeatures(
    int LanguageVersion,
    bool DateOnly,
    bool RequiredMemberAttributes,
    bool AsyncEnumerable,
    bool HttpMethodPatch,
    bool ArgumentThrowHelpers,
    bool TrimEntries,
    bool AnnotatedBcl)
{
    /// <summary>Everything available: net8.0 or later with C# 12 or later.</summary>
    public static TargetFeatures Full { get; } = new(1200, true, true, true, true, true, true, true);

    /// <summary>C# 8: nullable reference types, <c>??=</c>, property patterns, async streams.</summary>
    public bool CSharp8 => LanguageVersion >= 800;

    /// <summary>C# 9: <c>is not</c>, relational patterns, static lambdas, target-typed <c>new()</c> and conditionals.</summary>
    public bool CSharp9 => LanguageVersion >= 900;

    /// <summary>C# 10: extended property patterns (<c>{ A.B: x }</c>).</summary>
    public bool CSharp10 => LanguageVersion >= 1000;

    /// <summary>C# 11: <c>u8</c> literals, raw strings, list patterns.</summary>
    public bool CSharp11 => LanguageVersion >= 1100;

    /// <summary>C# 12: collection expressions, primary constructors.</summary>
    public bool CSharp12 => LanguageVersion >= 1200;

    /// <summary>Nullable reference types: <c>#nullable enable</c>, <c>?</c> on reference types, <c>!</c>.</summary>
    public bool Nullable => CSharp8;

    /// <summary>The <c>required</c> modifier: C# 11 and its attributes.</summary>
    public bool RequiredMembers => CSharp11 && RequiredMemberAttributes;

    /// <summary>Async iterators returning <c>IAsyncEnumerable&lt;T&gt;</c> (page walks, event streams): C# 8 and the interface.</summary>
    public bool AsyncStreams => CSharp8 && AsyncEnumerable;

    /// <summary>Reads the features of a compilation whose generated sources are parsed with <paramref name="parseOptions"/>.</summary>
    public static TargetFeatures Of(Compilation compilation, ParseOptions parseOptions)
    {
        int version = parseOptions is CSharpParseOptions csharp ? (int)csharp.LanguageVersion.MapSpecifiedToEffectiveVersion() : 1200;
        INamedTypeSymbol? httpMethod = compilation.GetTypeByMetadataName("System.Net.Http.HttpMethod");
        INamedTypeSymbol? argumentException = compilation.GetTypeByMetadataName("System.ArgumentException");
        INamedTypeSymbol? splitOptions = compilation.GetTypeByMetadataName("System.StringSplitOptions");
        return new TargetFeatures(
            version,
            compilation.GetTypeByMetadataName("System.DateOnly") is not null,
            compilation.GetTypeByMetadataName("System.Runtime.CompilerServices.RequiredMemberAttribute") is not null
                && compilation.GetTypeByMetadataName("System.Diagnostics.CodeAnalysis.SetsRequiredMembersAttribute") is not null
                && compilation.GetTypeByMetadataName("System.Runtime.CompilerServices.CompilerFeatureRequiredAttribute") is not null,
            compilation.GetTypeByMetadataName("System.Collections.Generic.IAsyncEnumerable`1") is not null,
            httpMethod is not null && !httpMethod.GetMembers("Patch").IsEmpty,
            argumentException is not null && !argumentException.GetMembers("ThrowIfNullOrEmpty").IsEmpty,
            splitOptions is not null && !splitOptions.GetMembers("TrimEntries").IsEmpty,
            compilation.GetSpecialType(SpecialType.System_String).GetMembers("IsNullOrEmpty").OfType<IMethodSymbol>()
                .Any(m => m.Parameters.Length == 1 && m.Parameters[0].NullableAnnotation == NullableAnnotation.Annotated));
    }
}
