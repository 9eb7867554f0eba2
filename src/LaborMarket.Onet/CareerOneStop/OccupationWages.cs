namespace LaborMarket.Onet.CareerOneStop;

/// <summary>An occupation's wages: nation, state and local areas.</summary>
/// <param name="Year">The wage year, or null.</param>
/// <param name="National">National wages.</param>
/// <param name="State">State wages for the location asked about.</param>
/// <param name="Local">Metro (BLS area) wages for the location asked about.</param>
public sealed record OccupationWages(int? Year, IReadOnlyList<AreaWages> National, IReadOnlyList<AreaWages> State, IReadOnlyList<AreaWages> Local);
