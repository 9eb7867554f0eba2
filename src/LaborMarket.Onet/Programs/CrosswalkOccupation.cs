namespace LaborMarket.Onet.Programs;

/// <summary>An occupation a program prepares for, as the CIP-SOC crosswalk lists it.</summary>
/// <param name="Soc">The SOC 2018 code.</param>
/// <param name="Title">The SOC title.</param>
/// <param name="OnetOccupations">
/// The O*NET-SOC occupations under the SOC code (several where O*NET divides it, such as 15-1299.01 to .09),
/// with their O*NET titles; empty when no O*NET release was loaded.
/// </param>
public sealed record CrosswalkOccupation(SocCode Soc, string Title, IReadOnlyList<OnetOccupation> OnetOccupations);
