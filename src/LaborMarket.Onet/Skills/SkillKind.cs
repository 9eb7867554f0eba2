using System.Text.Json.Serialization;
using LaborMarket.Json;

namespace LaborMarket.Onet.Skills;

/// <summary>What an entry of a skill profile is.</summary>
[JsonConverter(typeof(SnakeCaseEnumJsonConverter<SkillKind>))]
public enum SkillKind
{
    /// <summary>An O*NET skill (2.A and 2.B elements, such as "Critical Thinking").</summary>
    Skill,

    /// <summary>An O*NET knowledge area (2.C elements, such as "Medicine and Dentistry").</summary>
    Knowledge,

    /// <summary>A technology (software) O*NET lists for the occupation.</summary>
    Technology,

    /// <summary>A tool O*NET lists for the occupation.</summary>
    Tool,
}
