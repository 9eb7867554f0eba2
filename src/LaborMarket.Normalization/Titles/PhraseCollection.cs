using LaborMarket.Normalization.Text;

namespace LaborMarket.Normalization.Titles;

/// <summary>
/// The first stage of building a <see cref="TitleIndex"/>: every alias and title cleaned once, its distinct word stems
/// numbered, and its exact and word-set keys voted for its role.
/// </summary>
internal sealed class PhraseCollection
{
    public readonly Dictionary<string, int> Words = new(StringComparer.Ordinal);
    public readonly List<string> WordList = [];
    public readonly List<int[]> PhraseWords = [];
    public readonly List<int> PhraseHeads = [];
    public readonly List<int> PhraseRoles = [];
    public readonly List<float> PhraseWeights = [];
    public readonly List<string> PhraseTexts = [];
    public readonly Dictionary<string, Dictionary<int, (float Weight, int Phrase)>> ExactVotes = new(StringComparer.Ordinal);
    public readonly Dictionary<string, Dictionary<int, (float Weight, int Phrase)>> BagVotes = new(StringComparer.Ordinal);

    public int Count => PhraseWords.Count;

    public static PhraseCollection Collect(IReadOnlyList<PhraseSource> sources, TitleCleaner cleaner)
    {
        var c = new PhraseCollection();
        var s = new TitleScratch();
        foreach (var src in sources)
        {
            cleaner.Clean(src.Text, s);
            if (s.OrderCount == 0 || (s.OrderCount == 1 && HeadFinder.IsBareHead(s.Word(s.Order[0])) && LostWords(s)))
            {
                continue; // "OR Tech": without its lost word it would answer every bare "Technician"
            }

            var ids = new List<int>(s.OrderCount);
            for (var i = 0; i < s.OrderCount; i++)
            {
                var id = c.Id(s.Stem(s.Order[i]));
                if (!ids.Contains(id))
                {
                    ids.Add(id);
                }
            }

            var phrase = c.PhraseWords.Count;
            c.PhraseWords.Add(ids.ToArray());
            c.PhraseHeads.Add(s.Head >= 0 ? c.Id(s.Stem(s.Head)) : -1);
            c.PhraseRoles.Add(src.Role);
            c.PhraseWeights.Add(src.Weight);
            c.PhraseTexts.Add(src.Text);

            Vote(c.ExactVotes, s.BuildKey(primaryOnly: true).ToString(), src, phrase);
            if (s.OrderCount > s.PrimaryCount)
            {
                Vote(c.ExactVotes, s.BuildKey(primaryOnly: false).ToString(), src, phrase);
            }

            Vote(c.BagVotes, ExactKeys.BagKey(s), src, phrase);
        }

        return c;
    }

    /// <summary>Per word, how many of each role's phrases use it.</summary>
    public Dictionary<int, int>[] RoleWordCounts(int roleCount, out int rolesWithPhrases)
    {
        var roleWordCounts = new Dictionary<int, int>[WordList.Count];
        var rolePhraseCount = new int[roleCount];
        for (var p = 0; p < PhraseWords.Count; p++)
        {
            rolePhraseCount[PhraseRoles[p]]++;
            foreach (var w in PhraseWords[p])
            {
                var map = roleWordCounts[w] ??= [];
                map[PhraseRoles[p]] = map.GetValueOrDefault(PhraseRoles[p]) + 1;
            }
        }

        rolesWithPhrases = rolePhraseCount.Count(c => c > 0);
        return roleWordCounts;
    }

    private int Id(ReadOnlySpan<char> w)
    {
        var key = w.ToString();
        if (!Words.TryGetValue(key, out var id))
        {
            id = WordList.Count;
            Words[key] = id;
            WordList.Add(key);
        }

        return id;
    }

    private static bool LostWords(TitleScratch s)
    {
        for (var i = 0; i < s.Count; i++)
        {
            if ((s.Tokens[i].Flags & TokenFlags.Noise) != 0 && s.Tokens[i].Length <= 2)
            {
                return true;
            }
        }

        return false;
    }

    private static void Vote(Dictionary<string, Dictionary<int, (float, int)>> votes, string key, PhraseSource src, int phrase)
    {
        if (key.Length == 0)
        {
            return;
        }

        if (!votes.TryGetValue(key, out var byRole))
        {
            votes[key] = byRole = [];
        }

        var (w, p) = byRole.GetValueOrDefault(src.Role, (0f, phrase));
        byRole[src.Role] = (w + src.Weight, p);
    }
}
