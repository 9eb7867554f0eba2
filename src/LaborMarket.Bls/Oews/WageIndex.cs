using LaborMarket.Normalization.Geography;
using LaborMarket.Normalization.Taxonomy;

namespace LaborMarket.Bls.Oews;

/// <summary>
/// OEWS estimates from any mix of files (years, geographies), keyed by area and occupation. Immutable once
/// built and safe to share between threads.
/// </summary>
public sealed class WageIndex
{
    // Rows grouped by (area, code), latest year first within a group; a group is a range of _estimates.
    // Keyed by one number made of the area and the code (see Key): the lookup every wage answer makes several times.
    private readonly Dictionary<long, (int Start, int Count)> _groups;
    private readonly OewsEstimate?[] _estimates;
    private readonly WageIndexFile.Stored? _stored; // a loaded file's rows, made into objects when first asked for
    private readonly HashSet<int> _publishedDetailed; // SocCode.Value
    private readonly Dictionary<OewsAreaCode, string> _areaTitles;

    private WageIndex(Dictionary<long, (int, int)> groups, OewsEstimate?[] estimates, WageIndexFile.Stored? stored,
        HashSet<int> detailed, Dictionary<OewsAreaCode, string> titles, IReadOnlyList<int> years)
    {
        _groups = groups;
        _estimates = estimates;
        _stored = stored;
        _publishedDetailed = detailed;
        _areaTitles = titles;
        Count = estimates.Length;
        Years = years;
        Areas = titles.Count;
    }

    /// <summary>Rows held.</summary>
    public int Count { get; }

    /// <summary>Distinct areas held.</summary>
    public int Areas { get; }

    /// <summary>Survey years held, oldest first.</summary>
    public IReadOnlyList<int> Years { get; }

    /// <summary>Builds an index from rows; a later row for the same area, code, group and year replaces an earlier one.</summary>
    public static WageIndex Build(IEnumerable<OewsEstimate> estimates)
    {
        ArgumentNullException.ThrowIfNull(estimates);
        var builder = new Builder();
        foreach (var e in estimates)
        {
            builder.Add(e);
        }

        return builder.Build();
    }

    /// <summary>Builds an index from streamed rows (one file or many).</summary>
    public static async Task<WageIndex> BuildAsync(IAsyncEnumerable<OewsEstimate> estimates, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(estimates);
        var builder = new Builder();
        await foreach (var e in estimates.WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            builder.Add(e);
        }

        return builder.Build();
    }

    /// <summary>
    /// The row for an occupation in an area: the given year, or the latest. A detailed request prefers the
    /// detailed row when OEWS lists a code twice (broad and detailed).
    /// </summary>
    public OewsEstimate? Find(OewsAreaCode area, SocCode soc, int? year = null)
    {
        if (!_groups.TryGetValue(Key(area, soc), out var group))
        {
            return null;
        }

        for (var i = group.Start; i < group.Start + group.Count; i++)
        {
            var r = At(i);
            if (year is null || r.Year == year)
            {
                return r;
            }
        }

        return null;
    }

    private OewsEstimate At(int i) => _estimates[i] ?? Materialize(i);

    private OewsEstimate Materialize(int i)
    {
        var e = _stored!.Create(i);
        return Interlocked.CompareExchange(ref _estimates[i], e, null) ?? e;
    }

    /// <summary>The published title of an area, if any row of it is held.</summary>
    public string? AreaTitle(OewsAreaCode area) => _areaTitles.GetValueOrDefault(area);

    /// <summary>Whether any area holds a detailed row for the code (OEWS publishes some occupations only as their broad group).</summary>
    public bool PublishesDetailed(SocCode soc) => _publishedDetailed.Contains(soc.Value);

    // Area level (a few values), area number (at most 7 digits) and SOC number (6 digits) side by side in one long.
    private static long Key(OewsAreaCode area, SocCode soc) => ((long)area.Level << 52) | ((long)area.Value << 24) | (uint)soc.Value;

    /// <summary>Every row held (any order).</summary>
    public IEnumerable<OewsEstimate> Rows => Enumerable.Range(0, _estimates.Length).Select(At);

