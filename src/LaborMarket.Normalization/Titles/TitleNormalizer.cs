using System.Collections.Concurrent;
using LaborMarket.Normalization.Catalog;
using LaborMarket.Normalization.Taxonomy;
using LaborMarket.Normalization.Text;

namespace LaborMarket.Normalization.Titles;

/// <summary>
/// Normalizes raw job titles to a canonical role, seniority and SOC / O*NET-SOC code with a calibrated
/// confidence (<see cref="Normalize(string?)"/>), and explains the decision on request (<see cref="Explain(string?)"/>). Immutable and thread-safe: build it once and share it.
/// </summary>
public sealed class TitleNormalizer
{
    internal const float MinScore = 0.15f;

    // Major-group vote over the best roles (chosen on held-out O*NET 27.0 titles): scores cubed, so one strong
    // role outweighs several weak ones; another group wins only by 15 %.
    private const int GroupVoteRoles = 10;
    private const float GroupVoteMargin = 1.15f;

    private static readonly Lazy<TitleNormalizer> DefaultLazy = new(() => Create());

    private readonly TitleIndex _index;
    private readonly int _topK;
    private readonly double _reviewThreshold;
    private readonly int _cacheSize;
    private readonly ConcurrentDictionary<string, TitleMatch> _cache = new(StringComparer.Ordinal);

    // The cache's size, kept beside it: ConcurrentDictionary.Count takes every one of its locks (up to 1,024 once the
    // table has grown), which cost more than normalizing the title and serialized the threads.
    private int _cached;

    [ThreadStatic]
    private static TitleScratch? t_title;

    private TitleNormalizer(RoleCatalog catalog, TitleIndex index, TitleNormalizerOptions options, bool hasOnet)
    {
        Catalog = catalog;
        _index = index;
        _topK = options.TopK;
        _reviewThreshold = options.ReviewThreshold;
        _cacheSize = options.CacheSize;
        HasOnetDatabase = hasOnet;
    }

    /// <summary>A normalizer over the embedded catalog, built on first use.</summary>
    public static TitleNormalizer Default => DefaultLazy.Value;

    /// <summary>The catalog (embedded, merged with any custom catalog).</summary>
    public RoleCatalog Catalog { get; }

    /// <summary>Every role a title can match: the catalog's, plus O*NET occupations when the database is loaded.</summary>
    public IReadOnlyList<Role> Roles => _index.Roles;

    /// <summary>True when the O*NET database titles are part of the dictionary.</summary>
    public bool HasOnetDatabase { get; }

    /// <summary>How many aliases and titles the normalizer matches against.</summary>
    public int DictionarySize => _index.PhraseCount;

    /// <summary>Builds a normalizer from options (embedded catalog, custom catalog, O*NET database).</summary>
    /// <exception cref="LaborMarketFormatException">The custom catalog or an O*NET file is malformed.</exception>
    public static TitleNormalizer Create(TitleNormalizerOptions? options = null)
    {
        options ??= new TitleNormalizerOptions();
        var catalog = RoleCatalog.Embedded;
        if (options.CatalogPath is { } path)
        {
            catalog = catalog.MergeJson(path);
        }

        return Create(catalog, options.OnetDatabasePath, options, include: null);
    }

    /// <summary>Builds a normalizer over a catalog, optionally adding the O*NET database at <paramref name="onetDatabasePath"/>.</summary>
    public static TitleNormalizer Create(RoleCatalog catalog, string? onetDatabasePath = null, TitleNormalizerOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        return Create(catalog, onetDatabasePath, options ?? new TitleNormalizerOptions(), include: null);
    }

