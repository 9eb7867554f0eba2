using System.Text.Json.Serialization;
using LaborMarket.Json;

namespace LaborMarket.Onet.FeaturedRoles;

/// <summary>How close two roles' occupations are in the SOC hierarchy (higher is closer).</summary>
[JsonConverter(typeof(SnakeCaseEnumJsonConverter<SocMatch>))]
public enum SocMatch
{
    /// <summary>Different minor groups: similar, if at all, by skills only.</summary>
    None,

    /// <summary>The same minor group (15-1200 Computer Occupations).</summary>
    MinorGroup,

    /// <summary>The same broad occupation (15-1250 Software and Web Developers, Programmers, and Testers).</summary>
    BroadOccupation,

    /// <summary>The same detailed SOC occupation (15-1252), another O*NET-SOC occupation under it.</summary>
    DetailedOccupation,

    /// <summary>The same O*NET-SOC occupation (15-1252.00).</summary>
    SameOccupation,
}
