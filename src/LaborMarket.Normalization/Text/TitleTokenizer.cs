namespace LaborMarket.Normalization.Text;

/// <summary>
/// The "tokenize" stage: splits a folded title into lower-cased words and their segments. A parenthesis, " - ",
/// "|", ";" or ":" starts a qualifier (secondary words); a comma starts a segment that may still complete the title
/// ("Engineer, Software"). Dotted initials ("R.N.", "U.S.") are joined into one word.
/// </summary>
internal static class TitleTokenizer
{
    public static void Tokenize(ReadOnlySpan<char> input, RawWords words)
    {
        var depth = 0;
        var segment = 0;
        var secondaryFromHere = false;
        var start = -1;
        var n = 0;
        var raw = words.Chars;
        words.Count = 0;

        void End(RawWords w, int at, bool dot)
        {
            if (start < 0)
            {
                return;
            }

            if (w.Count < w.Tokens.Length)
            {
                w.Tokens[w.Count++] = new TitleToken
                {
                    Start = start,
                    Length = at - start,
                    Segment = segment,
                    Flags = depth > 0 || secondaryFromHere ? TokenFlags.Secondary : TokenFlags.None,
                    EndsWithDot = dot,
                };
            }

            start = -1;
        }

        for (var i = 0; i < input.Length && n < raw.Length - 2; i++)
        {
            var c = input[i];
            if (char.IsLetterOrDigit(c))
            {
                if (start < 0)
                {
                    start = n;
                }

                raw[n++] = char.ToLowerInvariant(c);
                continue;
            }

            if (start >= 0 && c is '\'' && i + 1 < input.Length && char.IsLetter(input[i + 1]))
            {
                continue; // children's -> childrens
            }

            // "R&D", "A&P", "F&B": one word, spelled as the abbreviation table knows it ("rnd"); "A/P", "A/R": "ap", "ar".
            if (start >= 0 && n - start == 1 && c is '&' or '/' && i + 1 < input.Length && char.IsLetter(input[i + 1])
                && (i + 2 == input.Length || !char.IsLetterOrDigit(input[i + 2])))
            {
                if (c == '&')
                {
                    raw[n++] = 'n';
                }

                continue;
            }

            if (start >= 0 && (c is '+' or '#') && n - start <= 2 && raw[start] is 'c' or 'f')
            {
                raw[n++] = c; // c++, c#, f#
                continue;
            }

            End(words, n, c == '.');
            switch (c)
            {
                case '(' or '[' or '{':
                    depth++;
                    break;
                case ')' or ']' or '}':
                    depth = Math.Max(0, depth - 1);
                    break;
                case '-' when (i > 0 && char.IsWhiteSpace(input[i - 1])) || (i + 1 < input.Length && char.IsWhiteSpace(input[i + 1])):
                case '|' or ';' or ':' or '~' or '\u2022':
                    if (words.Count > 0)
                    {
                        secondaryFromHere = true;
                        segment++;
                    }

                    break;
                case ',':
                    if (words.Count > 0)
                    {
                        segment++;
                    }

                    break;
            }
        }

        End(words, n, false);
    }

    /// <summary>"R.N." and "U.S." arrive as single letters each followed by a dot: joins them.</summary>
    public static void JoinDottedInitials(RawWords words)
    {
        var w = 0;
        for (var r = 0; r < words.Count; r++)
        {
            var t = words.Tokens[r];
            if (w > 0)
            {
                ref var prev = ref words.Tokens[w - 1];
                if (prev.EndsWithDot && t.Length == 1 && prev.Start + prev.Length == t.Start && prev.Segment == t.Segment
                    && (prev.Length == 1 || IsDottedRun(words, prev)))
                {
                    prev.Length += 1;
                    prev.EndsWithDot = t.EndsWithDot;
                    continue;
                }
            }

            words.Tokens[w++] = t;
        }

        words.Count = w;
    }

    private static bool IsDottedRun(RawWords words, TitleToken t) =>
        t.Length <= 3 && words.Chars.AsSpan(t.Start, t.Length).IndexOfAnyExceptInRange('a', 'z') < 0;
}
