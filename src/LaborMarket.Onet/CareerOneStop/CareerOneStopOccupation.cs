namespace LaborMarket.Onet.CareerOneStop;

/// <summary>What CareerOneStop says about an occupation in a location.</summary>
/// <param name="Profile">Title, description, tasks, tools and technology, education, outlook.</param>
/// <param name="Wages">Wages, or null when not sent.</param>
/// <param name="Projections">Projected employment.</param>
public sealed record CareerOneStopOccupation(OccupationProfile Profile, OccupationWages? Wages, IReadOnlyList<EmploymentProjection> Projections);
