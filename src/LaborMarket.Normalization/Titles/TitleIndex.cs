using LaborMarket.Normalization.Catalog;
using LaborMarket.Normalization.Text;

namespace LaborMarket.Normalization.Titles;

/// <summary>A title that names a role, with how much it counts when titles disagree.</summary>
internal readonly record struct PhraseSource(int Role, string Text, float Weight);

/// <summary>An exact-key answer: the role, its share of the votes for the key, and the phrase shown as the match.</summary>
internal readonly record struct ExactHit(int Role, float Share, int Phrase, int RunnerUp);

/// <summary>
/// The immutable matching structures: a vocabulary with role-level IDF, every alias and title as a
/// phrase vector with postings, naive Bayes word counts per role, exact and word-set maps and a deletion
/// index for typos.
/// </summary>
internal sealed class TitleIndex
{
    // Weights chosen on held-out O*NET 27.0 titles (see TitleQualityTests); changing them moves the measured accuracy.
    private const float FuzzyWeight = 0.5f; // a spelling correction is a guess: it counts half
    private const int LongPostingList = 1500;
    private const float SecondaryWeight = 0.5f;
    private const float HeadWeight = 1.35f;
    private const float HeadContains = 0.8f;
    private const float HeadMiss = 0.62f;
    private const float NbAlpha = 0.05f;
    private const float NbHead = 1f;
    private const int VoteK = 10;
    private const float PhraseShare = 0.3f;
    private const float VoteShare = 0.3f;

    private readonly TitleCleaner _cleaner;
    private readonly SpanLookup<int> _vocab;
    private readonly float[] _idf;
    private readonly float _maxIdf;
    private readonly int[] _phraseRole;
    private readonly int[] _phraseTokStart;
    private readonly int[] _phraseTok;
    private readonly float[] _phraseNorm;
    private readonly int[] _phraseHead;
    private readonly float[] _phraseWeight;
    private readonly string[] _phraseText;
    private readonly int[] _postStart;
    private readonly int[] _post;
    private readonly int[] _rcStart;
    private readonly int[] _rcRole;
    private readonly float[] _rcBoost;
    private readonly float[] _roleDenom;
    private readonly SpanLookup<ExactHit> _exact;
    private readonly SpanLookup<ExactHit> _bag;
    private readonly SpanLookup<int> _deletes;
    private readonly Dictionary<int, int> _roleBySoc = [];
    private readonly bool[] _headsOthers;
    [ThreadStatic]
    private static QueryScratch? t_scratch;

