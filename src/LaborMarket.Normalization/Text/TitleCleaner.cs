using System.Globalization;
using System.Text;
using LaborMarket.Normalization.Seniority;

namespace LaborMarket.Normalization.Text;

/// <summary>
/// Turns a raw job title into words: Unicode folding, case, abbreviation expansion, noise and level
/// removal, segments (parentheses, " - ", commas) and seniority. Linear in the input; no regular expressions.
/// </summary>
internal sealed class TitleCleaner
{
    /// <summary>Titles are cut to this many characters before cleaning; nothing longer is a job title.</summary>
    public const int MaxInputLength = 256;

    private const byte NoiseAlways = 1;
    private const byte NoiseUnlessFirst = 2;

    private readonly SpanLookup<(string Head, string Modifier)> _abbreviations;
    private readonly SpanLookup<byte> _noise;
    private readonly SpanLookup<bool> _digitWords;
    private readonly SpanLookup<bool> _levelMarkers;

    public TitleCleaner()
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
        var noise = new Dictionary<string, byte>(StringComparer.Ordinal);
        foreach (var w in TitleVocabulary.NoiseUnlessFirst)
        {
            noise[w] = NoiseUnlessFirst;
        }

        foreach (var w in TitleVocabulary.AlwaysNoise)
        {
            noise[w] = NoiseAlways;
        }

