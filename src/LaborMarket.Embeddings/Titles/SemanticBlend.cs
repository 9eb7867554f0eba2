using LaborMarket.Embeddings.Search;
using LaborMarket.Normalization.Seniority;
using LaborMarket.Normalization.Titles;

namespace LaborMarket.Embeddings.Titles;

/// <summary>Combines a lexical result and the nearest O*NET titles into one ranking by 6-digit SOC code.</summary>
internal static class SemanticBlend
{
    /// <summary>Whether the lexical evidence is weak or split, so embeddings are worth consulting.</summary>
    public static bool NeedsSemantic(TitleExplanation lexical, BlendParameters p)
    {
        if (lexical.Match.IsMatch && lexical.Match.Confidence >= p.MaxLexicalConfidence)
        {
            return false;
        }

        switch (lexical.Match.MatchedBy)
        {
            case MatchMethod.ExactAlias:
                break;
            case MatchMethod.WordSet when !p.ConsultOnWordSet:
                break;
            default:
                return true;
        }

        // An alias that O*NET files under several codes is split evidence.
        var candidates = lexical.Candidates;
        if (candidates.Count < 2)
        {
            return false;
        }

        var first = candidates[0];
        for (var i = 1; i < candidates.Count; i++)
        {
            if (candidates[i].Role.Soc != first.Role.Soc)
            {
                return candidates[i].Score >= p.SplitRatio * first.Score;
            }
        }

        return false;
    }

    /// <summary>
    /// Ranks the codes that either kind of evidence names by <c>w x lexical share + (1 - w) x semantic share</c>. For a
    /// managerial title (manager, director, vice president, executive) that the lexical normalizer codes as a management
    /// occupation, only nearest titles in SOC major group 11 count (<see cref="BlendParameters.ManagementOnly"/>):
    /// employers title many managers "Director of X", whose nearest O*NET titles name the X and not the managing.
    /// </summary>
    public static List<SemanticCandidate> Rank(TitleExplanation lexical, IReadOnlyList<SimilarItem> neighbors, BlendParameters p,
        IReadOnlyDictionary<OnetSocCode, string> names)
    {
        var bySoc = new Dictionary<SocCode, Acc>();
        double lexTotal = 0;
        foreach (var c in lexical.Candidates)
        {
            var soc = c.Role.Soc;
            var acc = bySoc.TryGetValue(soc, out var a) ? a : new Acc();
            if (c.Score > acc.Lex)
            {
                acc.Lex = c.Score;
                acc.LexCode = c.Role.OnetSoc;
                acc.LexText = c.MatchedText;
                acc.LexName = c.Role.Name;
            }

            bySoc[soc] = acc;
        }

        // The lexical decision (which weighs seniority and the title's head word, not only the best alias score) ranks
        // as strong as the best alias: without semantic evidence the ranking keeps the lexical answer first. Only the
        // ranking weight is raised; LexicalScore stays the matcher's own score.
        var decided = lexical.Match.SocCode;
        foreach (var acc in bySoc.Values)
        {
            acc.Weight = acc.Lex;
        }

        if (decided is { } d && lexical.Match.Role is { } decidedRole)
        {
            var top = 0.0;
            foreach (var acc in bySoc.Values)
            {
                top = Math.Max(top, acc.Lex);
            }

            if (!bySoc.TryGetValue(d, out var own))
            {
                bySoc[d] = own = new Acc { LexCode = decidedRole.OnetSoc, LexName = decidedRole.Name };
            }

            own.Weight = Math.Max(own.Lex, Math.Max(top, lexical.Match.Confidence));
        }

        foreach (var acc in bySoc.Values)
        {
            lexTotal += Math.Pow(acc.Weight, p.LexicalPower);
        }

        double semTotal = 0;
        var count = Math.Min(p.Neighbors, neighbors.Count);
        var best = count > 0 ? neighbors[0].Score : 0f; // the softmax is shift-invariant: any reference works
        var managementOnly = CountsManagementOnly(lexical, p);
        for (var i = 0; i < count; i++)
        {
            var n = neighbors[i];
            var code = n.Entry.Code!.Value;
            if (managementOnly && code.Soc.MajorGroupNumber != 11)
            {
                continue;
            }

            var w = Math.Exp((n.Score - best) / p.Temperature);
            semTotal += w;
            var acc = bySoc.TryGetValue(code.Soc, out var a) ? a : new Acc();
            acc.Sem += w;
            if (acc.SemText is null)
            {
                acc.SemCode = code;
                acc.SemText = n.Entry.Text;
                acc.SemSimilarity = n.Score;
            }

            bySoc[code.Soc] = acc;
        }

        var lexWeight = semTotal == 0 ? 1 : lexTotal == 0 ? 0 : p.LexicalWeight;
        var result = new List<SemanticCandidate>(bySoc.Count);
        foreach (var (soc, acc) in bySoc)
        {
            var lexShare = lexTotal == 0 ? 0 : Math.Pow(acc.Weight, p.LexicalPower) / lexTotal;
            var semShare = semTotal == 0 ? 0 : acc.Sem / semTotal;
            var score = (lexWeight * lexShare) + ((1 - lexWeight) * semShare);
            var code = acc.LexCode ?? acc.SemCode!.Value;
            var title = names.TryGetValue(code, out var name) ? name : acc.LexName ?? acc.SemText!;
            var lexEvidence = acc.LexText is not null ? $"alias '{acc.LexText}' ({acc.Lex:0.00})"
                : soc == decided ? $"lexical decision '{acc.LexName}'" : null;
            var evidence = acc.SemText is not null
                ? $"nearest O*NET title '{acc.SemText}' ({acc.SemSimilarity:0.00})" + (lexEvidence is null ? "" : "; " + lexEvidence)
                : lexEvidence ?? "";
            result.Add(new SemanticCandidate(soc, code, title, Math.Round(score, 4), acc.Lex, Math.Round(semShare, 4), evidence));
        }

        result.Sort((a, b) => b.Score.CompareTo(a.Score) is var c && c != 0 ? c
            : (b.Soc == decided).CompareTo(a.Soc == decided) is var e && e != 0 ? e : b.LexicalScore.CompareTo(a.LexicalScore));
        return result;
    }

    /// <summary>Whether only nearest titles in SOC major group 11 count for this title (see <see cref="Rank"/>).</summary>
    public static bool CountsManagementOnly(TitleExplanation lexical, BlendParameters p) =>
        p.ManagementOnly && lexical.Match.SocCode is { MajorGroupNumber: 11 } && IsManagerial(lexical.Match.Seniority);

    private static bool IsManagerial(SeniorityLevel level) =>
        level is SeniorityLevel.Manager or SeniorityLevel.Director or SeniorityLevel.VicePresident or SeniorityLevel.Executive;

    private sealed class Acc
    {
        public double Lex;
        public double Weight;
        public OnetSocCode? LexCode;
        public string? LexText;
        public string? LexName;
        public double Sem;
        public OnetSocCode? SemCode;
        public string? SemText;
        public float SemSimilarity;
    }
}