    public TitleIndex(IReadOnlyList<Role> roles, IReadOnlyList<PhraseSource> sources, TitleCleaner cleaner)
    {
        Roles = roles;
        _cleaner = cleaner;
        var s = new TitleScratch();

        // 1. Clean every phrase.
        var words = new Dictionary<string, int>(StringComparer.Ordinal);
        var wordList = new List<string>();
        var phraseWords = new List<int[]>();
        var phraseHeads = new List<int>();
        var phraseRoles = new List<int>();
        var phraseWeights = new List<float>();
        var phraseTexts = new List<string>();
        var exactVotes = new Dictionary<string, Dictionary<int, (float Weight, int Phrase)>>(StringComparer.Ordinal);
        var bagVotes = new Dictionary<string, Dictionary<int, (float Weight, int Phrase)>>(StringComparer.Ordinal);
        int Id(ReadOnlySpan<char> w)
        {
            var key = w.ToString();
            if (!words.TryGetValue(key, out var id))
            {
                id = wordList.Count;
                words[key] = id;
                wordList.Add(key);
            }

            return id;
        }

        foreach (var src in sources)
        {
            _cleaner.Clean(src.Text, s);
            if (s.OrderCount == 0 || (s.OrderCount == 1 && TitleCleaner.IsBareHead(s.Word(s.Order[0])) && LostWords(s)))
            {
                continue; // "OR Tech": without its lost word it would answer every bare "Technician"
            }

            var ids = new List<int>(s.OrderCount);
            for (var i = 0; i < s.OrderCount; i++)
            {
                var id = Id(s.Stem(s.Order[i]));
                if (!ids.Contains(id))
                {
                    ids.Add(id);
                }
            }

            var phrase = phraseWords.Count;
            phraseWords.Add(ids.ToArray());
            phraseHeads.Add(s.Head >= 0 ? Id(s.Stem(s.Head)) : -1);
            phraseRoles.Add(src.Role);
            phraseWeights.Add(src.Weight);
            phraseTexts.Add(src.Text);

            Vote(exactVotes, s.BuildKey(primaryOnly: true).ToString(), src, phrase);
            if (s.OrderCount > s.PrimaryCount)
            {
                Vote(exactVotes, s.BuildKey(primaryOnly: false).ToString(), src, phrase);
            }

            Vote(bagVotes, BagKey(s), src, phrase);
        }

        // 2. Vocabulary and role-level document frequency.
        var roleCount = roles.Count;
        var roleWordCounts = new Dictionary<int, int>[wordList.Count];
        var rolePhraseCount = new int[roleCount];
        for (var p = 0; p < phraseWords.Count; p++)
        {
            rolePhraseCount[phraseRoles[p]]++;
            foreach (var w in phraseWords[p])
            {
                var map = roleWordCounts[w] ??= [];
                map[phraseRoles[p]] = map.GetValueOrDefault(phraseRoles[p]) + 1;
            }
        }

        var rolesWithPhrases = rolePhraseCount.Count(c => c > 0);
        _idf = new float[wordList.Count];
        for (var w = 0; w < wordList.Count; w++)
        {
            _idf[w] = MathF.Max(0.1f, MathF.Log((rolesWithPhrases + 1f) / (roleWordCounts[w].Count + 0.5f)));
        }

        _maxIdf = _idf.Length == 0 ? 1 : _idf.Max();
        _vocab = new SpanLookup<int>(words);
        _headsOthers = new bool[wordList.Count];
        foreach (var w in (string[])["manager", "director", "supervisor", "superintendent", "foreman", "chief", "president"])
        {
            if (words.TryGetValue(w, out var id))
            {
                _headsOthers[id] = true;
            }
        }

        // 3. Phrase vectors and postings.
        var n = phraseWords.Count;
        _phraseRole = phraseRoles.ToArray();
        _phraseHead = phraseHeads.ToArray();
        _phraseWeight = phraseWeights.Select(w => w >= 2 ? 1f : 0.97f).ToArray();
        _phraseText = phraseTexts.ToArray();
        _phraseTokStart = new int[n + 1];
        _phraseNorm = new float[n];
        var flat = new List<int>();
        var df = new int[wordList.Count];
        for (var p = 0; p < n; p++)
        {
            _phraseTokStart[p] = flat.Count;
            var sum = 0f;
            foreach (var w in phraseWords[p])
            {
                flat.Add(w);
                df[w]++;
                sum += _idf[w] * _idf[w];
            }

            _phraseNorm[p] = MathF.Sqrt(sum);
        }

        _phraseTokStart[n] = flat.Count;
        _phraseTok = flat.ToArray();
        _postStart = new int[wordList.Count + 1];
        for (var w = 0; w < wordList.Count; w++)
        {
            _postStart[w + 1] = _postStart[w] + df[w];
        }

        _post = new int[_postStart[^1]];
        var fill = (int[])_postStart.Clone();
        for (var p = 0; p < n; p++)
        {
            foreach (var w in phraseWords[p])
            {
                _post[fill[w]++] = p;
            }
        }

        // 4. Naive Bayes, per word the roles whose titles use it: log P(word | role) = boost(word, role) - denom(role),
        // additive smoothing.
        _rcStart = new int[wordList.Count + 1];
        var rcRole = new List<int>();
        var rcBoost = new List<float>();
        var roleTokens = new float[roleCount];
        for (var w = 0; w < wordList.Count; w++)
        {
            _rcStart[w] = rcRole.Count;
            foreach (var (role, count) in roleWordCounts[w])
            {
                rcRole.Add(role);
                rcBoost.Add(MathF.Log((count + NbAlpha) / NbAlpha));
                roleTokens[role] += count;
            }
        }

        _rcStart[wordList.Count] = rcRole.Count;
        _rcRole = rcRole.ToArray();
        _rcBoost = rcBoost.ToArray();
        _roleDenom = roleTokens.Select(t => MathF.Log((t + (NbAlpha * wordList.Count)) / NbAlpha)).ToArray();

        _exact = new SpanLookup<ExactHit>(Winners(exactVotes));
        _bag = new SpanLookup<ExactHit>(Winners(bagVotes));
        _deletes = new SpanLookup<int>(BuildDeletes(wordList, roleWordCounts));
        PhraseCount = n;

        // One role per SOC code for answers made from a code: the first catalog role, an O*NET occupation's base
        // code (.00) before its specialties.
        for (var r = 0; r < roles.Count; r++)
        {
            var soc = roles[r].Soc.Value;
            if (!_roleBySoc.TryGetValue(soc, out var kept) || (roles[kept].Source == roles[r].Source && roles[kept].OnetSoc.Suffix > 0 && roles[r].OnetSoc.Suffix == 0))
            {
                _roleBySoc[soc] = r;
            }
        }
    }

