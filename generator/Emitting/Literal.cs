using System.Globalization;
using System.Text;

namespace AutoSend.Gen.Emitting;

/// <summary>
/// Writes spec text into C# safely. String literals escape everything outside printable ASCII, so no quote,
/// backslash, line break, Unicode line separator or bidi control from a spec can end a literal or hide code.
/// </summary>
internal static class Literal
{
    /// <summary>A C# string literal with the exact value.</summary>
    public static string String(string value)
    {
        var text = new StringBuilder(value.Length + 2).Append('"');
        foreach (char c in value)
        {
            switch (c)
            {
                case '"':
                    text.Append("\\\"");
                    break;
                case '\\':
                    text.Append("\\\\");
                    break;
                default:
                    if (c >= 0x20 && c <= 0x7E)
                    {
                        text.Append(c);
                    }
                    else
                    {
                        text.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    }

                    break;
            }
        }

        return text.Append('"').ToString();
    }

    /// <summary>Text for a <c>//</c> comment: printable ASCII only, on one line.</summary>
    public static string CommentText(string value)
    {
        var text = new StringBuilder(value.Length);
        foreach (char c in value)
        {
            text.Append(c >= 0x20 && c <= 0x7E ? c : '?');
        }

        return text.ToString();
    }
}
