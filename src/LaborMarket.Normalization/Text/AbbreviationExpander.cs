using System.Globalization;

namespace LaborMarket.Normalization.Text;

/// <summary>
/// The "expand abbreviations" stage: turns the words as read into the title's words. Abbreviations are expanded by
/// position (<see cref="Abbreviations"/>); two-word noise is read first ("PM Shift" is no project manager); numbers
/// become levels or noise; a vice president of a function heads it as a director does.
/// </summary>
internal sealed class AbbreviationExpander
{
    private readonly SpanLookup<(string Head, string Modifier)> _abbreviations;

    public AbbreviationExpander()
    {
        var abbr = new Dictionary<string, (string, string)>(StringComparer.Ordinal);
        foreach (var entry in Abbreviations.Entries)
        {
            var eq = entry.IndexOf('=', StringComparison.Ordinal);
            var value = entry[(eq + 1)..];
            var bar = value.IndexOf('|', StringComparison.Ordinal);
            abbr.TryAdd(entry[..eq], bar < 0 ? (value, value) : (value[..bar], value[(bar + 1)..]));
        }

        _abbreviations = new(abbr);
    }

    public void Expand(RawWords raw, TitleWords words)
    {
        words.Clear();
        for (var r = 0; r < raw.Count; r++)
        {
            var t = raw.Tokens[r];
            var word = raw.Word(r);
            if ((t.Flags & TokenFlags.Noise) != 0)
            {
                Emit(words, word, t, TokenFlags.None); // a place: kept as noise, not expanded
                continue;
            }

            // Two-word noise ("Full Time", "PM Shift") is read before abbreviations: "PM" there is not a project manager.
            if (r + 1 < raw.Count && NoiseWords.IsNoisePair(word, raw.Word(r + 1)))
            {
                Emit(words, word, t, TokenFlags.Noise);
                Emit(words, raw.Word(r + 1), raw.Tokens[r + 1], TokenFlags.Noise);
                r++;
                continue;
            }

            if (word.IndexOfAnyInRange('0', '9') >= 0)
            {
                Emit(words, word, t, NumberFlags(raw, r));
                continue;
            }

            if (r > 0 && NoiseWords.RomanValue(word) > 0 && !(word is "i" && r + 1 < raw.Count && raw.Word(r + 1) is "c"))
            {
                Emit(words, word, t, TokenFlags.Level);
                continue;
            }

            if (_abbreviations.TryGetValue(word, out var expansion))
            {
                var text = IsLastInSegment(raw, r) ? expansion.Head : expansion.Modifier;
                var from = 0;
                while (from < text.Length)
                {
                    var sp = text.IndexOf(' ', from);
                    var end = sp < 0 ? text.Length : sp;
                    Emit(words, text.AsSpan(from, end - from), t, TokenFlags.None);
                    from = end + 1;
                }

                continue;
            }

            Emit(words, word, t, TokenFlags.None);
        }
    }

    // A word with digits: a known word ("911"), a level, or noise (a requisition number, "Grades 6-8", "13 weeks").
    private static TokenFlags NumberFlags(RawWords raw, int r)
    {
        var word = raw.Word(r);
        if (NoiseWords.IsDigitWord(word))
        {
            return TokenFlags.None;
        }

        if (word.Length <= 2 && word.IndexOfAnyExceptInRange('0', '9') < 0 && r > 0)
        {
            // A level is a number after the title's words ("Engineer 2") or after a level word ("- Level 3").
            var v = int.Parse(word, NumberStyles.None, CultureInfo.InvariantCulture);
            var level = v is >= 1 and <= 10
                && ((raw.Tokens[r].Flags & TokenFlags.Secondary) == 0 || NoiseWords.IsLevelMarker(raw.Word(r - 1)));
            return level ? TokenFlags.Level : TokenFlags.Noise;
        }

        return TokenFlags.Noise;
    }

    // "Tech" is "technician" as the last word of its segment (levels and noise after it aside), "technical" before a word.
    private static bool IsLastInSegment(RawWords raw, int r)
    {
        for (var k = r + 1; k < raw.Count; k++)
        {
            if (raw.Tokens[k].Segment != raw.Tokens[r].Segment)
            {
                return true;
            }

            var w = raw.Word(k);
            if (w.IndexOfAnyInRange('0', '9') >= 0 || NoiseWords.RomanValue(w) > 0 || NoiseWords.IsAlwaysNoise(w))
            {
                continue;
            }

            return false;
        }

        return true;
    }

    private static void Emit(TitleWords words, ReadOnlySpan<char> word, TitleToken like, TokenFlags flags)
    {
        if (words.Count >= words.Tokens.Length || words.TextLength + word.Length > words.Text.Length)
        {
            return;
        }

        // "Vice President of Sales" (or "VP Sales") heads the sales function as a director does: the words that pick
        // the occupation are the function's, and "vice" stays only as the seniority evidence.
        if (word is "president" && words.Count > 0 && words.Word(words.Count - 1) is "vice" && words.Tokens[words.Count - 1].Segment == like.Segment)
        {
            words.Tokens[words.Count - 1].Flags |= TokenFlags.Seniority;
            word = "director";
        }

        words.Append(word, like, flags);
    }
}
