using System.Text.Json.Serialization;
using LaborMarket.Json;

namespace LaborMarket.Onet.Skills;

/// <summary>Which O*NET data a skill profile was built from.</summary>
[JsonConverter(typeof(SnakeCaseEnumJsonConverter<SkillProfileSource>))]
public enum SkillProfileSource
{
    /// <summary>Skills and Knowledge ratings (importance and level), where the ratings release has the occupation.</summary>
    Ratings,

    /// <summary>Technology Skills and Tools Used: the fallback for occupations without ratings.</summary>
    TechnologyAndTools,

    /// <summary>Nothing: O*NET has neither for the occupation.</summary>
    None,
}