    public IReadOnlyList<Role> Roles { get; }

    public int PhraseCount { get; }

    public TitleCleaner Cleaner => _cleaner;

    public string PhraseText(int phrase) => _phraseText[phrase];

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

    /// <summary>The role that stands for a SOC code, if any role has it.</summary>
    public bool TryGetRole(SocCode soc, out int role) => _roleBySoc.TryGetValue(soc.Value, out role);

    public bool TryExact(TitleScratch s, out ExactHit hit, out bool wordSet)
    {
        wordSet = false;
        if (_exact.TryGetValue(s.BuildKey(primaryOnly: true), out hit))
        {
            return true;
        }

        if (s.OrderCount > s.PrimaryCount && _exact.TryGetValue(s.BuildKey(primaryOnly: false), out hit))
        {
            return true;
        }

        var scratch = Scratch();
        if (_bag.TryGetValue(BagKey(s, scratch.BagBuffer), out hit))
        {
            wordSet = true;
            return true;
        }

        return false;
    }

    /// <summary>Scores roles by word overlap; fills <paramref name="top"/> with the best distinct roles, best first.</summary>
    public int Score(TitleScratch s, Span<ScoredRole> top, out int fuzzyWords, out int unknownWords)
    {
        var q = Scratch();
        fuzzyWords = 0;
        unknownWords = 0;
        var qn = 0;
        var qNormSq = 0f;
        var qHead = -1;
        for (var i = 0; i < s.OrderCount && qn < q.QueryIds.Length; i++)
        {
            var token = s.Order[i];
            var word = s.Stem(token);
            var rankHead = token == s.Head && s.HeadIsRank; // "Maintenance Lead": the other words name the work
            var secondary = (s.Tokens[token].Flags & TokenFlags.Secondary) != 0 || rankHead;
            var isHead = token == s.Head && !rankHead;
            var corrected = false;
            if (!_vocab.TryGetValue(word, out var id))
            {
                id = Fuzzy(word, q);
                if (id < 0)
                {
                    var missing = _maxIdf * (secondary ? SecondaryWeight : 1f);
                    qNormSq += missing * missing;
                    unknownWords++;
                    continue;
                }

                fuzzyWords++;
                corrected = true;
            }

            if (q.QueryIds.AsSpan(0, qn).Contains(id))
            {
                continue;
            }

            var w = _idf[id] * (secondary ? SecondaryWeight : 1f) * (isHead ? HeadWeight : 1f) * (corrected ? FuzzyWeight : 1f);
            q.QueryIds[qn] = id;
            q.QueryWeights[qn] = w;
            qn++;
            qNormSq += w * w;
            if (isHead)
            {
                qHead = id;
            }
        }

        if (qn == 0)
        {
            return 0;
        }

        var qNorm = MathF.Sqrt(qNormSq);

        // Rare words first: they bring in few phrases; very common words only re-score phrases already found.
        var ids = q.QueryIds.AsSpan(0, qn);
        var weights = q.QueryWeights.AsSpan(0, qn);
        SortByPostingLength(ids, weights);
        var touched = 0;
        for (var k = 0; k < qn; k++)
        {
            var t = ids[k];
            var contribution = weights[k] * _idf[t];
            var from = _postStart[t];
            var to = _postStart[t + 1];
            if (to - from <= LongPostingList || touched == 0)
            {
                for (var i = from; i < to; i++)
                {
                    var p = _post[i];
                    if (q.PhraseAcc[p] == 0)
                    {
                        q.Touched[touched++] = p;
                    }

                    q.PhraseAcc[p] += contribution;
                }
            }
            else
            {
                for (var i = 0; i < touched; i++)
                {
                    var p = q.Touched[i];
                    if (PhraseHas(p, t))
                    {
                        q.PhraseAcc[p] += contribution;
                    }
                }
            }
        }

        var touchedRoles = 0;
        for (var i = 0; i < touched; i++)
        {
            var p = q.Touched[i];
            var sim = q.PhraseAcc[p] / (qNorm * _phraseNorm[p]);
            q.PhraseAcc[p] = 0;
            if (qHead >= 0)
            {
                sim *= _phraseHead[p] == qHead ? 1f : PhraseHas(p, qHead) ? HeadContains : HeadMiss;
            }
            else if (s.HeadLearns && _phraseHead[p] >= 0 && _headsOthers[_phraseHead[p]]) // an intern is not a manager
            {
                sim *= HeadMiss;
            }

            sim *= _phraseWeight[p];
            KeepTop(q.TopPhraseSim, q.TopPhrase, ref q.TopCount, sim, p);
            var r = _phraseRole[p];
            if (q.RoleBest[r] == 0)
            {
                q.TouchedRoles[touchedRoles++] = r;
                q.RoleBestPhrase[r] = p;
                q.RoleBest[r] = sim;
            }
            else if (sim > q.RoleBest[r])
            {
                q.RoleBest[r] = sim;
                q.RoleBestPhrase[r] = p;
            }
        }

        // Naive Bayes log-likelihood of the query words under each role reached, as a posterior over those roles.
        var nbWeightSum = 0f;
        for (var k = 0; k < qn; k++)
        {
            var t = ids[k];
            var nbw = t == qHead ? NbHead : 1f;
            nbWeightSum += nbw;
            for (var i = _rcStart[t]; i < _rcStart[t + 1]; i++)
            {
                q.RoleLogLikelihood[_rcRole[i]] += nbw * _rcBoost[i];
            }
        }

        var maxLl = float.NegativeInfinity;
        for (var i = 0; i < touchedRoles; i++)
        {
            var r = q.TouchedRoles[i];
            var ll = q.RoleLogLikelihood[r] - (nbWeightSum * _roleDenom[r]);
            q.RoleLogLikelihood[r] = ll;
            maxLl = MathF.Max(maxLl, ll);
        }

        var z = 0f;
        for (var i = 0; i < touchedRoles; i++)
        {
            z += MathF.Exp(q.RoleLogLikelihood[q.TouchedRoles[i]] - maxLl);
        }

        // k nearest phrases vote for their roles.
        var voteTotal = 0f;
        for (var i = 0; i < q.TopCount; i++)
        {
            voteTotal += q.TopPhraseSim[i];
        }

        for (var i = 0; i < q.TopCount; i++)
        {
            q.RoleVote[_phraseRole[q.TopPhrase[i]]] += q.TopPhraseSim[i] / voteTotal;
        }

        q.TopCount = 0;
        var nbShare = 1 - PhraseShare - VoteShare;
        var count = 0;
        for (var i = 0; i < touchedRoles; i++)
        {
            var r = q.TouchedRoles[i];
            var posterior = MathF.Exp(q.RoleLogLikelihood[r] - maxLl) / z;
            var score = (PhraseShare * q.RoleBest[r]) + (VoteShare * q.RoleVote[r]) + (nbShare * posterior);
            q.RoleVote[r] = 0;
            q.RoleBest[r] = 0;
            count = Insert(top, count, new ScoredRole(r, score, q.RoleBestPhrase[r]));
        }

        // Log-likelihoods are accumulated for roles no phrase reached too; clear them all.
        for (var k = 0; k < qn; k++)
        {
            var t = ids[k];
            for (var i = _rcStart[t]; i < _rcStart[t + 1]; i++)
            {
                q.RoleLogLikelihood[_rcRole[i]] = 0;
            }
        }

        return count;
    }

