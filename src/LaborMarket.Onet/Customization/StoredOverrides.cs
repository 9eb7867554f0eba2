namespace LaborMarket.Onet.Customization;

/// <summary>What <see cref="CustomOccupationProfile.ToJson"/> writes: the occupation's code and its overrides.</summary>
internal sealed record StoredOverrides(string Code, OccupationOverrides? Overrides);
