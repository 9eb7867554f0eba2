using LaborMarket.Normalization.Geography;
using LaborMarket.Normalization.Taxonomy;

namespace LaborMarket.Bls.Oews;

/// <summary>
/// OEWS estimates from any mix of files (years, geographies), keyed by area and occupation. Immutable once
/// built and safe to share between threads.
/// </summary>
public sealed class WageIndex
{
    private readonly Dictionary<(OewsAreaCode Area, SocCode Soc), OewsEstimate[]> _rows;
    private readonly HashSet<SocCode> _publishedDetailed;
    private readonly Dictionary<OewsAreaCode, string> _areaTitles;

    private WageIndex(Dictionary<(OewsAreaCode, SocCode), OewsEstimate[]> rows, HashSet<SocCode> detailed, Dictionary<OewsAreaCode, string> titles)
    {
        _rows = rows;
        _publishedDetailed = detailed;
        _areaTitles = titles;
        Count = rows.Values.Sum(r => r.Length);
        Years = rows.Values.SelectMany(r => r).Select(r => r.Year).Distinct().Order().ToArray();
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
        if (!_rows.TryGetValue((area, soc), out var rows))
        {
            return null;
        }

        foreach (var r in rows)
        {
            if (year is null || r.Year == year)
            {
                return r;
            }
        }

        return null;
    }

    /// <summary>The published title of an area, if any row of it is held.</summary>
    public string? AreaTitle(OewsAreaCode area) => _areaTitles.GetValueOrDefault(area);

    /// <summary>Whether any area holds a detailed row for the code (OEWS publishes some occupations only as their broad group).</summary>
    public bool PublishesDetailed(SocCode soc) => _publishedDetailed.Contains(soc);

    /// <summary>Every row held (any order).</summary>
    public IEnumerable<OewsEstimate> Rows => _rows.Values.SelectMany(r => r);

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
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
        return Build(WageIndexFile.Read(stream, Path.GetFileName(path)));
    }

    /// <summary>Whether any row for the area is held.</summary>
    public bool HasArea(OewsAreaCode area) => _areaTitles.ContainsKey(area);

    private sealed class Builder
    {
        private readonly Dictionary<(OewsAreaCode, SocCode), List<OewsEstimate>> _rows = [];
        private readonly HashSet<SocCode> _detailed = [];
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
                _detailed.Add(e.Soc);
            }

            if (!_titles.ContainsKey(e.Area) || e.AreaTitle.Length > 0)
            {
                _titles[e.Area] = e.AreaTitle;
            }
        }

        public WageIndex Build()
        {
            var rows = new Dictionary<(OewsAreaCode, SocCode), OewsEstimate[]>(_rows.Count);
            foreach (var (key, list) in _rows)
            {
                // Latest year first; within a year the detailed row before the broad duplicate.
                var array = list.ToArray();
                if (array.Length > 1)
                {
                    Array.Sort(array, static (a, b) => a.Year != b.Year ? b.Year.CompareTo(a.Year)
                        : (b.Group == OccupationGroup.Detailed).CompareTo(a.Group == OccupationGroup.Detailed));
                }

                rows[key] = array;
            }

            return new WageIndex(rows, _detailed, _titles);
        }
    }
}
