namespace LaborMarket.Normalization.Text;

/// <summary>
/// Folds the non-ASCII characters seen in job titles to ASCII without relying on ICU, so results are the same
/// in globalization-invariant processes (containers): accented Latin letters, ligatures, full-width forms,
/// Roman numeral signs, dashes, quotes and spaces. Combining marks are dropped.
/// </summary>
internal static class CharFolding
{
    // U+00C0 to U+017F: the ASCII letters each character decomposes to (" " for signs such as U+00D7).
    private static readonly string[] Latin =
    [
        "A", "A", "A", "A", "A", "A", "AE", "C", "E", "E", "E", "E", "I", "I", "I", "I",
        "D", "N", "O", "O", "O", "O", "O", " ", "O", "U", "U", "U", "U", "Y", "TH", "ss",
        "a", "a", "a", "a", "a", "a", "ae", "c", "e", "e", "e", "e", "i", "i", "i", "i",
        "d", "n", "o", "o", "o", "o", "o", " ", "o", "u", "u", "u", "u", "y", "th", "y",
        "A", "a", "A", "a", "A", "a", "C", "c", "C", "c", "C", "c", "C", "c", "D", "d",
        "D", "d", "E", "e", "E", "e", "E", "e", "E", "e", "E", "e", "G", "g", "G", "g",
        "G", "g", "G", "g", "H", "h", "H", "h", "I", "i", "I", "i", "I", "i", "I", "i",
        "I", "i", "IJ", "ij", "J", "j", "K", "k", "k", "L", "l", "L", "l", "L", "l", "L",
        "l", "L", "l", "N", "n", "N", "n", "N", "n", "n", "N", "n", "O", "o", "O", "o",
        "O", "o", "OE", "oe", "R", "r", "R", "r", "R", "r", "S", "s", "S", "s", "S", "s",
        "S", "s", "T", "t", "T", "t", "T", "t", "U", "u", "U", "u", "U", "u", "U", "u",
        "U", "u", "U", "u", "W", "w", "Y", "y", "Y", "Z", "z", "Z", "z", "Z", "z", "s",
    ];

    /// <summary>Appends the folded form of <paramref name="c"/>; returns false when the character has no folding.</summary>
    public static bool TryFold(char c, System.Text.StringBuilder sb)
    {
        switch (c)
        {
            case >= '\u00C0' and <= '\u017F':
                sb.Append(Latin[c - 0xC0]);
                return true;
            case >= '\uFF01' and <= '\uFF5E':
                sb.Append((char)(c - 0xFEE0));
                return true;
            case >= '\u0300' and <= '\u036F':
                return true;
            case '\u3000' or '\u00A0' or '\u2007' or '\u202F' or '\u2009' or '\u200A' or '\u2002' or '\u2003':
                sb.Append(' ');
                return true;
            case '\u200B' or '\u200C' or '\u200D' or '\uFEFF' or '\u00AD':
                return true;
            case '\u2010' or '\u2011' or '\u2012' or '\u2013' or '\u2014' or '\u2015' or '\u2212' or '\uFE58' or '\uFE63':
                sb.Append('-');
                return true;
            case '\u2018' or '\u2019' or '\u201A' or '\u201B' or '\u2032' or '\u00B4':
                sb.Append('\'');
                return true;
            case '\u201C' or '\u201D' or '\u201E' or '\u2033':
                sb.Append('"');
                return true;
            case '\uFB00':
                sb.Append("ff");
                return true;
            case '\uFB01':
                sb.Append("fi");
                return true;
            case '\uFB02':
                sb.Append("fl");
                return true;
            case '\uFB03':
                sb.Append("ffi");
                return true;
            case '\uFB04':
                sb.Append("ffl");
                return true;
            case '\uFB05' or '\uFB06':
                sb.Append("st");
                return true;
            case >= '\u2160' and <= '\u216B':
                sb.Append(' ').Append(Roman[c - 0x2160]).Append(' ');
                return true;
            case >= '\u2170' and <= '\u217B':
                sb.Append(' ').Append(Roman[c - 0x2170]).Append(' ');
                return true;
            default:
                return false;
        }
    }

    private static readonly string[] Roman = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII"];
}
