namespace LaborMarket.Onet.Programs;

/// <summary>An O*NET occupation, by code and title.</summary>
/// <param name="Code">The O*NET-SOC code.</param>
/// <param name="Title">The O*NET title.</param>
public sealed record OnetOccupation(OnetSocCode Code, string Title);
