using System.Text.Json.Serialization;
using LaborMarket.Json;

namespace LaborMarket.Bls.Oews;

/// <summary>One OEWS row: employment and wages for an occupation in an area and year.</summary>
public sealed record OewsEstimate
{
    /// <summary>The area.</summary>
    public required OewsAreaCode Area { get; init; }

    /// <summary>The area's name as published ("Tampa-St. Petersburg-Clearwater, FL").</summary>
    public required string AreaTitle { get; init; }

    /// <summary>The occupation code (SOC 2018, or OEWS's own aggregate codes).</summary>
    public required SocCode Soc { get; init; }

    /// <summary>The occupation title as published.</summary>
    public required string OccupationTitle { get; init; }

    /// <summary>The row's group (major, minor, broad, detailed).</summary>
    public OccupationGroup Group { get; init; }

    /// <summary>The survey year (May reference period).</summary>
    public required int Year { get; init; }

    /// <summary>TOT_EMP.</summary>
    public OewsValue Employment { get; init; } = OewsValue.Blank;

    /// <summary>H_MEAN.</summary>
    public OewsValue HourlyMean { get; init; } = OewsValue.Blank;

    /// <summary>A_MEAN.</summary>
    public OewsValue AnnualMean { get; init; } = OewsValue.Blank;

    /// <summary>H_MEDIAN.</summary>
    public OewsValue HourlyMedian { get; init; } = OewsValue.Blank;

    /// <summary>A_PCT10.</summary>
    public OewsValue AnnualP10 { get; init; } = OewsValue.Blank;

    /// <summary>A_PCT25.</summary>
    public OewsValue AnnualP25 { get; init; } = OewsValue.Blank;

    /// <summary>A_MEDIAN.</summary>
    public OewsValue AnnualMedian { get; init; } = OewsValue.Blank;

    /// <summary>A_PCT75.</summary>
    public OewsValue AnnualP75 { get; init; } = OewsValue.Blank;

    /// <summary>A_PCT90.</summary>
    public OewsValue AnnualP90 { get; init; } = OewsValue.Blank;

    /// <summary>ANNUAL = TRUE: only annual wages are released (teachers, pilots); hourly cells are <c>*</c>.</summary>
    public bool AnnualOnly { get; init; }

    /// <summary>HOURLY = TRUE: only hourly wages are released (actors, musicians); annual cells are <c>*</c>.</summary>
    public bool HourlyOnly { get; init; }
}
