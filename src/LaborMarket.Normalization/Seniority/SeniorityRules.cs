using LaborMarket.Normalization.Text;

namespace LaborMarket.Normalization.Seniority;

/// <summary>
/// Reads seniority from a cleaned title's words and marks the pure modifiers ("senior", "junior", "lead"
/// before another word) so that they do not take part in matching the role.
/// </summary>
/// <remarks>
/// Hard cases, decided here on purpose:
/// <list type="bullet">
/// <item>"Senior Care Aide", "Senior Center Director": "senior" names the clients, not the rank; it stays a content word.</item>
/// <item>"Associate Director", "Associate Professor", "Associate Dean": director-level and faculty ranks, not entry level;
/// "Associate Engineer" and "Associate Consultant" are entry level; "Sales Associate" (associate as the head) has no rank.</item>
/// <item>"Staff Nurse", "Staff Accountant", "Staff Assistant": "staff" is a plain word; only in engineering and science
/// titles ("Staff Engineer", "Staff Data Scientist") does it mean the lead/staff level.</item>
/// <item>"Account Executive", "Executive Assistant", "Executive Chef": no executive rank; "Executive Director" and
/// "Executive Vice President" are executive and vice-president level.</item>
/// <item>"Funeral Director", "Principal" (of a school), "Head Cook": role words, not ranks above the job itself.</item>
/// <item>Roman numerals and digits after the title are levels: I entry, II mid, III senior, IV lead, V principal; a
/// seniority word outranks them ("Senior Engineer I" is senior), and manager-and-above titles keep their rank.</item>
/// </list>
/// </remarks>
internal static class SeniorityRules
{
    public static void Apply(TitleScratch s)
    {
        SeniorityLevel? best = s.Level > 0 ? LevelFromNumber(s.Level) : null;
        var bestToken = -1;
        for (var i = 0; i < s.Count; i++)
        {
            ref var t = ref s.Tokens[i];
            if ((t.Flags & (TokenFlags.Noise | TokenFlags.Level)) != 0)
            {
                continue;
            }

            var w = s.Word(i);
            var next = NextWord(s, i);
            var prev = PrevWord(s, i);
            var isHead = i == s.Head;
            SeniorityLevel? rank = null;
            var modifier = false;

            switch (w)
            {
                case "intern" or "internship" or "interns" or "coop":
                    rank = SeniorityLevel.Intern;
                    modifier = !isHead;
                    break;
                case "junior" when !(next is "high"):
                case "entry":
                    rank = SeniorityLevel.Entry;
                    modifier = !isHead;
                    break;
                case "training" when (t.Flags & TokenFlags.Seniority) != 0: // "in Training", marked by the cleaner
                    rank = SeniorityLevel.Entry;
                    modifier = true;
                    break;
                case "trainee" or "apprentice" or "beginner":
                    rank = SeniorityLevel.Entry;
                    modifier = !isHead;
                    break;
                case "assistant" when !isHead && NextRaw(s, i) is "director" or "dean" or "superintendent" or "commissioner" or "chief":
                    modifier = true; // an assistant director directs: the rank is the director's
                    break;
                case "associate" when !isHead:
                    modifier = true;
                    if (!(next is "professor" or "dean" or "pastor" or "principal" or "partner" or "producer" or "editor"
                        or "director" or "vice" or "chief" or "general" or "justice" or "judge" or "superintendent"
                        or "provost" or "counsel" or "creative" or "curator"))
                    {
                        rank = SeniorityLevel.Entry;
                    }

                    break;
                case "mid" or "intermediate" or "journeyman" or "journey":
                    rank = SeniorityLevel.Mid;
                    modifier = !isHead;
                    break;
                case "senior" when !(next is "care" or "living" or "center" or "citizen" or "citizens" or "services" or "housing"
                    or "companion" or "home" or "community" or "nutrition" or "aide" or "adult" or "adults" or "day" or "centers"):
                    rank = SeniorityLevel.Senior;
                    modifier = !isHead;
                    break;
                case "lead" when !(next is "abatement" or "paint" or "hazard" or "poisoning" or "inspector" or "risk"):
                    rank = SeniorityLevel.Lead;
                    modifier = !isHead && !(next is "teacher" or "generation");
                    break;
                case "staff" when next is "engineer" or "developer" or "scientist" or "architect" or "designer" or "data"
                    or "software" or "machine" or "product" or "researcher" or "security" or "site" or "systems" or "frontend"
                    or "backend" or "full" or "applied" or "research" or "firmware" or "hardware" or "platform" or "infrastructure":
                    rank = SeniorityLevel.Lead;
                    modifier = true;
                    break;
                case "principal" when !isHead && !(prev is "school" or "assistant" or "vice" or "elementary" or "high" or "middle"):
                case "distinguished":
                    rank = SeniorityLevel.Principal;
                    modifier = !isHead;
                    break;
                case "head":
                    rank = NextRaw(s, i) is "of" ? SeniorityLevel.Director : SeniorityLevel.Lead;
                    break;
                case "manager" or "supervisor" or "foreman" or "forewoman" or "superintendent" or "supervisory" or "sergeant"
                    or "lieutenant" or "captain" or "commander":
                    rank = SeniorityLevel.Manager;
                    break;
                case "director" when !(prev is "funeral"):
                    rank = prev is "executive" or "managing" ? SeniorityLevel.Executive : SeniorityLevel.Director;
                    break;
                case "vice" when next is "president" or "director":
                    rank = SeniorityLevel.VicePresident;
                    modifier = next is "director";
                    break;
                case "president" when !(prev is "vice"):
                case "owner" or "founder" or "cofounder" or "proprietor":
                    rank = SeniorityLevel.Executive;
                    break;
                case "chief":
                    rank = isHead ? SeniorityLevel.Manager : SeniorityLevel.Executive;
                    break;
                case "executive" when !isHead && next is "officer" or "director" or "leadership" or "committee":
                    rank = SeniorityLevel.Executive;
                    break;
                case "partner" when prev is "managing":
                    rank = SeniorityLevel.Executive;
                    break;
            }

            if (modifier)
            {
                t.Flags |= TokenFlags.Seniority;
            }

            if (rank is { } r && (best is null || r > best || (r == best && bestToken < 0)))
            {
                best = r;
                bestToken = i;
            }
        }

        s.Seniority = best ?? SeniorityLevel.Mid;
        s.SeniorityToken = bestToken;
    }

    private static SeniorityLevel LevelFromNumber(int level) => level switch
    {
        1 => SeniorityLevel.Entry,
        2 => SeniorityLevel.Mid,
        3 => SeniorityLevel.Senior,
        4 => SeniorityLevel.Lead,
        >= 5 => SeniorityLevel.Principal,
        _ => SeniorityLevel.Mid,
    };

    private static ReadOnlySpan<char> NextWord(TitleScratch s, int i)
    {
        for (var k = i + 1; k < s.Count; k++)
        {
            if ((s.Tokens[k].Flags & (TokenFlags.Noise | TokenFlags.Level)) == 0)
            {
                return s.Word(k);
            }
        }

        return default;
    }

    private static ReadOnlySpan<char> PrevWord(TitleScratch s, int i)
    {
        for (var k = i - 1; k >= 0; k--)
        {
            if ((s.Tokens[k].Flags & (TokenFlags.Noise | TokenFlags.Level)) == 0)
            {
                return s.Word(k);
            }
        }

        return default;
    }

    private static ReadOnlySpan<char> NextRaw(TitleScratch s, int i) => i + 1 < s.Count ? s.Word(i + 1) : default;
}
