using LaborMarket.Onet.Customization;

namespace LaborMarket.Onet.FeaturedRoles;

/// <summary>
/// An employer's own role ("Senior Platform Engineer at Acme") filed under an O*NET occupation. The role inherits the
/// occupation's O*NET content (tasks, technology, tools, education, job zone, related occupations, outlook) and
/// customizes it through <see cref="Overrides"/>; a null override keeps the inherited value.
/// </summary>
public sealed record FeaturedRole
{
    /// <summary>The role's identifier, unique in a store.</summary>
    public required string Id { get; init; }

    /// <summary>The employer.</summary>
    public required string Employer { get; init; }

    /// <summary>The employer's title for the role.</summary>
    public required string Title { get; init; }

    /// <summary>The O*NET-SOC occupation the role inherits from (a SOC code parses to its <c>.00</c> occupation).</summary>
    public required OnetSocCode Code { get; init; }

    /// <summary>The employer's description of the role.</summary>
    public string Description { get; init; } = "";

    /// <summary>The skills the employer lists (names or O*NET element ids).</summary>
    public IReadOnlyList<string> Skills { get; init; } = [];

    /// <summary>The customizations of the inherited O*NET content.</summary>
    public OccupationOverrides Overrides { get; init; } = new();

    /// <summary>The inherited content with this role's customizations, through the customization layer.</summary>
    /// <param name="baseline">The O*NET profile of <see cref="Code"/>.</param>
    /// <exception cref="ArgumentException">The baseline is for another occupation.</exception>
    public CustomOccupationProfile Customize(OccupationProfile baseline)
    {
        ArgumentNullException.ThrowIfNull(baseline);
        if (baseline.Code != Code)
        {
            throw new ArgumentException($"The baseline is {baseline.Code}; the role '{Id}' inherits from {Code}.", nameof(baseline));
        }

        return new CustomOccupationProfile(baseline, Overrides);
    }

    /// <summary>Equal roles: every field equal, skills compared in order.</summary>
    public bool Equals(FeaturedRole? other) =>
        other is not null && Id == other.Id && Employer == other.Employer && Title == other.Title && Code == other.Code
        && Description == other.Description && Skills.SequenceEqual(other.Skills) && Overrides == other.Overrides;

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Id, Employer, Title, Code);
}