        _noise = new(noise);
        _digitWords = new(TitleVocabulary.DigitWords.Select(w => KeyValuePair.Create(w, true)));
        _levelMarkers = new(TitleVocabulary.LevelMarkers.Select(w => KeyValuePair.Create(w, true)));
    }

    public void Clean(ReadOnlySpan<char> input, TitleScratch s)
    {
        s.Reset();
        input = input.Trim();
        if (input.Length > MaxInputLength)
        {
            input = input[..MaxInputLength];
            s.Truncated = true;
        }

        if (input.IsEmpty)
        {
            return;
        }

        var folded = NeedsFolding(input) ? Fold(input) : null;
        Tokenize(folded is null ? input : folded.AsSpan(), s);
        MergeDottedLetters(s);
        MarkLocation(s);
        Expand(s);
        MarkNoise(s);
        FindHead(s);
        SeniorityRules.Apply(s);
        BuildOrder(s);
        SeniorityRules.ReadHeadRank(s);
    }

    private static bool NeedsFolding(ReadOnlySpan<char> input)
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

    // Non-ASCII input: fold what the tables know, drop lone surrogates, controls and symbols, then let the platform
    // decompose anything else (a no-op in globalization-invariant processes) and drop the marks.
    private static string Fold(ReadOnlySpan<char> input)
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

    private static void Tokenize(ReadOnlySpan<char> input, TitleScratch s)
    {
        var depth = 0;
        var segment = 0;
        var secondaryFromHere = false;
        var start = -1;
        var n = 0;
        var raw = s.Raw;

        void End(TitleScratch sc, int at, bool dot)
        {
            if (start < 0)
            {
                return;
            }

            if (sc.RawCount < TitleScratch.MaxTokens)
            {
                sc.RawTokens[sc.RawCount++] = new TitleToken
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

            End(s, n, c == '.');
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
                    if (s.RawCount > 0)
                    {
                        secondaryFromHere = true;
                        segment++;
                    }

                    break;
                case ',':
                    if (s.RawCount > 0)
                    {
                        segment++;
                    }

                    break;
            }
        }

        End(s, n, false);
    }

    // "R.N." and "U.S." arrive as single letters each followed by a dot: join them.
    private static void MergeDottedLetters(TitleScratch s)
    {
        var w = 0;
        for (var r = 0; r < s.RawCount; r++)
        {
            var t = s.RawTokens[r];
            if (w > 0)
            {
                ref var prev = ref s.RawTokens[w - 1];
                if (prev.EndsWithDot && t.Length == 1 && prev.Start + prev.Length == t.Start && prev.Segment == t.Segment
                    && (prev.Length == 1 || IsDottedRun(s, prev)))
                {
                    prev.Length += 1;
                    prev.EndsWithDot = t.EndsWithDot;
                    continue;
                }
            }

            s.RawTokens[w++] = t;
        }

        s.RawCount = w;
    }

    // "Registered Nurse - San Diego, CA", "Account Manager (Little Rock, AR 72201)", "Nurse - Texas": a place after the
    // title is not part of it. A two-letter code counts only after a comma behind a qualifier ("- Boston, MA") or
    // before a ZIP code, so that "Physician Assistant - PA", "RN, OR" and "Tech - CT" keep their letters.
    private static void MarkLocation(TitleScratch s)
    {
        var end = s.RawCount;
        var zip = false;
        while (end > 0 && s.RawWord(end - 1) is { Length: 5 } w && w.IndexOfAnyExceptInRange('0', '9') < 0)
        {
            zip = true;
            end--;
        }

        // Only a place after the title (in a later segment or in parentheses) or before a ZIP code is dropped.
        var titleSegment = s.RawTokens[0].Segment;
        bool FollowsTitle(TitleToken t) => t.Segment != titleSegment || (t.Flags & TokenFlags.Secondary) != 0;
        if (end < 2 || !(zip || FollowsTitle(s.RawTokens[end - 1])))
        {
            return;
        }

        // The longest run of up to three words at the end that names a state, within one segment.
        var from = -1;
        var code = false;
        for (var k = Math.Min(3, end); k >= 1 && from < 0; k--)
        {
            var first = end - k;
            var a = s.RawTokens[first];
            var b = s.RawTokens[end - 1];
            if (a.Segment != b.Segment || !UsState.TryParse(s.Raw.AsSpan(a.Start, b.Start + b.Length - a.Start), out _))
            {
                continue;
            }

            from = first;
            code = k == 1 && a.Length == 2;
        }

        if (from <= 0)
        {
            return;
        }

        // The city: up to three words just before the state that already follow the title (after " - ", a comma or in
        // parentheses), either the state's own segment ("- Austin Texas") or the one before it ("- Boston, MA").
        var state = s.RawTokens[from];
        var startsSegment = s.RawTokens[from - 1].Segment != state.Segment;
        var citySegment = s.RawTokens[from - 1].Segment;
        var city = from;
        while (city > 0 && from - city < 3 && s.RawTokens[city - 1].Segment == citySegment && FollowsTitle(s.RawTokens[city - 1]))
        {
            city--;
        }

        var located = code ? zip || (startsSegment && city < from) : zip || FollowsTitle(state);
        if (!located)
        {
            return;
        }

        for (var i = city; i < s.RawCount; i++)
        {
            s.RawTokens[i].Flags |= TokenFlags.Noise;
        }
    }

    private static bool IsDottedRun(TitleScratch s, TitleToken t) => t.Length <= 3 && s.Raw.AsSpan(t.Start, t.Length).IndexOfAnyExceptInRange('a', 'z') < 0;

    private void Expand(TitleScratch s)
    {
        for (var r = 0; r < s.RawCount; r++)
        {
            var t = s.RawTokens[r];
            var word = s.RawWord(r);
            if ((t.Flags & TokenFlags.Noise) != 0)
            {
                Emit(s, word, t, TokenFlags.None); // a place: kept as noise, not expanded
                continue;
            }

            // Two-word noise ("Full Time", "PM Shift") is read before abbreviations: "PM" there is not a project manager.
            if (r + 1 < s.RawCount && IsNoisePair(word, s.RawWord(r + 1)))
            {
                Emit(s, word, t, TokenFlags.Noise);
                Emit(s, s.RawWord(r + 1), s.RawTokens[r + 1], TokenFlags.Noise);
                r++;
                continue;
            }

            if (word.IndexOfAnyInRange('0', '9') >= 0)
            {
                if (_digitWords.TryGetValue(word, out _))
                {
                    Emit(s, word, t, TokenFlags.None);
                }
                else if (word.Length <= 2 && word.IndexOfAnyExceptInRange('0', '9') < 0 && r > 0)
                {
                    // A level is a number after the title's words ("Engineer 2") or after a level word ("- Level 3");
                    // "Teacher (Grades 6-8)" or "- 13 weeks" are not levels.
                    var v = int.Parse(word, NumberStyles.None, CultureInfo.InvariantCulture);
                    var level = v is >= 1 and <= 10
                        && ((t.Flags & TokenFlags.Secondary) == 0 || _levelMarkers.TryGetValue(s.RawWord(r - 1), out _));
                    Emit(s, word, t, level ? TokenFlags.Level : TokenFlags.Noise);
                }
                else
                {
                    Emit(s, word, t, TokenFlags.Noise);
                }

                continue;
            }

            if (r > 0 && RomanValue(word) > 0 && !(word is "i" && r + 1 < s.RawCount && s.RawWord(r + 1) is "c"))
            {
                Emit(s, word, t, TokenFlags.Level);
                continue;
            }

            if (_abbreviations.TryGetValue(word, out var expansion))
            {
                var text = IsLastInSegment(s, r) ? expansion.Head : expansion.Modifier;
                var from = 0;
                while (from < text.Length)
                {
                    var sp = text.IndexOf(' ', from);
                    var end = sp < 0 ? text.Length : sp;
                    Emit(s, text.AsSpan(from, end - from), t, TokenFlags.None);
                    from = end + 1;
                }

                continue;
            }

            Emit(s, word, t, TokenFlags.None);
        }
    }

    private bool IsLastInSegment(TitleScratch s, int r)
    {
        for (var k = r + 1; k < s.RawCount; k++)
        {
            if (s.RawTokens[k].Segment != s.RawTokens[r].Segment)
            {
                return true;
            }

            var w = s.RawWord(k);
            if (w.IndexOfAnyInRange('0', '9') >= 0 || RomanValue(w) > 0 || (_noise.TryGetValue(w, out var kind) && kind == NoiseAlways))
            {
                continue;
            }

            return false;
        }

        return true;
    }

    private static void Emit(TitleScratch s, ReadOnlySpan<char> word, TitleToken like, TokenFlags flags)
    {
        if (s.Count >= TitleScratch.MaxTokens || s.TextLength + word.Length > s.Text.Length)
        {
            return;
        }

        // "Vice President of Sales" (or "VP Sales") heads the sales function as a director does: the words that pick
        // the occupation are the function's, and "vice" stays only as the seniority evidence.
        if (word is "president" && s.Count > 0 && s.Word(s.Count - 1) is "vice" && s.Tokens[s.Count - 1].Segment == like.Segment)
        {
            s.Tokens[s.Count - 1].Flags |= TokenFlags.Seniority;
            word = "director";
        }

        word.CopyTo(s.Text.AsSpan(s.TextLength));
        s.Tokens[s.Count++] = new TitleToken
        {
            Start = s.TextLength,
            Length = word.Length,
            StemLength = StemLength(word),
            Segment = like.Segment,
            Flags = like.Flags | flags,
        };
        s.TextLength += word.Length;
    }

    /// <summary>
    /// A light, prefix-only stemmer: plural and "-ing" endings, a final "e", and "y" after a consonant, so that
    /// "secretaries"/"secretary", "nurses"/"nursing"/"nurse" and "swimming"/"swim" meet. Never below three letters.
    /// </summary>
    internal static int StemLength(ReadOnlySpan<char> w)
    {
        var n = w.Length;
        if (n < 4 || w.IndexOfAnyInRange('0', '9') >= 0)
        {
            return n;
        }

        if (w.EndsWith("ies") && n > 4)
        {
            n -= 3;
        }
        else if (w.EndsWith("sses"))
        {
            n -= 2;
        }
        else if (w[n - 1] == 's' && w[n - 2] is not ('s' or 'u' or 'i'))
        {
            n--;
        }

        if (n > 6 && w[..n].EndsWith("ing"))
        {
            n -= 3;
            if (n > 3 && w[n - 1] == w[n - 2] && w[n - 1] is not ('l' or 's' or 'z') && !IsVowel(w[n - 1]))
            {
                n--;
            }
        }

        if (n > 3 && w[n - 1] == 'e')
        {
            n--;
        }
        else if (n > 3 && w[n - 1] == 'y' && !IsVowel(w[n - 2]))
        {
            n--;
        }

        return n;
    }

    private static bool IsVowel(char c) => c is 'a' or 'e' or 'i' or 'o' or 'u';

    internal static int RomanValue(ReadOnlySpan<char> w) => w switch
    {
        "i" => 1,
        "ii" => 2,
        "iii" => 3,
        "iv" => 4,
        "v" => 5,
        "vi" => 6,
        "vii" => 7,
        "viii" => 8,
        "ix" => 9,
        "x" => 10,
        _ => 0,
    };

    private void MarkNoise(TitleScratch s)
    {
        var firstWord = -1;
        for (var i = 0; i < s.Count; i++)
        {
            ref var t = ref s.Tokens[i];
            if ((t.Flags & (TokenFlags.Noise | TokenFlags.Level)) != 0)
            {
                if ((t.Flags & TokenFlags.Level) != 0 && s.Level == 0)
                {
                    var w = s.Word(i);
                    s.Level = RomanValue(w) is > 0 and var rv ? rv : int.Parse(w, NumberStyles.None, CultureInfo.InvariantCulture);
                }

                continue;
            }

            var word = s.Word(i);

            // "Level II", "Grade 5", "Group A": the marker and what follows are a pay grade, not the title.
            if (_levelMarkers.TryGetValue(word, out _) && i > 0 && i + 1 < s.Count
                && ((s.Tokens[i + 1].Flags & TokenFlags.Level) != 0 || s.Tokens[i + 1].Length == 1))
            {
                t.Flags |= TokenFlags.Noise;
                continue;
            }

            // "Manager in Training" is a manager trainee, not a training manager.
            if (word is "training" && i > 0 && s.Word(i - 1) is "in")
            {
                t.Flags |= TokenFlags.Seniority;
                continue;
            }

            if (word.Length == 1 && !(word is "c" or "r"))
            {
                t.Flags |= TokenFlags.Noise;
                continue;
            }

            if (_noise.TryGetValue(word, out var kind) && (kind == NoiseAlways || firstWord >= 0))
            {
                t.Flags |= TokenFlags.Noise;
                continue;
            }

            if (firstWord < 0)
            {
                firstWord = i;
            }
        }
    }

    private static bool IsNoisePair(ReadOnlySpan<char> a, ReadOnlySpan<char> b)
    {
        foreach (var (first, second) in TitleVocabulary.NoisePairs)
        {
            if (a.SequenceEqual(first) && b.SequenceEqual(second))
            {
                return true;
            }
        }

        return false;
    }

    // The head noun is the last word of the title proper. In an inverted title ("Engineer, Software",
    // "Dir., Talent Acq.") the first comma segment is a single word and that word is the head.
    private static void FindHead(TitleScratch s)
    {
        var firstSegment = -1;
        var inFirst = 0;
        var wordsInFirst = 0;
        var lastInFirst = -1;
        var anyPrimary = false;
        for (var i = 0; i < s.Count; i++)
        {
            var t = s.Tokens[i];
            if (!t.IsContent || (t.Flags & TokenFlags.Secondary) != 0)
            {
                continue;
            }

            anyPrimary = true;
            if (firstSegment < 0)
            {
                firstSegment = t.Segment;
            }

            if (t.Segment == firstSegment)
            {
                // "Senior Manager, Marketing" inverts as "Manager, Marketing" does: a rank word before the head is not
                // a second word of the title ("Assistant Manager" is still two words for a qualifier to complete).
                var rank = s.Word(i) is "senior" or "junior" or "interim" or "acting";
                inFirst += rank || s.Word(i) is "assistant" or "associate" or "deputy" ? 0 : 1;
                wordsInFirst += rank ? 0 : 1;
                lastInFirst = i;
            }
        }

        if (!anyPrimary)
        {
            var anyContent = false;
            for (var i = 0; i < s.Count; i++)
            {
                anyContent |= s.Tokens[i].IsContent;
            }

            if (!anyContent)
            {
                return; // nothing but noise: no head
            }

            // Everything was in parentheses or after a dash: treat it as the title (one more pass, which now finds primary words).
            for (var i = 0; i < s.Count; i++)
            {
                s.Tokens[i].Flags &= ~TokenFlags.Secondary;
            }

            FindHead(s);
            return;
        }

        s.Head = lastInFirst;
        FindOf(s, firstSegment);
        if (wordsInFirst == 1 && !HasLaterPrimarySegment(s, firstSegment) && IsBareHead(s.Word(lastInFirst)))
        {
            PromoteQualifier(s, lastInFirst);
        }

        var inverted = inFirst == 1 && HasLaterPrimarySegment(s, firstSegment);
        for (var i = 0; i < s.Count; i++)
        {
            ref var t = ref s.Tokens[i];
            if ((t.Flags & TokenFlags.Secondary) == 0 && t.Segment != firstSegment)
            {
                // "Engineer, Software": the second segment completes the title; later segments qualify it.
                if (!(inverted && t.Segment == NextSegment(s, firstSegment)))
                {
                    t.Flags |= TokenFlags.Secondary;
                }
            }
        }
    }

    // "Engineer - Mechanical", "Teacher (Math)", "Manager - Store 123": a title that is one bare head word says what
    // kind in the qualifier after it. Its words (up to three) complete the title as the second segment of
    // "Engineer, Mechanical" does; a longer qualifier, or one after a specific title ("Nurse - ICU"), stays a qualifier.
    private static void PromoteQualifier(TitleScratch s, int head)
    {
        var first = -1;
        var words = 0;
        for (var i = head + 1; i < s.Count; i++)
        {
            var t = s.Tokens[i];
            if (!t.IsContent)
            {
                continue;
            }

            if ((t.Flags & TokenFlags.Secondary) == 0 || (first >= 0 && t.Segment != s.Tokens[first].Segment))
            {
                break;
            }

            first = first < 0 ? i : first;
            words++;
        }

        if (first < 0 || words > 3)
        {
            return;
        }

        // A qualifier in parentheses shares the head's segment: it gets a segment of its own, read before the head.
        var segment = s.Tokens[first].Segment == s.Tokens[head].Segment ? MaxSegment(s) + 1 : s.Tokens[first].Segment;
        for (var i = first; i < s.Count && words > 0; i++)
        {
            ref var t = ref s.Tokens[i];
            if (t.IsContent)
            {
                t.Flags &= ~TokenFlags.Secondary;
                t.Segment = segment;
                words--;
            }
        }
    }

    private static int MaxSegment(TitleScratch s)
    {
        var max = 0;
        for (var i = 0; i < s.Count; i++)
        {
            max = Math.Max(max, s.Tokens[i].Segment);
        }

        return max;
    }

    // Head words that name no occupation on their own.
    internal static bool IsBareHead(ReadOnlySpan<char> w) => w is "engineer" or "teacher" or "professor" or "instructor"
        or "lecturer" or "analyst" or "manager" or "director" or "technician" or "technologist" or "specialist" or "coordinator"
        or "representative" or "assistant" or "associate" or "consultant" or "supervisor" or "officer" or "clerk" or "developer"
        or "designer" or "administrator" or "scientist" or "operator" or "mechanic" or "inspector" or "agent" or "advisor"
        or "adviser" or "worker" or "aide" or "therapist" or "counselor" or "planner" or "architect" or "lead" or "programmer"
        or "installer" or "repairer" or "trainer" or "educator" or "researcher" or "helper" or "attendant" or "executive";

    // "Director of Engineering" is an engineering director: the words before "of" name the rank and hold the head,
    // the words after it name the field and are read first.
    private static void FindOf(TitleScratch s, int firstSegment)
    {
        var before = -1;
        for (var i = 0; i < s.Count; i++)
        {
            var t = s.Tokens[i];
            if (t.Segment != firstSegment || (t.Flags & TokenFlags.Secondary) != 0)
            {
                continue;
            }

            if (t.IsContent)
            {
                if (s.OfSplit >= 0)
                {
                    s.Head = before;
                    return;
                }

                before = i;
            }
            else if (before >= 0 && s.OfSplit < 0 && s.Word(i) is "of" or "for" && !IsOrganization(s.Word(before)))
            {
                s.OfSplit = i;
            }
        }

        s.OfSplit = -1;
    }

    // "Department of Transportation Engineer", "University of Chicago Research Assistant": an employer's name, not a rank.
    private static bool IsOrganization(ReadOnlySpan<char> w) => w is "department" or "dept" or "bureau" or "board" or "office"
        or "division" or "ministry" or "university" or "college" or "school" or "institute" or "city" or "county" or "state"
        or "commonwealth" or "village" or "town" or "township" or "academy" or "museum" or "bank" or "church";

    private static bool HasLaterPrimarySegment(TitleScratch s, int firstSegment) => NextSegment(s, firstSegment) >= 0;

    private static int NextSegment(TitleScratch s, int firstSegment)
    {
        for (var i = 0; i < s.Count; i++)
        {
            var t = s.Tokens[i];
            if (t.IsContent && (t.Flags & TokenFlags.Secondary) == 0 && t.Segment > firstSegment)
            {
                return t.Segment;
            }
        }

        return -1;
    }

    private static void BuildOrder(TitleScratch s)
    {
        var firstSegment = s.Head >= 0 ? s.Tokens[s.Head].Segment : -1;

        // Primary words: for an inverted title the second segment's words come first, then the head.
        for (var pass = 0; pass < 2; pass++)
        {
            for (var i = 0; i < s.Count; i++)
            {
                var t = s.Tokens[i];
                if (!t.IsContent || (t.Flags & TokenFlags.Secondary) != 0)
                {
                    continue;
                }

                var isFirstSegment = t.Segment == firstSegment && (s.OfSplit < 0 || i < s.OfSplit);
                if ((pass == 0 && !isFirstSegment) || (pass == 1 && isFirstSegment))
                {
                    s.Order[s.OrderCount++] = i;
                }
            }
        }

        s.PrimaryCount = s.OrderCount;
        for (var i = 0; i < s.Count; i++)
        {
            var t = s.Tokens[i];
            if (t.IsContent && (t.Flags & TokenFlags.Secondary) != 0)
            {
                s.Order[s.OrderCount++] = i;
            }
        }
    }
}
