namespace LaborMarket.Onet.CareerOneStop;

/// <summary>Wages in one area, with the annual and hourly rows told apart by their rate type (their order varies).</summary>
/// <param name="AreaName">The area, such as "United States" or "Tampa-St. Petersburg-Clearwater, FL".</param>
/// <param name="AreaCode">The area code the service sends, or null.</param>
/// <param name="Annual">Annual wages, or null.</param>
/// <param name="Hourly">Hourly wages, or null.</param>
public sealed record AreaWages(string AreaName, string? AreaCode, WagePercentiles? Annual, WagePercentiles? Hourly);
