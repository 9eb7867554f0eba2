using LaborMarket.Embeddings.Embedding;
using LaborMarket.Embeddings.Titles;

namespace LaborMarket.Embeddings.Occupations;

/// <summary>
/// Suggests SOC / O*NET-SOC codes for a role from its title and, when given, its description: the semantic title
/// normalizer's ranking (lexical and nearest-title evidence) is combined with the similarity of the role's text to
/// each O*NET occupation's description and task statements. Thread-safe.
/// </summary>
public sealed class SocSuggester
{
    // With a description, the title's evidence gets at most half the score, less as the title's own confidence falls
    // (a bare "Associate" says little): a prior choice, not fitted on the hand-written test set.
    private const double TitleWeight = 0.5;
    private const double DescriptionTemperature = 0.03;

    private readonly SemanticTitleNormalizer _titles;
    private readonly OnetSemanticIndex _index;
    private readonly ITextEmbedder _embedder;
    private readonly Dictionary<OnetSocCode, int> _descriptionRow = [];
    private readonly Dictionary<OnetSocCode, List<int>> _taskRows = [];

    /// <summary>Creates the suggester.</summary>
    /// <param name="titles">The semantic title normalizer (same index and model).</param>
    /// <param name="index">The O*NET semantic index, built with its occupations (descriptions and tasks).</param>
    /// <param name="embedder">The model that made the index.</param>
    public SocSuggester(SemanticTitleNormalizer titles, OnetSemanticIndex index, ITextEmbedder embedder)
    {
        ArgumentNullException.ThrowIfNull(titles);
        ArgumentNullException.ThrowIfNull(index);
        ArgumentNullException.ThrowIfNull(embedder);
        _titles = titles;
        _index = index;
        _embedder = embedder;
        var entries = index.Occupations.Entries;
        for (var i = 0; i < entries.Count; i++)
        {
            var code = entries[i].Code!.Value;
            if (entries[i].Kind == OnetSemanticIndex.DescriptionKind)
            {
                _descriptionRow[code] = i;
            }
            else if (!_taskRows.TryGetValue(code, out var list))
            {
                _taskRows[code] = [i];
            }
            else
            {
                list.Add(i);
            }
        }
    }

    /// <summary>The <paramref name="top"/> most likely occupations for a role, best first, with their evidence.</summary>
    /// <param name="title">The role's title.</param>
    /// <param name="description">What the role does (a job ad's summary, duties); optional.</param>
    /// <param name="top">Suggestions to return (1-50).</param>
    /// <param name="cancellationToken">Cancels the embedding.</param>
    public async Task<IReadOnlyList<SocSuggestion>> SuggestAsync(string title, string? description = null, int top = 5,
        CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(title);
        ArgumentOutOfRangeException.ThrowIfLessThan(top, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(top, 50);
        var byTitle = await _titles.NormalizeAsync(title, 20, cancellationToken).ConfigureAwait(false);
        var scores = new Dictionary<SocCode, Suggestion>();
        var descriptionGiven = !string.IsNullOrWhiteSpace(description) && _descriptionRow.Count > 0;
        var titleWeight = descriptionGiven ? TitleWeight * (0.5 + (0.5 * byTitle.Confidence)) : 1;
        foreach (var c in byTitle.Candidates)
        {
            var s = Get(scores, c.Soc, c.OnetSoc, c.Title);
            s.Score += titleWeight * c.Score;
            s.Evidence.Add(new SocEvidence("title", c.Evidence, Math.Round(Math.Max(c.LexicalScore, c.SemanticScore), 4)));
        }

        if (descriptionGiven)
        {
            var text = $"{title.Trim()}. {description!.Trim()}";
            var vectors = await _embedder.EmbedAsync([text], cancellationToken).ConfigureAwait(false);
            AddDescriptionEvidence(vectors[0], scores, 1 - titleWeight);
        }

        return [.. scores.Values.OrderByDescending(s => s.Score).Take(top)
            .Select(s => new SocSuggestion(s.Soc, s.OnetSoc, s.Title, Math.Round(s.Score, 4), s.Evidence))];
    }

    private void AddDescriptionEvidence(float[] query, Dictionary<SocCode, Suggestion> scores, double weight)
    {
        var occupations = _index.Occupations;
        var sims = new float[occupations.Count];
        occupations.ScoreAll(query, sims);

        // An occupation fits by its description and by its three closest task statements.
        var fit = new Dictionary<OnetSocCode, (double Score, int BestTask, int SecondTask)>();
        foreach (var (code, row) in _descriptionRow)
        {
            var tasks = _taskRows.GetValueOrDefault(code) ?? [];
            var best = tasks.OrderByDescending(t => sims[t]).Take(3).ToArray();
            var taskScore = best.Length == 0 ? sims[row] : best.Average(t => (double)sims[t]);
            fit[code] = ((0.5 * sims[row]) + (0.5 * taskScore), best.Length > 0 ? best[0] : -1, best.Length > 1 ? best[1] : -1);
        }

        var max = fit.Values.Max(f => f.Score);
        var total = fit.Values.Sum(f => Math.Exp((f.Score - max) / DescriptionTemperature));
        foreach (var (code, f) in fit.OrderByDescending(x => x.Value.Score).Take(25))
        {
            var share = Math.Exp((f.Score - max) / DescriptionTemperature) / total;
            var s = Get(scores, code.Soc, code, _index.OccupationNames.GetValueOrDefault(code, code.ToString()));
            s.Score += weight * share;
            s.Evidence.Add(new SocEvidence("description", occupations.Entries[_descriptionRow[code]].Text, Math.Round(sims[_descriptionRow[code]], 4)));
            foreach (var t in new[] { f.BestTask, f.SecondTask })
            {
                if (t >= 0)
                {
                    s.Evidence.Add(new SocEvidence("task", occupations.Entries[t].Text, Math.Round(sims[t], 4)));
                }
            }
        }
    }

    private static Suggestion Get(Dictionary<SocCode, Suggestion> scores, SocCode soc, OnetSocCode code, string title)
    {
        if (!scores.TryGetValue(soc, out var s))
        {
            s = new Suggestion(soc, code, title);
            scores[soc] = s;
        }

        return s;
    }

    private sealed class Suggestion(SocCode soc, OnetSocCode onetSoc, string title)
    {
        public SocCode Soc { get; } = soc;

        public OnetSocCode OnetSoc { get; } = onetSoc;

        public string Title { get; } = title;

        public double Score { get; set; }

        public List<SocEvidence> Evidence { get; } = [];
    }
}
