namespace LaborMarket.Onet.CareerOneStop;

/// <summary>Wage percentiles for one pay basis (annual or hourly), in dollars.</summary>
/// <param name="Pct10">10th percentile.</param>
/// <param name="Pct25">25th percentile.</param>
/// <param name="Median">Median.</param>
/// <param name="Pct75">75th percentile.</param>
/// <param name="Pct90">90th percentile.</param>
public sealed record WagePercentiles(decimal? Pct10, decimal? Pct25, decimal? Median, decimal? Pct75, decimal? Pct90);

/// <summary>Wages in one area, with the annual and hourly rows told apart by their rate type (their order varies).</summary>
/// <param name="AreaName">The area, such as "United States" or "Tampa-St. Petersburg-Clearwater, FL".</param>
/// <param name="AreaCode">The area code the service sends, or null.</param>
/// <param name="Annual">Annual wages, or null.</param>
/// <param name="Hourly">Hourly wages, or null.</param>
public sealed record AreaWages(string AreaName, string? AreaCode, WagePercentiles? Annual, WagePercentiles? Hourly);

/// <summary>An occupation's wages: nation, state and local areas.</summary>
/// <param name="Year">The wage year, or null.</param>
/// <param name="National">National wages.</param>
/// <param name="State">State wages for the location asked about.</param>
/// <param name="Local">Metro (BLS area) wages for the location asked about.</param>
public sealed record OccupationWages(int? Year, IReadOnlyList<AreaWages> National, IReadOnlyList<AreaWages> State, IReadOnlyList<AreaWages> Local);

/// <summary>Projected employment in an area.</summary>
/// <param name="Area">The area (state name or "United States").</param>
/// <param name="EstimatedYear">The base year.</param>
/// <param name="ProjectedYear">The target year.</param>
/// <param name="EstimatedEmployment">Employment in the base year.</param>
/// <param name="ProjectedEmployment">Projected employment in the target year.</param>
/// <param name="PercentChange">Percent change.</param>
/// <param name="AnnualOpenings">Projected openings a year.</param>
public sealed record EmploymentProjection(string Area, int? EstimatedYear, int? ProjectedYear, long? EstimatedEmployment, long? ProjectedEmployment, double? PercentChange, long? AnnualOpenings);

/// <summary>What CareerOneStop says about an occupation in a location.</summary>
/// <param name="Profile">Title, description, tasks, tools and technology, education, outlook.</param>
/// <param name="Wages">Wages, or null when not sent.</param>
/// <param name="Projections">Projected employment.</param>
public sealed record CareerOneStopOccupation(OccupationProfile Profile, OccupationWages? Wages, IReadOnlyList<EmploymentProjection> Projections);
