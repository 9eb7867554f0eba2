namespace LaborMarket.Normalization.Text;

/// <summary>
/// The "find the head" stage. The head noun is the last word of the title proper. In an inverted title ("Engineer,
/// Software", "Dir., Talent Acq.") the first comma segment is a single word and that word is the head; the second
/// segment completes the title and later segments qualify it. "Director of Engineering" splits at "of" into rank
/// (holding the head) and field; a bare head word ("Engineer - Mechanical") takes a short qualifier as its field.
/// </summary>
internal static class HeadFinder
{
    private static readonly WordSet BareHeads = new(TitleVocabulary.BareHeads);
    private static readonly WordSet Organizations = new(TitleVocabulary.Organizations);
    private static readonly WordSet RanksBeforeHead = new(TitleVocabulary.RanksBeforeHead);
    private static readonly WordSet AssistingRanks = new(TitleVocabulary.AssistingRanks);

    /// <summary>Head words that name no occupation on their own.</summary>
    public static bool IsBareHead(ReadOnlySpan<char> word) => BareHeads.Contains(word);

    public static TitleHead Find(TitleWords words)
    {
        var firstSegment = -1;
        var inFirst = 0;
        var wordsInFirst = 0;
        var lastInFirst = -1;
        var anyPrimary = false;
        for (var i = 0; i < words.Count; i++)
        {
            var t = words.Tokens[i];
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
                var rank = RanksBeforeHead.Contains(words.Word(i));
                inFirst += rank || AssistingRanks.Contains(words.Word(i)) ? 0 : 1;
                wordsInFirst += rank ? 0 : 1;
                lastInFirst = i;
            }
        }

        if (!anyPrimary)
        {
            return ReadQualifiersAsTitle(words);
        }

        var head = FindOf(words, firstSegment, lastInFirst);
        if (wordsInFirst == 1 && NextSegment(words, firstSegment) < 0 && IsBareHead(words.Word(lastInFirst)))
        {
            PromoteQualifier(words, lastInFirst);
        }

        var inverted = inFirst == 1 && NextSegment(words, firstSegment) >= 0;
        for (var i = 0; i < words.Count; i++)
        {
            ref var t = ref words.Tokens[i];
            if ((t.Flags & TokenFlags.Secondary) == 0 && t.Segment != firstSegment)
            {
                // "Engineer, Software": the second segment completes the title; later segments qualify it.
                if (!(inverted && t.Segment == NextSegment(words, firstSegment)))
                {
                    t.Flags |= TokenFlags.Secondary;
                }
            }
        }

        return head;
    }

    // Everything was in parentheses or after a dash: that is the title (one more pass, which now finds primary words).
    private static TitleHead ReadQualifiersAsTitle(TitleWords words)
    {
        var anyContent = false;
        for (var i = 0; i < words.Count; i++)
        {
            anyContent |= words.Tokens[i].IsContent;
        }

        if (!anyContent)
        {
            return TitleHead.None; // nothing but noise: no head
        }

        for (var i = 0; i < words.Count; i++)
        {
            words.Tokens[i].Flags &= ~TokenFlags.Secondary;
        }

        return Find(words);
    }

    // "Director of Engineering" is an engineering director: the words before "of" name the rank and hold the head,
    // the words after it name the field and are read first. "Department of Transportation Engineer": an employer's
    // name, not a rank.
    private static TitleHead FindOf(TitleWords words, int firstSegment, int lastInFirst)
    {
        var before = -1;
        var ofSplit = -1;
        for (var i = 0; i < words.Count; i++)
        {
            var t = words.Tokens[i];
            if (t.Segment != firstSegment || (t.Flags & TokenFlags.Secondary) != 0)
            {
                continue;
            }

            if (t.IsContent)
            {
                if (ofSplit >= 0)
                {
                    return new TitleHead(before, ofSplit);
                }

                before = i;
            }
            else if (before >= 0 && ofSplit < 0 && words.Word(i) is "of" or "for" && !Organizations.Contains(words.Word(before)))
            {
                ofSplit = i;
            }
        }

        return new TitleHead(lastInFirst, -1);
    }

    // "Engineer - Mechanical", "Teacher (Math)", "Manager - Store 123": a title that is one bare head word says what
    // kind in the qualifier after it. Its words (up to three) complete the title as the second segment of
    // "Engineer, Mechanical" does; a longer qualifier, or one after a specific title ("Nurse - ICU"), stays a qualifier.
    private static void PromoteQualifier(TitleWords words, int head)
    {
        var first = -1;
        var count = 0;
        for (var i = head + 1; i < words.Count; i++)
        {
            var t = words.Tokens[i];
            if (!t.IsContent)
            {
                continue;
            }

            if ((t.Flags & TokenFlags.Secondary) == 0 || (first >= 0 && t.Segment != words.Tokens[first].Segment))
            {
                break;
            }

            first = first < 0 ? i : first;
            count++;
        }

        if (first < 0 || count > 3)
        {
            return;
        }

        // A qualifier in parentheses shares the head's segment: it gets a segment of its own, read before the head.
        var segment = words.Tokens[first].Segment == words.Tokens[head].Segment ? MaxSegment(words) + 1 : words.Tokens[first].Segment;
        for (var i = first; i < words.Count && count > 0; i++)
        {
            ref var t = ref words.Tokens[i];
            if (t.IsContent)
            {
                t.Flags &= ~TokenFlags.Secondary;
                t.Segment = segment;
                count--;
            }
        }
    }

    private static int MaxSegment(TitleWords words)
    {
        var max = 0;
        for (var i = 0; i < words.Count; i++)
        {
            max = Math.Max(max, words.Tokens[i].Segment);
        }

        return max;
    }

    private static int NextSegment(TitleWords words, int firstSegment)
    {
        for (var i = 0; i < words.Count; i++)
        {
            var t = words.Tokens[i];
            if (t.IsContent && (t.Flags & TokenFlags.Secondary) == 0 && t.Segment > firstSegment)
            {
                return t.Segment;
            }
        }

        return -1;
    }
}
