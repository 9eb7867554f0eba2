using LaborMarket.Bls.Oews;

namespace LaborMarket.Bls.Fallback;

/// <summary>One figure of an answer and exactly where it came from (a value held inside the answer).</summary>
/// <param name="Value">The figure (with its marker: a top-coded value is a lower bound).</param>
/// <param name="Area">The area whose estimate was used.</param>
/// <param name="Soc">The occupation code whose estimate was used (a parent group after occupational fallback).</param>
/// <param name="Year">The survey year.</param>
public readonly record struct WageFigure(OewsValue Value, OewsAreaCode Area, SocCode Soc, int Year);

/// <summary>
/// The answer to "what does this occupation earn here": the nearest published figures, the area and SOC level
/// actually used, and every step taken to get there. Immutable.
/// </summary>
public sealed class WageAnswer
{
    // The six figures held as 16-byte cells naming their area by its place in the chain of areas looked at (the
    // lookup's shared array): an answer is one object.
    private readonly WageFigureCells _cells;
    private readonly OewsAreaCode[] _areas;
    private readonly WageLookup? _source;
    private readonly int? _year;
    private IReadOnlyList<string>? _steps;

    internal WageAnswer(SocCode requested, WageLocation location, int? year, string? areaTitle, OewsAreaCode[] areas, in WageFigureCells cells, WageLookup source)
    {
        RequestedSoc = requested;
        Location = location;
        _year = year;
        AreaTitle = areaTitle;
        _areas = areas;
        _cells = cells;
        _source = source;
    }

    /// <summary>The code asked for.</summary>
    public SocCode RequestedSoc { get; }

    /// <summary>The location asked for.</summary>
    public WageLocation Location { get; }

    /// <summary>The code the annual median came from (the requested one, or a parent group).</summary>
    public SocCode? Soc => AnnualMedian?.Soc;

    /// <summary>The level of <see cref="Soc"/>.</summary>
    public SocLevel? SocLevel => Soc?.Level;

    /// <summary>The area the annual median came from.</summary>
    public OewsAreaCode? Area => AnnualMedian?.Area;

    /// <summary>The published name of <see cref="Area"/>.</summary>
    public string? AreaTitle { get; }

    /// <summary>The kind of <see cref="Area"/> (metro, nonmetro, state, national).</summary>
    public AreaLevel? AreaLevel => Area?.Level;

    /// <summary>The survey year of the annual median.</summary>
    public int? Year => AnnualMedian?.Year;

    /// <summary>Annual median wage.</summary>
    public WageFigure? AnnualMedian => _cells[0].Figure(_areas);

    /// <summary>Annual 10th percentile.</summary>
    public WageFigure? AnnualP10 => _cells[1].Figure(_areas);

    /// <summary>Annual 90th percentile.</summary>
    public WageFigure? AnnualP90 => _cells[2].Figure(_areas);

    /// <summary>Annual mean wage.</summary>
    public WageFigure? AnnualMean => _cells[3].Figure(_areas);

    /// <summary>Hourly median wage.</summary>
    public WageFigure? HourlyMedian => _cells[4].Figure(_areas);

    /// <summary>Employment.</summary>
    public WageFigure? Employment => _cells[5].Figure(_areas);

    /// <summary>
    /// Every step taken, in order, with its reason. Worded when first read: the lookup that made the answer works
    /// the steps out again (its index and crosswalk are immutable, so they are the steps taken), as most answers
    /// are used for their figures only.
    /// </summary>
    public IReadOnlyList<string> Steps => _steps ??= _source is { } lookup ? lookup.StepsOf(RequestedSoc, Location, _year) : [];

    /// <summary>True when an annual median was found somewhere in the fallback chain.</summary>
    public bool Found => _cells[0].Found;

    /// <inheritdoc/>
    public override string ToString() =>
        $"{RequestedSoc} at {Location}: " + (AnnualMedian is { } m ? $"annual median {m.Value} ({m.Soc} in {m.Area}, {m.Year})" : "no annual median");
}

/// <summary>One figure of an answer as held inside it: the number, its marker, code, year and area (by place in the chain).</summary>
internal readonly struct WageFigureCell
{
    private readonly double _value;
    private readonly SocCode _soc;
    private readonly short _year;
    private readonly OewsMarker _marker;
    private readonly byte _at; // place in the chain + 1; 0: not found

    public WageFigureCell(OewsValue value, int at, SocCode soc, int year)
    {
        _value = value.Value ?? double.NaN;
        _marker = value.Marker;
        _at = checked((byte)(at + 1));
        _soc = soc;
        _year = checked((short)year);
    }

    public bool Found => _at != 0;

    public WageFigure? Figure(OewsAreaCode[] areas) =>
        _at == 0 ? null : new WageFigure(new OewsValue(double.IsNaN(_value) ? null : _value, _marker), areas[_at - 1], _soc, _year);
}

/// <summary>The six figures of an answer (median, p10, p90, mean, hourly median, employment).</summary>
[System.Runtime.CompilerServices.InlineArray(Count)]
internal struct WageFigureCells
{
    public const int Count = 6;
    private WageFigureCell _first;
}