    internal static TitleNormalizer Create(RoleCatalog catalog, string? onetPath, TitleNormalizerOptions options, Func<OnetTitle, bool>? include)
    {
        var roles = new List<Role>(catalog.Roles);
        var sources = new List<PhraseSource>();
        for (var r = 0; r < roles.Count; r++)
        {
            foreach (var alias in roles[r].Aliases)
            {
                sources.Add(new PhraseSource(r, alias, roles[r].CustomAliases.Contains(alias) ? 10f : 3f));
            }
        }

        if (onetPath is not null)
        {
            var (occupations, titles) = OnetTitleFiles.Read(onetPath);
            var byCode = new Dictionary<OnetSocCode, int>();
            for (var r = 0; r < roles.Count; r++)
            {
                byCode.TryAdd(roles[r].OnetSoc, r);
            }

            foreach (var (code, title) in occupations)
            {
                if (!byCode.ContainsKey(code))
                {
                    byCode[code] = roles.Count;
                    roles.Add(new Role("onet-" + code.ToString(), title, SocMajorGroups.Name(code.Soc.MajorGroupNumber), code)
                    {
                        Aliases = [title],
                        Source = RoleSource.Onet,
                    });
                }
            }

            foreach (var t in titles)
            {
                if (!byCode.TryGetValue(t.Code, out var r) || (include is not null && !include(t)))
                {
                    continue;
                }

                sources.Add(new PhraseSource(r, t.Title, t.Kind switch
                {
                    OnetTitleKind.Occupation => 2f,
                    OnetTitleKind.Reported => 1.2f,
                    OnetTitleKind.ShortAlternate => 0.8f,
                    _ => 1f,
                }));
            }
        }

        var index = new TitleIndex(roles, sources, new TitleCleaner());
        return new TitleNormalizer(catalog, index, options, onetPath is not null);
    }

    /// <summary>Normalizes one title. Never throws for any input; a title that matches nothing gives an unmatched result.</summary>
    public TitleMatch Normalize(string? title)
    {
        if (title is not null && _cacheSize > 0 && _cache.TryGetValue(title, out var cached))
        {
            return cached;
        }

        var result = Compute(title ?? "", _topK);
        if (title is not null && title.Length <= TitleCleaner.MaxInputLength && Volatile.Read(ref _cached) < _cacheSize && _cache.TryAdd(title, result))
        {
            Interlocked.Increment(ref _cached);
        }

        return result;
    }

    /// <summary>Normalizes many titles; the results are in input order.</summary>
    /// <param name="titles">The titles.</param>
    /// <param name="maxDegreeOfParallelism">Threads to use (1 = the calling thread only).</param>
    public IReadOnlyList<TitleMatch> NormalizeAll(IEnumerable<string?> titles, int maxDegreeOfParallelism = 1)
    {
        ArgumentNullException.ThrowIfNull(titles);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxDegreeOfParallelism, 1);
        var list = titles as IReadOnlyList<string?> ?? titles.ToArray();
        var results = new TitleMatch[list.Count];
        if (maxDegreeOfParallelism == 1)
        {
            for (var i = 0; i < list.Count; i++)
            {
                results[i] = Normalize(list[i]);
            }
        }
        else
        {
            Parallel.For(0, list.Count, new ParallelOptions { MaxDegreeOfParallelism = maxDegreeOfParallelism }, i => results[i] = Normalize(list[i]));
        }