    // One scratch per thread, sized for the index that last used it.
    private QueryScratch Scratch()
    {
        var q = t_scratch;
        if (q is null || !ReferenceEquals(q.Owner, this))
        {
            t_scratch = q = new QueryScratch(this, PhraseCount, Roles.Count);
        }

        return q;
    }

    private static void KeepTop(float[] sims, int[] phrases, ref int count, float sim, int phrase)
    {
        if (count == VoteK && sim <= sims[count - 1])
        {
            return;
        }

        var pos = count < VoteK ? count++ : VoteK - 1;
        while (pos > 0 && sims[pos - 1] < sim)
        {
            sims[pos] = sims[pos - 1];
            phrases[pos] = phrases[pos - 1];
            pos--;
        }

        sims[pos] = sim;
        phrases[pos] = phrase;
    }

    private static int Insert(Span<ScoredRole> top, int count, ScoredRole item)
    {
        if (count == top.Length && item.Score <= top[count - 1].Score)
        {
            return count;
        }

        var pos = count < top.Length ? count : top.Length - 1;
        while (pos > 0 && top[pos - 1].Score < item.Score)
        {
            if (pos < top.Length)
            {
                top[pos] = top[pos - 1];
            }

            pos--;
        }

        top[pos] = item;
        return Math.Min(count + 1, top.Length);
    }

