using LaborMarket.Onet.Customization;

namespace LaborMarket.Onet.FeaturedRoles;

/// <summary>
/// What a featured role shows: the occupation's O*NET content with the role's customizations applied, which fields
/// are custom (every other field is inherited), and how the custom fields differ from O*NET.
/// </summary>
/// <param name="Role">The role.</param>
/// <param name="Profile">The effective profile: inherited fields from O*NET, custom fields from the role.</param>
/// <param name="CustomFields">The fields the role customizes, in declaration order.</param>
/// <param name="Differences">How each custom field differs from O*NET (fields set to the O*NET value are left out).</param>
public sealed record FeaturedRoleProfile(
    FeaturedRole Role, OccupationProfile Profile, IReadOnlyList<OccupationField> CustomFields, IReadOnlyList<FieldDifference> Differences)
{
    /// <summary>Whether a field is inherited from O*NET (<see cref="FieldSource.Baseline"/>) or custom.</summary>
    /// <param name="field">The field.</param>
    public FieldSource SourceOf(OccupationField field) => CustomFields.Contains(field) ? FieldSource.Custom : FieldSource.Baseline;

    /// <summary>Builds the profile of a role over its O*NET baseline.</summary>
    /// <param name="role">The role.</param>
    /// <param name="baseline">The O*NET profile of the role's occupation.</param>
    /// <exception cref="ArgumentException">The baseline is for another occupation.</exception>
    public static FeaturedRoleProfile Create(FeaturedRole role, OccupationProfile baseline)
    {
        ArgumentNullException.ThrowIfNull(role);
        var custom = role.Customize(baseline);
        return new FeaturedRoleProfile(role, custom.Effective, custom.OverriddenFields, custom.Diff());
    }

    /// <summary>Equal profiles (lists compared in order).</summary>
    public bool Equals(FeaturedRoleProfile? other) =>
        other is not null && Role == other.Role && Profile == other.Profile && CustomFields.SequenceEqual(other.CustomFields)
        && Differences.Count == other.Differences.Count
        && Differences.Zip(other.Differences).All(d => d.First.Field == d.Second.Field && d.First.Added.SequenceEqual(d.Second.Added) && d.First.Removed.SequenceEqual(d.Second.Removed));

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Role, Profile, CustomFields.Count);
}
