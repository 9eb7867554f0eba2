using LaborMarket.Normalization.Catalog;
using LaborMarket.Normalization.Text;

namespace LaborMarket.Normalization.Titles;

/// <summary>
/// The immutable matching structures, built in stages: the phrases cleaned and numbered
/// (<see cref="PhraseCollection"/>), a vocabulary with role-level IDF, the phrase vectors and postings
/// (<see cref="PhraseVectors"/>), naive Bayes word counts per role (<see cref="RoleWordModel"/>), exact and word-set
/// maps (<see cref="ExactKeys"/>) and a deletion index for typos (<see cref="TypoIndex"/>).
/// </summary>
internal sealed class TitleIndex
{
    // Weights chosen on held-out O*NET 27.0 titles (see TitleQualityTests); changing them moves the measured accuracy.
    private const float FuzzyWeight = 0.5f; // a spelling correction is a guess: it counts half
    private const float SecondaryWeight = 0.5f;
    private const float HeadWeight = 1.35f;
    private const float HeadContains = 0.8f;
    private const float HeadMiss = 0.62f;
    private const float NbHead = 1f;
    private const float PhraseShare = 0.3f;
    private const float VoteShare = 0.3f;

    private readonly TitleCleaner _cleaner;
    private readonly SpanLookup<int> _vocab;
    private readonly float[] _idf;
    private readonly float _maxIdf;
    private readonly bool[] _headsOthers;
    private readonly PhraseVectors _phrases;
    private readonly RoleWordModel _bayes;
    private readonly ExactKeys _exact;
    private readonly TypoIndex _typos;
    private readonly Dictionary<int, int> _roleBySoc = [];
    [ThreadStatic]
    private static TitleQueryScratch? t_scratch;

