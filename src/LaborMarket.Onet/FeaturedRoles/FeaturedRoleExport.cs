namespace LaborMarket.Onet.FeaturedRoles;

/// <summary>
/// Everything a featured-role store holds, for a JSON export:
/// <c>JsonSerializer.Serialize(export, OnetJsonContext.Default.FeaturedRoleExport)</c>.
/// </summary>
/// <param name="ExportedAt">When the export was made, on the store's clock (UTC).</param>
/// <param name="Roles">Every role, by id.</param>
/// <param name="History">Every change, oldest first.</param>
public sealed record FeaturedRoleExport(DateTimeOffset ExportedAt, IReadOnlyList<FeaturedRole> Roles, IReadOnlyList<FeaturedRoleChange> History)
{
    /// <summary>Equal exports (lists compared in order).</summary>
    public bool Equals(FeaturedRoleExport? other) =>
        other is not null && ExportedAt == other.ExportedAt && Roles.SequenceEqual(other.Roles) && History.SequenceEqual(other.History);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(ExportedAt, Roles.Count, History.Count);
}
