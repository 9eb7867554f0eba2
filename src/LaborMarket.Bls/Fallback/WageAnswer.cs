namespace LaborMarket.Bls.Fallback;

/// <summary>
/// The answer to "what does this occupation earn here": the nearest published figures and the area and SOC level
/// each came from. An immutable record of plain data (it serializes with <see cref="BlsJsonContext"/> or default
/// <c>System.Text.Json</c> options). <see cref="Steps"/> is filled by <see cref="WageLookup.Explain"/>; answers from
/// <see cref="WageLookup.Find"/> carry the figures only.
/// </summary>
public sealed record WageAnswer
{
    /// <summary>The code asked for.</summary>
    public required SocCode RequestedSoc { get; init; }

    /// <summary>The location asked for.</summary>
    public required WageLocation Location { get; init; }

    /// <summary>The survey year asked for, or null for the latest.</summary>
    public int? RequestedYear { get; init; }

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

    /// <summary>
    /// Every step taken, in order, with its reason, when the answer came from <see cref="WageLookup.Explain"/>;
    /// empty from <see cref="WageLookup.Find"/>, which does not word them.
    /// </summary>
    public IReadOnlyList<string> Steps { get; init; } = [];

    /// <summary>
    /// Found, not published anywhere in the chain, or a question the data cannot answer (a year it does not hold, a code
    /// that is no occupation); <see cref="Steps"/> words it.
    /// </summary>
    public WageOutcome Outcome { get; init; }

    /// <summary>True when an annual median was found somewhere in the fallback chain.</summary>
    public bool Found => AnnualMedian is not null;

    /// <summary>Equal questions with equal figures and equal steps (in order).</summary>
    public bool Equals(WageAnswer? other) =>
        other is not null && RequestedSoc == other.RequestedSoc && Location == other.Location && RequestedYear == other.RequestedYear
        && Outcome == other.Outcome && AreaTitle == other.AreaTitle && AnnualMedian == other.AnnualMedian && AnnualP10 == other.AnnualP10 && AnnualP90 == other.AnnualP90
        && AnnualMean == other.AnnualMean && HourlyMedian == other.HourlyMedian && Employment == other.Employment && Steps.SequenceEqual(other.Steps);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(RequestedSoc, Location, RequestedYear, AnnualMedian, Employment);

    /// <inheritdoc/>
    public override string ToString() =>
        $"{RequestedSoc} at {Location}: " + (AnnualMedian is { } m ? $"annual median {m.Value} ({m.Soc} in {m.Area}, {m.Year})" : "no annual median");
}