    private bool PhraseHas(int phrase, int word) =>
        _phraseTok.AsSpan(_phraseTokStart[phrase], _phraseTokStart[phrase + 1] - _phraseTokStart[phrase]).Contains(word);

    private void SortByPostingLength(Span<int> ids, Span<float> weights)
    {
        for (var i = 1; i < ids.Length; i++)
        {
            for (var j = i; j > 0 && Postings(ids[j]) < Postings(ids[j - 1]); j--)
            {
                (ids[j], ids[j - 1]) = (ids[j - 1], ids[j]);
                (weights[j], weights[j - 1]) = (weights[j - 1], weights[j]);
            }
        }
    }

    private int Postings(int word) => _postStart[word + 1] - _postStart[word];

    // Edit distance one (insert, delete, substitute, transpose) through a symmetric deletion index.
    private int Fuzzy(ReadOnlySpan<char> word, QueryScratch q)
    {
        if (word.Length < 4 || word.Length > 30 || word.IndexOfAnyInRange('0', '9') >= 0)
        {
            return -1;
        }

        var best = -1;
        var bestDf = -1;
        void Consider(int id)
        {
            var d = _rcStart[id + 1] - _rcStart[id];
            if (d > bestDf)
            {
                best = id;
                bestDf = d;
            }
        }

        if (_deletes.TryGetValue(word, out var a))
        {
            Consider(a); // the query lacks one letter
        }

        var buffer = q.FuzzyBuffer.AsSpan(0, word.Length - 1);
        for (var i = 0; i < word.Length; i++)
        {
            word[..i].CopyTo(buffer);
            word[(i + 1)..].CopyTo(buffer[i..]);
            if (_vocab.TryGetValue(buffer, out var b))
            {
                Consider(b); // the query has one letter too many
            }

            if (_deletes.TryGetValue(buffer, out var c))
            {
                Consider(c); // one letter differs, or two are swapped
            }
        }

        return best;
    }

