using System.Globalization;
using System.Text;

namespace LaborMarket.Normalization.Text;

/// <summary>
/// The "fold" stage: non-ASCII input to the ASCII the later stages read. What the tables of
/// <see cref="CharFolding"/> know is folded; lone surrogates, astral symbols and controls become separators; anything
/// else is decomposed by the platform (a no-op in globalization-invariant processes) and its marks dropped.
/// </summary>
internal static class TitleFolding
{
    /// <summary>True when the text has a character outside ASCII (the common ASCII title skips this stage and
    /// allocates nothing).</summary>
    public static bool NeedsFolding(ReadOnlySpan<char> input)
    {
        foreach (var c in input)
        {
            if (c >= 0x80)
            {
                return true;
            }
        }

        return false;
    }

    public static string Fold(ReadOnlySpan<char> input)
    {
        var sb = new StringBuilder(input.Length + 8);
        for (var i = 0; i < input.Length; i++)
        {
            var c = input[i];
            if (char.IsHighSurrogate(c))
            {
                if (i + 1 < input.Length && char.IsLowSurrogate(input[i + 1]))
                {
                    i++; // an emoji or other astral symbol: a separator
                }

                sb.Append(' ');
                continue;
            }

            if (char.IsLowSurrogate(c) || char.IsControl(c))
            {
                sb.Append(' ');
                continue;
            }

            if (!CharFolding.TryFold(c, sb))
            {
                sb.Append(c);
            }
        }

        var folded = sb.ToString();
        if (!NeedsFolding(folded))
        {
            return folded;
        }

        try
        {
            folded = folded.Normalize(NormalizationForm.FormKD);
        }
        catch (Exception ex) when (ex is ArgumentException or PlatformNotSupportedException)
        {
            return folded;
        }

        sb.Clear();
        foreach (var c in folded)
        {
            var cat = CharUnicodeInfo.GetUnicodeCategory(c);
            if (cat is not (UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark
                or UnicodeCategory.Format))
            {
                sb.Append(c);
            }
        }

        return sb.ToString();
    }
}
