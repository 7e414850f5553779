using System.Text;
using Microsoft.CodeAnalysis;

namespace AutoSend.Gen.Tests.Infrastructure;

/// <summary>
/// The public surface of a compilation's generated code as text: one line per public type (with its base type and
/// interfaces) and one per public or protected member, with full signatures (nullable annotations, default values,
/// <c>[Obsolete]</c>), sorted, so that a change to what users call shows up as a line in review.
/// </summary>
public static class PublicSurface
{
    private static readonly SymbolDisplayFormat s_format = new(
        globalNamespaceStyle: SymbolDisplayGlobalNamespaceStyle.Omitted,
        typeQualificationStyle: SymbolDisplayTypeQualificationStyle.NameAndContainingTypesAndNamespaces,
        genericsOptions: SymbolDisplayGenericsOptions.IncludeTypeParameters | SymbolDisplayGenericsOptions.IncludeTypeConstraints | SymbolDisplayGenericsOptions.IncludeVariance,
        memberOptions: SymbolDisplayMemberOptions.IncludeParameters | SymbolDisplayMemberOptions.IncludeType | SymbolDisplayMemberOptions.IncludeModifiers
            | SymbolDisplayMemberOptions.IncludeAccessibility | SymbolDisplayMemberOptions.IncludeRef | SymbolDisplayMemberOptions.IncludeConstantValue
            | SymbolDisplayMemberOptions.IncludeExplicitInterface,
        delegateStyle: SymbolDisplayDelegateStyle.NameAndSignature,
        extensionMethodStyle: SymbolDisplayExtensionMethodStyle.StaticMethod,
        parameterOptions: SymbolDisplayParameterOptions.IncludeType | SymbolDisplayParameterOptions.IncludeName | SymbolDisplayParameterOptions.IncludeDefaultValue
            | SymbolDisplayParameterOptions.IncludeParamsRefOut | SymbolDisplayParameterOptions.IncludeExtensionThis,
        propertyStyle: SymbolDisplayPropertyStyle.ShowReadWriteDescriptor,
        kindOptions: SymbolDisplayKindOptions.IncludeTypeKeyword | SymbolDisplayKindOptions.IncludeMemberKeyword,
        miscellaneousOptions: SymbolDisplayMiscellaneousOptions.UseSpecialTypes | SymbolDisplayMiscellaneousOptions.IncludeNullableReferenceTypeModifier
            | SymbolDisplayMiscellaneousOptions.EscapeKeywordIdentifiers);

    private static readonly SymbolDisplayFormat s_nameFormat = s_format.WithKindOptions(SymbolDisplayKindOptions.None);

    /// <summary>The surface of every public type declared in source (the generated files) of <paramref name="compilation"/>.</summary>
    public static string Describe(Compilation compilation, Func<INamedTypeSymbol, bool>? include = null)
    {
        var types = new List<INamedTypeSymbol>();
        Collect(compilation.Assembly.GlobalNamespace, types);
        var text = new StringBuilder();
        foreach (INamedTypeSymbol type in types.Where(t => include?.Invoke(t) ?? true).OrderBy(t => t.ToDisplayString(s_nameFormat), StringComparer.Ordinal))
        {
            text.Append(Obsolete(type)).Append(TypeModifiers(type)).Append(type.ToDisplayString(s_format));
            List<string> bases = [];
            if (type.BaseType is { SpecialType: not SpecialType.System_Object and not SpecialType.System_ValueType and not SpecialType.System_Enum } baseType && type.TypeKind == TypeKind.Class)
            {
                bases.Add(baseType.ToDisplayString(s_nameFormat));
            }

            bases.AddRange(type.Interfaces.Select(i => i.ToDisplayString(s_nameFormat)).Order(StringComparer.Ordinal));
            if (bases.Count > 0)
            {
                text.Append(" : ").Append(string.Join(", ", bases));
            }

            text.Append('\n');
            IEnumerable<string> members = type.GetMembers()
                .Where(IsVisible)
                .Where(m => m is not IMethodSymbol { MethodKind: MethodKind.PropertyGet or MethodKind.PropertySet or MethodKind.EventAdd or MethodKind.EventRemove })
                .Where(m => !m.IsImplicitlyDeclared || m is IMethodSymbol { MethodKind: MethodKind.Constructor } && type.TypeKind != TypeKind.Struct)
                .Where(m => m is not INamedTypeSymbol)
                .Select(m => (m.Name, Text: "    " + Obsolete(m) + m.ToDisplayString(s_format).Replace("default(System.Threading.CancellationToken)", "default", StringComparison.Ordinal)))
                .OrderBy(m => m.Name, StringComparer.Ordinal)
                .ThenBy(m => m.Text, StringComparer.Ordinal)
                .Select(m => m.Text);
            foreach (string member in members)
            {
                text.Append(member).Append('\n');
            }
        }

        return text.ToString();
    }

    private static string TypeModifiers(INamedTypeSymbol type) =>
        "public "
        + (type.IsStatic ? "static " : type.IsAbstract && type.TypeKind == TypeKind.Class ? "abstract " : type.IsSealed && type.TypeKind == TypeKind.Class ? "sealed " : string.Empty);

    private static void Collect(INamespaceOrTypeSymbol container, List<INamedTypeSymbol> types)
    {
        foreach (ISymbol member in container.GetMembers())
        {
            if (member is INamespaceSymbol ns)
            {
                Collect(ns, types);
            }
            else if (member is INamedTypeSymbol type && type.DeclaredAccessibility == Accessibility.Public)
            {
                types.Add(type);
                Collect(type, types);
            }
        }
    }

    private static bool IsVisible(ISymbol member) =>
        member.DeclaredAccessibility is Accessibility.Public or Accessibility.Protected or Accessibility.ProtectedOrInternal
        || (member is IMethodSymbol or IPropertySymbol or IEventSymbol && member.ContainingType.TypeKind == TypeKind.Interface)
        || ExplicitlyImplements(member);

    private static bool ExplicitlyImplements(ISymbol member) => member switch
    {
        IMethodSymbol method => method.ExplicitInterfaceImplementations.Length > 0,
        IPropertySymbol property => property.ExplicitInterfaceImplementations.Length > 0,
        _ => false,
    };

    private static string Obsolete(ISymbol symbol) =>
        symbol.GetAttributes().Any(a => a.AttributeClass?.ToDisplayString() == "System.ObsoleteAttribute") ? "[Obsolete] " : string.Empty;
}
