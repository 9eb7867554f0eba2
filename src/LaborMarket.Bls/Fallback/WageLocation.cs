
namespace LaborMarket.Bls.Fallback;

/// <summary>Where a wage is asked for: a county, a place name, an OEWS area, a state or the nation.</summary>
public sealed record WageLocation
{
    private WageLocation()
    {
    }

    /// <summary>The county, for <see cref="ForCounty"/>.</summary>
    public CountyFips? County { get; private init; }

    /// <summary>The OEWS area, for <see cref="ForArea"/>.</summary>
    public OewsAreaCode? Area { get; private init; }

    /// <summary>The state, for <see cref="ForState"/>.</summary>
    public UsState? State { get; private init; }

    /// <summary>The place text, for <see cref="ForPlace"/>.</summary>
    public string? Place { get; private init; }

    /// <summary>The nation.</summary>
    public static WageLocation Nation { get; } = new();

    /// <summary>A county by FIPS code (OEWS never publishes counties: its metro or nonmetro area is used).</summary>
    public static WageLocation ForCounty(CountyFips county) => new() { County = county };

    /// <summary>An OEWS metro, nonmetro, state or national area.</summary>
    public static WageLocation ForArea(OewsAreaCode area) => new() { Area = area };

    /// <summary>A state.</summary>
    public static WageLocation ForState(UsState state) => new() { State = state };

    /// <summary>A place such as "Pinellas County, FL" or "Tampa, FL".</summary>
    public static WageLocation ForPlace(string place)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(place);
        return new() { Place = place.Trim() };
    }

    /// <inheritdoc/>
    public override string ToString() =>
        County is { } c ? $"county {c}" : Area is { } a ? $"area {a}" : State is { } s ? $"state {s.Code}" : Place ?? "nation";
}
