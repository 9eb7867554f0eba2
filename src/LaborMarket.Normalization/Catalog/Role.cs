using LaborMarket.Json;

using System.Text.Json.Serialization;

namespace LaborMarket.Normalization.Catalog;

/// <summary>A canonical role: what a family of job titles means.</summary>
/// <param name="Id">Stable identifier, such as <c>software-engineer</c>.</param>
/// <param name="Name">Display name, such as "Software Engineer".</param>
/// <param name="Family">Job family, such as "Engineering".</param>
/// <param name="OnetSoc">The O*NET-SOC occupation.</param>
public sealed record Role(string Id, string Name, string Family, OnetSocCode OnetSoc)
{
    /// <summary>The SOC 2018 code (from the O*NET-SOC code).</summary>
    public SocCode Soc => OnetSoc.Soc;

    /// <summary>Titles that mean this role, as written in the catalog.</summary>
    public IReadOnlyList<string> Aliases { get; init; } = [];

    /// <summary>Where the role came from.</summary>
    public RoleSource Source { get; init; }

    /// <summary>The aliases a custom catalog added; they outrank embedded and O*NET titles when titles disagree.</summary>
    internal IReadOnlyList<string> CustomAliases { get; init; } = [];

    /// <summary>The same role: equal identifier, name, family, code, source and aliases (in order).</summary>
    public bool Equals(Role? other) =>
        ReferenceEquals(this, other) || (other is not null && Id == other.Id && Name == other.Name && Family == other.Family
            && OnetSoc == other.OnetSoc && Source == other.Source && Aliases.SequenceEqual(other.Aliases));

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Id, OnetSoc);
}
