using LaborMarket.Onet.Customization;

namespace LaborMarket.Onet.FeaturedRoles;

/// <summary>One entry of a featured role's history: who changed what, and when. Entries are never edited or deleted.</summary>
/// <param name="Sequence">The entry's number in the store, increasing with time.</param>
/// <param name="RoleId">The role changed.</param>
/// <param name="Time">When, on the store's clock (UTC).</param>
/// <param name="Author">Who made the change.</param>
/// <param name="Kind">What the change did.</param>
/// <param name="Fields">The fields it touched, in declaration order.</param>
/// <param name="Values">The values it set (only the fields it touched), or null for a restore.</param>
/// <param name="SourceRoleId">For a copy, the role the customizations came from; otherwise null.</param>
public sealed record FeaturedRoleChange(
    long Sequence, string RoleId, DateTimeOffset Time, string Author, FeaturedRoleChangeKind Kind, IReadOnlyList<OccupationField> Fields,
    OccupationOverrides? Values, string? SourceRoleId)
{
    /// <summary>For a creation or an edit, the role as it stood after the change; otherwise null.</summary>
    public FeaturedRole? Snapshot { get; init; }

    /// <summary>Equal entries (fields compared in order).</summary>
    public bool Equals(FeaturedRoleChange? other) =>
        other is not null && Sequence == other.Sequence && RoleId == other.RoleId && Time == other.Time && Author == other.Author
        && Kind == other.Kind && Fields.SequenceEqual(other.Fields) && Values == other.Values && SourceRoleId == other.SourceRoleId
        && Snapshot == other.Snapshot;

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Sequence, RoleId, Time, Kind);
}