        return results;
    }

    /// <summary>Normalizes a batch and reports coverage and the words and word pairs that most often went unmatched.</summary>
    public TitleBatchReport Analyze(IEnumerable<string?> titles, int top = 20)
    {
        ArgumentNullException.ThrowIfNull(titles);
        return TitleBatchReport.Build(this, titles, top);
    }

    internal TitleIndex Index => _index;

    /// <summary>Normalizes without the result cache: what a title never seen before costs.</summary>
    internal TitleMatch NormalizeUncached(string title) => Compute(title, _topK);

    internal TitleNormalizer WithoutCache() => new(Catalog, _index, new TitleNormalizerOptions { TopK = _topK, ReviewThreshold = _reviewThreshold, CacheSize = _cacheSize }, HasOnetDatabase);

    internal static TitleScratch TitleScratch() => t_title ??= new TitleScratch();

    private TitleMatch Compute(string title, int topK) => Run(title, topK, explain: false, out _);

    /// <summary>
    /// Normalizes one title and gives the account of the decision: the cleaned words, the seniority evidence, the
    /// best candidates and why nothing matched. Costs the strings and candidates <see cref="Normalize(string?)"/>
    /// does not make, and is not cached: ask for it where the account is shown or kept.
    /// </summary>
    public TitleExplanation Explain(string? title) => Explain(title, _topK);

    /// <summary>Normalizes one title, keeping up to <paramref name="topK"/> candidates, and gives the account of the decision.</summary>
    public TitleExplanation Explain(string? title, int topK)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(topK, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(topK, 50);
        var match = Run(title ?? "", topK, explain: true, out var details);
        return details! with { Match = match };
    }

    // One title's decision; with explain, also its account (strings and candidates a result made for its role alone
    // does not need: they are made only when asked for).
    private TitleMatch Run(string title, int topK, bool explain, out TitleExplanation? details)
    {
        var s = TitleScratch();
        _index.Cleaner.Clean(title, s);
        details = null;
        string? evidence = null;
        var cleaned = "";
        if (explain)
        {
            evidence = s.SeniorityToken >= 0 ? s.Word(s.SeniorityToken).ToString() : s.Level > 0 ? LevelText(s.Level) : null;
            cleaned = s.BuildKey(primaryOnly: false).ToString();
        }

        if (s.OrderCount == 0)
        {
            if (explain)
            {
                details = Account(cleaned, evidence, [],
                    title.AsSpan().Trim().IsEmpty ? "empty title" : "no words left after cleaning (only noise, numbers or symbols)");
            }

            return Unmatched(title, s);
        }

        if (_index.TryExact(s, out var hit, out var wordSet))
        {
            var role = _index.Roles[hit.Role];
            if (explain)
            {
                var candidates = new List<TitleCandidate>(2) { new(role, 1.0, _index.PhraseText(hit.Phrase)) };
                if (hit.RunnerUp >= 0 && topK > 1)
                {
                    var other = _index.Roles[hit.RunnerUp];
                    candidates.Add(new TitleCandidate(other, Math.Round(1 - hit.Share, 4), other.Name));
                }

                details = Account(cleaned, evidence, candidates, null);
            }

            var confidence = Calibration.Exact(hit.Share, wordSet, role.Source != RoleSource.Onet);
            return Matched(title, s, role, confidence, wordSet ? MatchMethod.WordSet : MatchMethod.ExactAlias, _index.PhraseText(hit.Phrase));
        }

        Span<ScoredRole> top = stackalloc ScoredRole[Math.Max(topK, GroupVoteRoles)];
        var count = _index.Score(s, top, out var fuzzy, out var unknown);
        var matched = count > 0 && top[0].Score >= MinScore;

        // The decision reads the best ten roles whatever topK is, so that Explain(title, k) explains Normalize(title).
        var decided = Math.Min(count, GroupVoteRoles);
        if (matched)
        {
            PreferMajorGroup(top[..decided]); // the vote picks among matches; it never turns a match into none
            count = PreferSupervisor(s, top, count);
            decided = Math.Min(count, GroupVoteRoles);
        }

        TitleCandidate[] list = [];
        if (explain)
        {
            list = new TitleCandidate[Math.Min(count, topK)];
            for (var i = 0; i < list.Length; i++)
            {
                list[i] = new TitleCandidate(_index.Roles[top[i].Role], Math.Round(top[i].Score, 4), _index.PhraseText(top[i].Phrase));
            }
        }

        if (!matched)
        {
            if (explain)
            {
                details = Account(cleaned, evidence, list, count == 0
                    ? "no known word in the title"
                    : $"no role shares enough words (best: '{_index.Roles[top[0].Role].Name}' at {top[0].Score:0.00})");
            }

            return Unmatched(title, s);
        }

        var best = _index.Roles[top[0].Role];
        var margin = top[0].Score;
        for (var i = 1; i < decided; i++)
        {
            if (_index.Roles[top[i].Role].Soc != best.Soc)
            {
                margin = top[0].Score - top[i].Score;
                break;
            }
        }

        if (explain)
        {
            details = Account(cleaned, evidence, list, null);
        }

        var conf = Calibration.Scored(top[0].Score, margin, fuzzy > 0, unknown);
        return Matched(title, s, best, conf, fuzzy > 0 ? MatchMethod.Fuzzy : MatchMethod.TokenScore, _index.PhraseText(top[0].Phrase));
    }

    // The roles' scores summed by SOC major group: when the roles just behind the best one agree on another group
    // and outweigh it, the best role of that group moves to the front.
    private void PreferMajorGroup(Span<ScoredRole> top)
    {
        if (top.Length < 2)
        {
            return;
        }

        Span<float> groups = stackalloc float[100];
        groups.Clear();
        for (var i = 0; i < Math.Min(top.Length, GroupVoteRoles); i++)
        {
            var score = top[i].Score;
            groups[_index.Roles[top[i].Role].Soc.MajorGroupNumber] += score * score * score;
        }

        var first = _index.Roles[top[0].Role].Soc.MajorGroupNumber;
        var winner = first;
        for (var g = 0; g < groups.Length; g++)
        {
            winner = groups[g] > groups[winner] ? g : winner;
        }

        if (groups[winner] <= groups[first] * GroupVoteMargin)
        {
            return;
        }

        for (var i = 1; i < top.Length; i++)
        {
            if (_index.Roles[top[i].Role].Soc.MajorGroupNumber == winner)
            {
                var item = top[i];
                top[..i].CopyTo(top[1..]);
                top[0] = item;
                return;
            }
        }
    }

    // "Bindery Supervisor" scores best against bindery workers, but in SOC groups 33 to 53 whoever supervises
    // workers is coded to the group's first-line supervisor occupation: that role takes the workers' place.
    private int PreferSupervisor(TitleScratch s, Span<ScoredRole> top, int count)
    {
        if (!s.HeadSupervises
            || !FirstLineSupervisors.TryGet(_index.Roles[top[0].Role].Soc, out var soc)
            || !_index.TryGetRole(soc, out var role))
        {
            return count;
        }

        for (var i = 1; i < count; i++)
        {
            if (_index.Roles[top[i].Role].Soc == soc)
            {
                role = top[i].Role;
                top[(i + 1)..count].CopyTo(top[i..]);
                count--;
                break;
            }
        }

        top[0] = top[0] with { Role = role };
        return count;
    }

    private TitleMatch Matched(string title, TitleScratch s, Role role, double confidence, MatchMethod method, string matchedText) => new()
    {
        Input = title,
        Role = role,
        Seniority = s.Seniority,
        Confidence = Math.Round(confidence, 4),
        MatchedBy = method,
        MatchedText = matchedText,
        NeedsReview = confidence < _reviewThreshold,
    };

    private static TitleMatch Unmatched(string title, TitleScratch s) => new()
    {
        Input = title,
        Seniority = s.Seniority,
        NeedsReview = true,
    };

    // The account without its match (set by Explain once the decision is made).
    private static TitleExplanation Account(string cleaned, string? evidence, IReadOnlyList<TitleCandidate> candidates, string? reason) => new()
    {
        Match = null!,
        CleanedTitle = cleaned,
        SeniorityEvidence = evidence,
        Candidates = candidates,
        UnmatchedReason = reason,
    };

    private static string LevelText(int level) => level switch
    {
        1 => "I",
        2 => "II",
        3 => "III",
        4 => "IV",
        5 => "V",
        _ => level.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };
}
