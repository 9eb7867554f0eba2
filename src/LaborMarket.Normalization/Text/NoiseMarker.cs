using System.Globalization;

namespace LaborMarket.Normalization.Text;

/// <summary>
/// The "strip noise" stage over the expanded words: work-arrangement and pay words, pay grades ("Level II", "Grade
/// 5"), stray single letters, and the "in Training" of a trainee. Returns the title's level (the first level number or
/// Roman numeral), 0 when it names none.
/// </summary>
internal static class NoiseMarker
{
    private static readonly WordSet SingleLetterWords = new(TitleVocabulary.SingleLetterWords);

    public static int Mark(TitleWords words)
    {
        var level = 0;
        var firstWord = -1;
        for (var i = 0; i < words.Count; i++)
        {
            ref var t = ref words.Tokens[i];
            if ((t.Flags & (TokenFlags.Noise | TokenFlags.Level)) != 0)
            {
                if ((t.Flags & TokenFlags.Level) != 0 && level == 0)
                {
                    var w = words.Word(i);
                    level = NoiseWords.RomanValue(w) is > 0 and var rv ? rv : int.Parse(w, NumberStyles.None, CultureInfo.InvariantCulture);
                }

                continue;
            }

            var word = words.Word(i);

            // "Level II", "Grade 5", "Group A": the marker and what follows are a pay grade, not the title.
            if (NoiseWords.IsLevelMarker(word) && i > 0 && i + 1 < words.Count
                && ((words.Tokens[i + 1].Flags & TokenFlags.Level) != 0 || words.Tokens[i + 1].Length == 1))
            {
                t.Flags |= TokenFlags.Noise;
                continue;
            }

            // "Manager in Training" is a manager trainee, not a training manager.
            if (word is "training" && i > 0 && words.Word(i - 1) is "in")
            {
                t.Flags |= TokenFlags.Seniority;
                continue;
            }

            if (word.Length == 1 && !SingleLetterWords.Contains(word))
            {
                t.Flags |= TokenFlags.Noise;
                continue;
            }

            if (NoiseWords.IsNoise(word, first: firstWord < 0))
            {
                t.Flags |= TokenFlags.Noise;
                continue;
            }

            if (firstWord < 0)
            {
                firstWord = i;
            }
        }

        return level;
    }
}
