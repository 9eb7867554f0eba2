
namespace LaborMarket.Onet;

/// <summary>An occupation O*NET relates to this one.</summary>
/// <param name="Code">Its O*NET-SOC code.</param>
/// <param name="Title">Its title.</param>
/// <param name="Tier">O*NET's relatedness tier ("Primary-Short", "Primary-Long", "Supplemental").</param>
public sealed record RelatedOccupation(OnetSocCode Code, string Title, string Tier)
{
    /// <summary>O*NET's relatedness index (1 = most related), or null when the source does not give it.</summary>
    public int? Index { get; init; }
}
