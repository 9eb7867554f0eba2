using System.Text.Json.Serialization;
using LaborMarket.Json;

namespace LaborMarket.Onet.Customization;

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
