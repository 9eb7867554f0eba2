namespace LaborMarket.Onet.FeaturedRoles;

/// <summary>An education program someone offers, for crosswalk counts.</summary>
/// <param name="Code">Its CIP code.</param>
/// <param name="Skills">The skills it teaches (names or O*NET element ids), or empty to match by the crosswalk only.</param>
public sealed record OfferedProgram(CipCode Code, IReadOnlyList<string> Skills)
{
    /// <summary>Equal programs (skills compared in order).</summary>
    public bool Equals(OfferedProgram? other) => other is not null && Code == other.Code && Skills.SequenceEqual(other.Skills);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Code, Skills.Count);
}
