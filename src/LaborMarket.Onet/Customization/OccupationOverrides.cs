using System.Text.Json.Serialization;
using LaborMarket.Json;

namespace LaborMarket.Onet.Customization;

/// <summary>A field of an occupation profile that can be overridden.</summary>
[JsonConverter(typeof(SnakeCaseEnumJsonConverter<OccupationField>))]
public enum OccupationField
{
    /// <summary>The title.</summary>
    Title,

    /// <summary>The description.</summary>
    Description,

    /// <summary>The task statements.</summary>
    Tasks,

    /// <summary>The technology skills.</summary>
    TechnologySkills,

    /// <summary>The tools.</summary>
    Tools,

    /// <summary>The education levels.</summary>
    Education,

    /// <summary>The job zone.</summary>
    JobZone,

    /// <summary>The related occupations.</summary>
    Related,

    /// <summary>The alternate titles.</summary>
    AlternateTitles,

    /// <summary>The job outlook.</summary>
    Outlook,
}

/// <summary>Where a field's value comes from.</summary>
[JsonConverter(typeof(SnakeCaseEnumJsonConverter<FieldSource>))]
public enum FieldSource
{
    /// <summary>The source's baseline (O*NET, CareerOneStop).</summary>
    Baseline,

    /// <summary>An override the app set.</summary>
    Custom,
}

/// <summary>Custom values for some fields of an occupation profile; a null field keeps the baseline.</summary>
public sealed record OccupationOverrides
{
    /// <summary>A custom title, or null.</summary>
    public string? Title { get; init; }

    /// <summary>A custom description, or null.</summary>
    public string? Description { get; init; }

    /// <summary>Custom tasks, or null.</summary>
    public IReadOnlyList<OccupationTask>? Tasks { get; init; }

    /// <summary>Custom technology skills, or null.</summary>
    public IReadOnlyList<TechnologySkill>? TechnologySkills { get; init; }

    /// <summary>Custom tools, or null.</summary>
    public IReadOnlyList<OccupationTool>? Tools { get; init; }

    /// <summary>Custom education levels, or null.</summary>
    public IReadOnlyList<EducationLevel>? Education { get; init; }

    /// <summary>A custom job zone (1-5), or null.</summary>
    public int? JobZone { get; init; }

    /// <summary>Custom related occupations, or null.</summary>
    public IReadOnlyList<RelatedOccupation>? Related { get; init; }

    /// <summary>Custom alternate titles, or null.</summary>
    public IReadOnlyList<string>? AlternateTitles { get; init; }

    /// <summary>A custom job outlook, or null.</summary>
    public JobOutlook? Outlook { get; init; }

    /// <summary>True when no field is overridden.</summary>
    [JsonIgnore]
    public bool IsEmpty => Title is null && Description is null && Tasks is null && TechnologySkills is null && Tools is null
        && Education is null && JobZone is null && Related is null && AlternateTitles is null && Outlook is null;

    /// <summary>Equal overrides: the same fields set, lists compared in order.</summary>
    public bool Equals(OccupationOverrides? other) =>
        other is not null && Title == other.Title && Description == other.Description && JobZone == other.JobZone && Outlook == other.Outlook
        && Same(Tasks, other.Tasks) && Same(TechnologySkills, other.TechnologySkills) && Same(Tools, other.Tools)
        && Same(Education, other.Education) && Same(Related, other.Related) && Same(AlternateTitles, other.AlternateTitles);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Title, Description, JobZone, Tasks?.Count, Related?.Count);

    private static bool Same<T>(IReadOnlyList<T>? a, IReadOnlyList<T>? b) => a is null ? b is null : b is not null && a.SequenceEqual(b);
}

/// <summary>How a field differs between the custom profile and its baseline.</summary>
/// <param name="Field">The field.</param>
/// <param name="Added">Values in the custom profile and not in the baseline.</param>
/// <param name="Removed">Values in the baseline and not in the custom profile.</param>
public sealed record FieldDifference(OccupationField Field, IReadOnlyList<string> Added, IReadOnlyList<string> Removed);
