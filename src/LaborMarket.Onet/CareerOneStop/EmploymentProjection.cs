namespace LaborMarket.Onet.CareerOneStop;

/// <summary>Projected employment in an area.</summary>
/// <param name="Area">The area (state name or "United States").</param>
/// <param name="EstimatedYear">The base year.</param>
/// <param name="ProjectedYear">The target year.</param>
/// <param name="EstimatedEmployment">Employment in the base year.</param>
/// <param name="ProjectedEmployment">Projected employment in the target year.</param>
/// <param name="PercentChange">Percent change.</param>
/// <param name="AnnualOpenings">Projected openings a year.</param>
public sealed record EmploymentProjection(string Area, int? EstimatedYear, int? ProjectedYear, long? EstimatedEmployment, long? ProjectedEmployment, double? PercentChange, long? AnnualOpenings);
