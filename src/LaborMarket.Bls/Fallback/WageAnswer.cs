using LaborMarket.Bls.Oews;
using LaborMarket.Normalization.Geography;
using LaborMarket.Normalization.Taxonomy;

namespace LaborMarket.Bls.Fallback;

/// <summary>One figure of an answer and exactly where it came from (a value held inside the answer).</summary>
/// <param name="Value">The figure (with its marker: a top-coded value is a lower bound).</param>
/// <param name="Area">The area whose estimate was used.</param>
/// <param name="Soc">The occupation code whose estimate was used (a parent group after occupational fallback).</param>
/// <param name="Year">The survey year.</param>
public readonly record struct WageFigure(OewsValue Value, OewsAreaCode Area, SocCode Soc, int Year);

/// <summary>
/// The answer to "what does this occupation earn here": the nearest published figures, the area and SOC level
/// actually used, and every step taken to get there.
/// </summary>
public sealed record WageAnswer
{
    /// <summary>The code asked for.</summary>
    public required SocCode RequestedSoc { get; init; }

    /// <summary>The location asked for.</summary>
    public required WageLocation Location { get; init; }

    /// <summary>The code the annual median came from (the requested one, or a parent group).</summary>
    public SocCode? Soc => AnnualMedian?.Soc;

    /// <summary>The level of <see cref="Soc"/>.</summary>
    public SocLevel? SocLevel => Soc?.Level;

    /// <summary>The area the annual median came from.</summary>
    public OewsAreaCode? Area => AnnualMedian?.Area;

    /// <summary>The published name of <see cref="Area"/>.</summary>
    public string? AreaTitle { get; init; }

    /// <summary>The kind of <see cref="Area"/> (metro, nonmetro, state, national).</summary>
    public AreaLevel? AreaLevel => Area?.Level;

    /// <summary>The survey year of the annual median.</summary>
    public int? Year => AnnualMedian?.Year;

    /// <summary>Annual median wage.</summary>
    public WageFigure? AnnualMedian { get; init; }

    /// <summary>Annual 10th percentile.</summary>
    public WageFigure? AnnualP10 { get; init; }

    /// <summary>Annual 90th percentile.</summary>
    public WageFigure? AnnualP90 { get; init; }

    /// <summary>Annual mean wage.</summary>
    public WageFigure? AnnualMean { get; init; }

    /// <summary>Hourly median wage.</summary>
    public WageFigure? HourlyMedian { get; init; }

    /// <summary>Employment.</summary>
    public WageFigure? Employment { get; init; }

    private IReadOnlyList<string>? _steps;

    /// <summary>Every step taken, in order, with its reason (worded when first read).</summary>
    public IReadOnlyList<string> Steps
    {
        get => _steps ??= Source is { } lookup ? lookup.StepsOf(RequestedSoc, Location, RequestedYear) : [];
        init => _steps = value;
    }

    // The lookup that made the answer, which works the steps out again when they are first read: most answers are
    // used for their figures only. The index and crosswalk behind it are immutable, so the steps are the same.
    internal WageLookup? Source { get; init; }

    internal int? RequestedYear { get; init; }

    /// <summary>True when an annual median was found somewhere in the fallback chain.</summary>
    public bool Found => AnnualMedian is not null;
}
