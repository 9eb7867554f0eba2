using System.Text.Json.Serialization;
using LaborMarket.Json;

namespace LaborMarket.Normalization.Seniority;

/// <summary>How senior a job title is, lowest first. Serializes as its lower-case name ("senior").</summary>
[JsonConverter(typeof(SnakeCaseEnumJsonConverter<SeniorityLevel>))]
public enum SeniorityLevel
{
    /// <summary>Intern, co-op, student.</summary>
    Intern,

    /// <summary>Junior, entry level, trainee, apprentice, level I.</summary>
    Entry,

    /// <summary>Mid level, level II, and titles with no seniority words.</summary>
    Mid,

    /// <summary>Senior, level III.</summary>
    Senior,

    /// <summary>Lead or staff (engineering), level IV.</summary>
    Lead,

    /// <summary>Principal, distinguished, level V.</summary>
    Principal,

    /// <summary>Manager, supervisor, foreman.</summary>
    Manager,

    /// <summary>Director, head of a function.</summary>
    Director,

    /// <summary>Vice president (including senior, executive and assistant VPs).</summary>
    VicePresident,

    /// <summary>Chief officers, presidents, owners, executive and managing directors.</summary>
    Executive,
}