    /// <summary>Writes the index to a compact binary file that <see cref="Load"/> reads back.</summary>
    public void Save(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        using var stream = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16);
        WageIndexFile.Write(this, stream);
    }

    /// <summary>Reads an index written by <see cref="Save"/>.</summary>
    /// <exception cref="LaborMarket.Normalization.LaborMarketFormatException">The file is not a wage index, is of another version, or is truncated.</exception>
    public static WageIndex Load(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        return FromStored(WageIndexFile.Read(File.ReadAllBytes(path), Path.GetFileName(path)));
    }

    /// <summary>
    /// The index of a loaded file. <see cref="Save"/> writes each (area, code) group together, latest year first,
    /// so groups are ranges found in one pass; a file written otherwise is grouped through the builder.
    /// </summary>
    private static WageIndex FromStored(WageIndexFile.Stored stored)
    {
        var groups = new Dictionary<long, (int, int)>(stored.Count);
        var detailed = new HashSet<int>();
        var titles = new Dictionary<OewsAreaCode, string>();
        var years = new SortedSet<int>();
        for (var start = 0; start < stored.Count;)
        {
            ref readonly var first = ref stored[start];
            var end = start + 1;
            while (end < stored.Count && stored[end].Area == first.Area && stored[end].Soc == first.Soc)
            {
                end++;
            }

            if (!groups.TryAdd(Key(first.Area, first.Soc), (start, end - start)))
            {
                return Build(Enumerable.Range(0, stored.Count).Select(stored.Create)); // a group split in two: not written by Save
            }

            for (var i = start; i < end; i++)
            {
                ref readonly var e = ref stored[i];
                if (e.Soc.Level == SocLevel.Detailed || e.Group == OccupationGroup.Detailed)
                {
                    detailed.Add(e.Soc.Value);
                }

                years.Add(e.Year);
                var title = stored.Title(e.AreaTitle);
                if (title.Length > 0 || !titles.ContainsKey(e.Area))
                {
                    titles[e.Area] = title;
                }
            }

            start = end;
        }

        return new WageIndex(groups, new OewsEstimate?[stored.Count], stored, detailed, titles, years.ToArray());
    }

    /// <summary>Whether any row for the area is held.</summary>
    public bool HasArea(OewsAreaCode area) => _areaTitles.ContainsKey(area);

    private sealed class Builder
    {
        private readonly Dictionary<(OewsAreaCode, SocCode), List<OewsEstimate>> _rows = [];
        private readonly HashSet<int> _detailed = [];
        private readonly Dictionary<OewsAreaCode, string> _titles = [];

        public void Add(OewsEstimate e)
        {
            var key = (e.Area, e.Soc);
            if (!_rows.TryGetValue(key, out var list))
            {
                _rows[key] = list = new List<OewsEstimate>(2);
            }

            var same = list.FindIndex(r => r.Year == e.Year && r.Group == e.Group);
            if (same >= 0)
            {
                list[same] = e;
            }
            else
            {
                list.Add(e);
            }

            if (e.Soc.Level == SocLevel.Detailed || e.Group == OccupationGroup.Detailed)
            {
                _detailed.Add(e.Soc.Value);
            }

            if (!_titles.ContainsKey(e.Area) || e.AreaTitle.Length > 0)
            {
                _titles[e.Area] = e.AreaTitle;
            }
        }

        public WageIndex Build()
        {
            var groups = new Dictionary<long, (int, int)>(_rows.Count);
            var estimates = new OewsEstimate?[_rows.Values.Sum(l => l.Count)];
            var years = new SortedSet<int>();
            var next = 0;
            foreach (var (key, list) in _rows)
            {
                // Latest year first; within a year the detailed row before the broad duplicate.
                var array = list.ToArray();
                if (array.Length > 1)
                {
                    Array.Sort(array, static (a, b) => a.Year != b.Year ? b.Year.CompareTo(a.Year)
                        : (b.Group == OccupationGroup.Detailed).CompareTo(a.Group == OccupationGroup.Detailed));
                }

                groups[Key(key.Item1, key.Item2)] = (next, array.Length);
                foreach (var e in array)
                {
                    years.Add(e.Year);
                    estimates[next++] = e;
                }
            }

            return new WageIndex(groups, estimates, null, _detailed, _titles, years.ToArray());
        }
    }
}