    private static Dictionary<string, int> BuildDeletes(List<string> words, Dictionary<int, int>[] roleWordCounts)
    {
        var map = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var id = 0; id < words.Count; id++)
        {
            var w = words[id];
            if (w.Length < 5 || w.AsSpan().IndexOfAnyInRange('0', '9') >= 0)
            {
                continue;
            }

            for (var i = 0; i < w.Length; i++)
            {
                var key = string.Concat(w.AsSpan(0, i), w.AsSpan(i + 1));
                if (!map.TryGetValue(key, out var existing) || roleWordCounts[existing].Count < roleWordCounts[id].Count)
                {
                    map[key] = id;
                }
            }
        }

        return map;
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

    private static IEnumerable<KeyValuePair<string, ExactHit>> Winners(Dictionary<string, Dictionary<int, (float Weight, int Phrase)>> votes)
    {
        foreach (var (key, byRole) in votes)
        {
            var total = 0f;
            var best = -1;
            var runnerUp = -1;
            (float Weight, int Phrase) bestVote = default;
            foreach (var (role, vote) in byRole)
            {
                total += vote.Weight;
                if (best < 0 || vote.Weight > bestVote.Weight || (vote.Weight == bestVote.Weight && role < best))
                {
                    runnerUp = best;
                    best = role;
                    bestVote = vote;
                }
                else if (runnerUp < 0 || vote.Weight > byRole[runnerUp].Weight)
                {
                    runnerUp = role;
                }
            }

            yield return KeyValuePair.Create(key, new ExactHit(best, bestVote.Weight / total, bestVote.Phrase, runnerUp));
        }
    }

    private static string BagKey(TitleScratch s) => BagKey(s, new char[TitleCleaner.MaxInputLength * 4]).ToString();

    // The primary words sorted, so "Engineer Software" and "Software Engineer" meet.
    private static ReadOnlySpan<char> BagKey(TitleScratch s, char[] buffer)
    {
        Span<int> order = stackalloc int[s.PrimaryCount];
        for (var i = 0; i < s.PrimaryCount; i++)
        {
            order[i] = s.Order[i];
        }

        for (var i = 1; i < order.Length; i++)
        {
            for (var j = i; j > 0 && s.Word(order[j]).SequenceCompareTo(s.Word(order[j - 1])) < 0; j--)
            {
                (order[j], order[j - 1]) = (order[j - 1], order[j]);
            }
        }

        var n = 0;
        for (var i = 0; i < order.Length; i++)
        {
            var w = s.Word(order[i]);
            if (i > 0 && w.SequenceEqual(s.Word(order[i - 1])))
            {
                continue;
            }

            if (n > 0)
            {
                buffer[n++] = ' ';
            }

            w.CopyTo(buffer.AsSpan(n));
            n += w.Length;
        }

        return buffer.AsSpan(0, n);
    }

    private sealed class QueryScratch(TitleIndex owner, int phrases, int roles)
    {
        public readonly TitleIndex Owner = owner;
        public readonly float[] PhraseAcc = new float[phrases];
        public readonly int[] Touched = new int[phrases];
        public readonly float[] RoleBest = new float[roles];
        public readonly int[] RoleBestPhrase = new int[roles];
        public readonly float[] RoleLogLikelihood = new float[roles];
        public readonly float[] RoleVote = new float[roles];
        public readonly float[] TopPhraseSim = new float[64];
        public readonly int[] TopPhrase = new int[64];
        public int TopCount;
        public readonly int[] TouchedRoles = new int[roles];
        public readonly int[] QueryIds = new int[TitleScratch.MaxTokens];
        public readonly float[] QueryWeights = new float[TitleScratch.MaxTokens];
        public readonly char[] FuzzyBuffer = new char[64];
        public readonly char[] BagBuffer = new char[TitleCleaner.MaxInputLength * 4];
    }
}

/// <summary>A role and its score from <see cref="TitleIndex.Score"/>.</summary>
internal readonly record struct ScoredRole(int Role, float Score, int Phrase);