    public TitleIndex(IReadOnlyList<Role> roles, IReadOnlyList<PhraseSource> sources, TitleCleaner cleaner)
    {
        Roles = roles;
        _cleaner = cleaner;
        var collected = PhraseCollection.Collect(sources, cleaner);
        var roleWordCounts = collected.RoleWordCounts(roles.Count, out var rolesWithPhrases);

        _idf = new float[collected.WordList.Count];
        for (var w = 0; w < _idf.Length; w++)
        {
            _idf[w] = MathF.Max(0.1f, MathF.Log((rolesWithPhrases + 1f) / (roleWordCounts[w].Count + 0.5f)));
        }

        _maxIdf = _idf.Length == 0 ? 1 : _idf.Max();
        _vocab = new SpanLookup<int>(collected.Words);
        _headsOthers = new bool[_idf.Length];
        foreach (var w in TitleVocabulary.ManagingHeads)
        {
            if (collected.Words.TryGetValue(w, out var id))
            {
                _headsOthers[id] = true;
            }
        }

        _phrases = new PhraseVectors(collected, _idf);
        _bayes = new RoleWordModel(roleWordCounts, roles.Count);
        _exact = new ExactKeys(collected);
        _typos = new TypoIndex(_vocab, collected.WordList, roleWordCounts);
        PhraseCount = _phrases.Count;

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

    public string PhraseText(int phrase) => _phrases.Text[phrase];

    /// <summary>The role that stands for a SOC code, if any role has it.</summary>
    public bool TryGetRole(SocCode soc, out int role) => _roleBySoc.TryGetValue(soc.Value, out role);

    public bool TryExact(TitleScratch s, out ExactHit hit, out bool wordSet) => _exact.TryExact(s, Scratch().BagBuffer, out hit, out wordSet);

    /// <summary>Scores roles by word overlap; fills <paramref name="top"/> with the best distinct roles, best first.</summary>
    public int Score(TitleScratch s, Span<ScoredRole> top, out int fuzzyWords, out int unknownWords)
    {
        var q = Scratch();
        var qn = BuildQuery(s, q, out var qNormSq, out var qHead, out fuzzyWords, out unknownWords);
        if (qn == 0)
        {
            return 0;
        }

        var ids = q.QueryIds.AsSpan(0, qn);
        var touched = _phrases.Accumulate(ids, q.QueryWeights.AsSpan(0, qn), q.PhraseAcc, q.Touched);
        var touchedRoles = ScorePhrases(s, q, touched, MathF.Sqrt(qNormSq), qHead);
        var maxLl = RoleLikelihoods(q, ids, qHead, touchedRoles, out var z);
        var count = CombineRoles(q, touchedRoles, maxLl, z, top);

        // Log-likelihoods are accumulated for roles no phrase reached too; clear them all.
        _bayes.Clear(ids, q.RoleLogLikelihood);
        return count;
    }

    // The query as weighted word ids: unknown words count against every phrase, corrected words half, qualifiers half,
    // the head more (unless it is a rank over the work the other words name, "Maintenance Lead").
    private int BuildQuery(TitleScratch s, TitleQueryScratch q, out float qNormSq, out int qHead, out int fuzzyWords, out int unknownWords)
    {
        fuzzyWords = 0;
        unknownWords = 0;
        qNormSq = 0f;
        qHead = -1;
        var qn = 0;
        for (var i = 0; i < s.OrderCount && qn < q.QueryIds.Length; i++)
        {
            var token = s.Order[i];
            var word = s.Stem(token);
            var rankHead = token == s.Head && s.HeadIsRank;
            var secondary = (s.Tokens[token].Flags & TokenFlags.Secondary) != 0 || rankHead;
            var isHead = token == s.Head && !rankHead;
            var corrected = false;
            if (!_vocab.TryGetValue(word, out var id))
            {
                id = _typos.Correct(word, q.FuzzyBuffer);
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

        return qn;
    }

    // Cosine similarity per phrase reached, scaled by whether it shares the head; the best phrase per role and the
    // nearest phrases overall are kept.
    private int ScorePhrases(TitleScratch s, TitleQueryScratch q, int touched, float qNorm, int qHead)
    {
        var touchedRoles = 0;
        for (var i = 0; i < touched; i++)
        {
            var p = q.Touched[i];
            var sim = q.PhraseAcc[p] / (qNorm * _phrases.Norm[p]);
            q.PhraseAcc[p] = 0;
            if (qHead >= 0)
            {
                sim *= _phrases.Head[p] == qHead ? 1f : _phrases.Has(p, qHead) ? HeadContains : HeadMiss;
            }
            else if (s.HeadLearns && _phrases.Head[p] >= 0 && _headsOthers[_phrases.Head[p]]) // an intern is not a manager
            {
                sim *= HeadMiss;
            }

            sim *= _phrases.Weight[p];
            q.KeepTop(sim, p);
            var r = _phrases.Role[p];
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

        return touchedRoles;
    }

    // Naive Bayes log-likelihood of the query words under each role reached, as a posterior over those roles.
    private float RoleLikelihoods(TitleQueryScratch q, ReadOnlySpan<int> ids, int qHead, int touchedRoles, out float z)
    {
        var nbWeightSum = _bayes.Accumulate(ids, qHead, NbHead, q.RoleLogLikelihood);
        var maxLl = float.NegativeInfinity;
        for (var i = 0; i < touchedRoles; i++)
        {
            var r = q.TouchedRoles[i];
            var ll = q.RoleLogLikelihood[r] - (nbWeightSum * _bayes.Denominator(r));
            q.RoleLogLikelihood[r] = ll;
            maxLl = MathF.Max(maxLl, ll);
        }

        z = 0f;
        for (var i = 0; i < touchedRoles; i++)
        {
            z += MathF.Exp(q.RoleLogLikelihood[q.TouchedRoles[i]] - maxLl);
        }

        return maxLl;
    }

    // The best phrase, the k nearest phrases' vote and the posterior, mixed per role.
    private int CombineRoles(TitleQueryScratch q, int touchedRoles, float maxLl, float z, Span<ScoredRole> top)
    {
        var voteTotal = 0f;
        for (var i = 0; i < q.TopCount; i++)
        {
            voteTotal += q.TopPhraseSim[i];
        }

        for (var i = 0; i < q.TopCount; i++)
        {
            q.RoleVote[_phrases.Role[q.TopPhrase[i]]] += q.TopPhraseSim[i] / voteTotal;
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
            count = ScoredRole.Insert(top, count, new ScoredRole(r, score, q.RoleBestPhrase[r]));
        }

        return count;
    }

    // One scratch per thread, sized for the index that last used it.
    private TitleQueryScratch Scratch()
    {
        var q = t_scratch;
        if (q is null || !ReferenceEquals(q.Owner, this))
        {
            t_scratch = q = new TitleQueryScratch(this, PhraseCount, Roles.Count);
        }

        return q;
    }
}
