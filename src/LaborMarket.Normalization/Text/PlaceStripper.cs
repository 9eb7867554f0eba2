namespace LaborMarket.Normalization.Text;

/// <summary>
/// The "strip places" stage: "Registered Nurse - San Diego, CA", "Account Manager (Little Rock, AR 72201)", "Nurse -
/// Texas": a place after the title is not part of it and its words are marked as noise. A two-letter code counts only
/// after a comma behind a qualifier ("- Boston, MA") or before a ZIP code, so that "Physician Assistant - PA",
/// "RN, OR" and "Tech - CT" keep their letters.
/// </summary>
internal static class PlaceStripper
{
    public static void Mark(RawWords words)
    {
        var end = words.Count;
        var zip = false;
        while (end > 0 && words.Word(end - 1) is { Length: 5 } w && w.IndexOfAnyExceptInRange('0', '9') < 0)
        {
            zip = true;
            end--;
        }

        // Only a place after the title (in a later segment or in parentheses) or before a ZIP code is dropped.
        var titleSegment = words.Tokens[0].Segment;
        bool FollowsTitle(TitleToken t) => t.Segment != titleSegment || (t.Flags & TokenFlags.Secondary) != 0;
        if (end < 2 || !(zip || FollowsTitle(words.Tokens[end - 1])))
        {
            return;
        }

        // The longest run of up to three words at the end that names a state, within one segment.
        var from = -1;
        var code = false;
        for (var k = Math.Min(3, end); k >= 1 && from < 0; k--)
        {
            var first = end - k;
            var a = words.Tokens[first];
            var b = words.Tokens[end - 1];
            if (a.Segment != b.Segment || !UsState.TryParse(words.Chars.AsSpan(a.Start, b.Start + b.Length - a.Start), out _))
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
        var state = words.Tokens[from];
        var startsSegment = words.Tokens[from - 1].Segment != state.Segment;
        var citySegment = words.Tokens[from - 1].Segment;
        var city = from;
        while (city > 0 && from - city < 3 && words.Tokens[city - 1].Segment == citySegment && FollowsTitle(words.Tokens[city - 1]))
        {
            city--;
        }

        var located = code ? zip || (startsSegment && city < from) : zip || FollowsTitle(state);
        if (!located)
        {
            return;
        }

        for (var i = city; i < words.Count; i++)
        {
            words.Tokens[i].Flags |= TokenFlags.Noise;
        }
    }
}
