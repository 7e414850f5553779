namespace AutoSend.Gen.Emitting;

/// <summary>Attributes several emitters write.</summary>
internal static class Attributes
{
    /// <summary><c>[Obsolete]</c> for things the spec marks <c>deprecated</c>.</summary>
    public static void Obsolete(SourceWriter writer, bool deprecated, string message)
    {
        if (deprecated)
        {
            writer.Line("[" + KnownTypes.Bcl.ObsoleteAttribute + "(" + Literal.String(message) + ")]");
        }
    }
}
