using System.Text.Json.Serialization;
using LaborMarket.Json;

namespace LaborMarket.Onet.FeaturedRoles;

/// <summary>What a change in a featured role's history did.</summary>
[JsonConverter(typeof(SnakeCaseEnumJsonConverter<FeaturedRoleChangeKind>))]
public enum FeaturedRoleChangeKind
{
    /// <summary>The role was added (with the customizations it was added with).</summary>
    Created,

    /// <summary>Fields were customized.</summary>
    Overridden,

    /// <summary>Fields went back to the inherited O*NET value.</summary>
    Restored,

    /// <summary>Customizations were copied from another role.</summary>
    Copied,

    /// <summary>The role's own fields (employer, title, occupation, description, skills) were changed.</summary>
    Edited,

    /// <summary>The role was removed (its history stays).</summary>
    Removed,
}
