namespace AutoSend.Gen.Emitting;

/// <summary>
/// The four types that carry a group's operation methods (README, "Calling an operation"): the class, its interface,
/// its <c>WithRawResponse</c> mirror (nested in the class) and the mirror's interface. They share every signature; the
/// mirrors return the whole response, and the interfaces only declare.
/// </summary>
internal enum MethodSet
{
    Class,
    Interface,
    RawClass,
    RawInterface,
}

/// <summary>What each <see cref="MethodSet"/> writes.</summary>
internal static class MethodSetExtensions
{
    /// <summary>Whether the methods return the whole response (<c>ApiResponse&lt;T&gt;</c>).</summary>
    public static bool IsRaw(this MethodSet set) => set is MethodSet.RawClass or MethodSet.RawInterface;

    /// <summary>Whether the methods are declared only (an interface).</summary>
    public static bool IsDeclaration(this MethodSet set) => set is MethodSet.Interface or MethodSet.RawInterface;
}
