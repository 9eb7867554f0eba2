
namespace LaborMarket.Bls.Oews;

/// <summary>
/// OEWS estimates from any mix of files (years, geographies), keyed by area and occupation. Immutable once
/// built and safe to share between threads.
/// </summary>
public sealed class WageIndex
{
    // Rows grouped by (area, code), latest year first within a group; a group is a range of _estimates. Every area
    // and code held gets a small number (an id) and a group is one slot of a flat table indexed by both: a wage
    // answer finds its location's area ids and its code's id once, then every row it needs is an array read.
    private readonly Dictionary<OewsAreaCode, int> _areaIds;
    private readonly int[]?[] _socIdTable; // [major group][rest of the code] -> id + 1: the id of a code in two reads
    private readonly int _socCount;
    private readonly int[] _parentIds; // nearest held parent group of each code, -1 for none
    private readonly bool[] _detailed; // whether a code is held as a detailed occupation in any area
    private readonly (int Start, int Count)[] _groups; // [areaId * _socCount + socId]; Count 0: no row
    private readonly OewsEstimate?[] _estimates;
    private readonly WageIndexFile.Stored? _stored; // a loaded file's rows, made into objects when first asked for
    private readonly string?[] _areaTitles; // by area id

    private WageIndex(List<Group> groups, OewsEstimate?[] estimates, WageIndexFile.Stored? stored,
        HashSet<int> detailed, Dictionary<OewsAreaCode, string> titles, IReadOnlyList<int> years)
    {
        _areaIds = [];
        var socIds = new Dictionary<int, int>(); // SocCode.Value -> id
        var socs = new List<SocCode>();
        foreach (var g in groups)
        {
            _areaIds.TryAdd(g.Area, _areaIds.Count);
            if (socIds.TryAdd(g.Soc.Value, socs.Count))
            {
                socs.Add(g.Soc);
            }
        }

        _socCount = socs.Count;
        _socIdTable = new int[]?[100];
        foreach (var (value, id) in socIds)
        {
            (_socIdTable[value / 10000] ??= new int[10000])[value % 10000] = id + 1;
        }

        _parentIds = new int[_socCount];
        _detailed = new bool[_socCount];
        for (var i = 0; i < _socCount; i++)
        {
            _parentIds[i] = -1;
            for (var p = socs[i].Parent; p is { } parent; p = parent.Parent)
            {
                if (socIds.TryGetValue(parent.Value, out var id))
                {
                    _parentIds[i] = id;
                    break;
                }
            }

            _detailed[i] = detailed.Contains(socs[i].Value);
        }

        _groups = new (int, int)[_areaIds.Count * _socCount];
        foreach (var g in groups)
        {
            ref var slot = ref _groups[(_areaIds[g.Area] * _socCount) + socIds[g.Soc.Value]];
            SplitGroup |= slot.Count != 0;
            slot = (g.Start, g.Count);
        }

        _estimates = estimates;
        _stored = stored;
        _areaTitles = new string?[_areaIds.Count];
        foreach (var (area, id) in _areaIds)
        {
            _areaTitles[id] = titles.GetValueOrDefault(area);
        }

        Count = estimates.Length;
        Years = years;
        Areas = _areaIds.Count;
    }

    // Whether one (area, code) came in two ranges (a file not written by Save): such an index is rebuilt.
    private bool SplitGroup { get; }

    private readonly record struct Group(OewsAreaCode Area, SocCode Soc, int Start, int Count);

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
    public OewsEstimate? Find(OewsAreaCode area, SocCode soc, int? year = null) =>
        _areaIds.TryGetValue(area, out var areaId) ? Find(areaId, SocId(soc), year) : null;

    /// <summary>The row for a code id in an area id (ids from <see cref="AreaId"/> and <see cref="SocId"/>).</summary>
    internal OewsEstimate? Find(int areaId, int socId, int? year)
    {
        if (areaId < 0 || socId < 0)
        {
            return null;
        }

        var (start, count) = _groups[(areaId * _socCount) + socId];
        for (var i = start; i < start + count; i++)
        {
            var r = At(i);
            if (year is null || r.Year == year)
            {
                return r;
            }
        }

        return null;
    }

    /// <summary>The id of an area held, -1 for none.</summary>
    internal int AreaId(OewsAreaCode area) => _areaIds.GetValueOrDefault(area, -1);

    /// <summary>The id of a code held, -1 for none.</summary>
    internal int SocId(SocCode soc) => soc.Value is >= 0 and < 1_000_000 && _socIdTable[soc.Value / 10000] is { } part ? part[soc.Value % 10000] - 1 : -1;

    /// <summary>The id of the nearest parent group of a code that is held, -1 for none.</summary>
    internal int ParentId(int socId) => _parentIds[socId];

    /// <summary>Whether a code id is held as a detailed occupation (false for -1).</summary>
    internal bool IsDetailed(int socId) => socId >= 0 && _detailed[socId];

    /// <summary>The published title of an area id.</summary>
    internal string? AreaTitle(int areaId) => areaId < 0 ? null : _areaTitles[areaId];

    private OewsEstimate At(int i) => _estimates[i] ?? Materialize(i);

    private OewsEstimate Materialize(int i)
    {
        var e = _stored!.Create(i);
        return Interlocked.CompareExchange(ref _estimates[i], e, null) ?? e;
    }

    /// <summary>The published title of an area, if any row of it is held.</summary>
    public string? AreaTitle(OewsAreaCode area) => AreaTitle(AreaId(area));

    /// <summary>Whether any area holds a detailed row for the code (OEWS publishes some occupations only as their broad group).</summary>
    public bool PublishesDetailed(SocCode soc) => IsDetailed(SocId(soc));

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
    /// <exception cref="LaborMarket.LaborMarketFormatException">The file is not a wage index, is of another version, or is truncated.</exception>
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
        var groups = new List<Group>();
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

            groups.Add(new Group(first.Area, first.Soc, start, end - start));
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

        var index = new WageIndex(groups, new OewsEstimate?[stored.Count], stored, detailed, titles, years.ToArray());
        return index.SplitGroup ? Build(Enumerable.Range(0, stored.Count).Select(stored.Create)) : index; // not written by Save
    }

    /// <summary>Whether any row for the area is held.</summary>
    public bool HasArea(OewsAreaCode area) => _areaIds.ContainsKey(area);

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
            var groups = new List<Group>(_rows.Count);
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

                groups.Add(new Group(key.Item1, key.Item2, next, array.Length));
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
