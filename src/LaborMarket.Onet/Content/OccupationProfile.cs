
namespace LaborMarket.Onet;

/// <summary>What O*NET (or CareerOneStop, which republishes it) says about one occupation.</summary>
public sealed record OccupationProfile
{
    /// <summary>The O*NET-SOC code.</summary>
    public required OnetSocCode Code { get; init; }

    /// <summary>The title.</summary>
    public required string Title { get; init; }

    /// <summary>The description.</summary>
    public required string Description { get; init; }

    /// <summary>Task statements, core first.</summary>
    public IReadOnlyList<OccupationTask> Tasks { get; init; } = [];

    /// <summary>Technology skills (software), hot technologies first.</summary>
    public IReadOnlyList<TechnologySkill> TechnologySkills { get; init; } = [];

    /// <summary>Tools used.</summary>
    public IReadOnlyList<OccupationTool> Tools { get; init; } = [];

    /// <summary>Required level of education, by category (empty when O*NET has no survey data).</summary>
    public IReadOnlyList<EducationLevel> Education { get; init; } = [];

    /// <summary>Job zone 1 (little preparation) to 5 (extensive), or null.</summary>
    public int? JobZone { get; init; }

    /// <summary>Related occupations, most related first.</summary>
    public IReadOnlyList<RelatedOccupation> Related { get; init; } = [];

    /// <summary>Alternate titles.</summary>
    public IReadOnlyList<string> AlternateTitles { get; init; } = [];

    /// <summary>Skills, most important first (empty when the source has none).</summary>
    public IReadOnlyList<ElementRating> Skills { get; init; } = [];

    /// <summary>Knowledge areas, most important first.</summary>
    public IReadOnlyList<ElementRating> Knowledge { get; init; } = [];

    /// <summary>Abilities, most important first.</summary>
    public IReadOnlyList<ElementRating> Abilities { get; init; } = [];

    /// <summary>Job outlook and Bright Outlook, or null when the source has none (the database release does not carry it).</summary>
    public JobOutlook? Outlook { get; init; }

    /// <summary>Where the profile came from, such as "O*NET database" or "O*NET Web Services".</summary>
    public string Source { get; init; } = "";

    /// <summary>Equal profiles: every field equal, lists compared in order.</summary>
    public bool Equals(OccupationProfile? other) =>
        other is not null && Code == other.Code && Title == other.Title && Description == other.Description && JobZone == other.JobZone
        && Source == other.Source && Outlook == other.Outlook && Tasks.SequenceEqual(other.Tasks) && TechnologySkills.SequenceEqual(other.TechnologySkills)
        && Tools.SequenceEqual(other.Tools) && Education.SequenceEqual(other.Education) && Related.SequenceEqual(other.Related)
        && AlternateTitles.SequenceEqual(other.AlternateTitles) && Skills.SequenceEqual(other.Skills) && Knowledge.SequenceEqual(other.Knowledge)
        && Abilities.SequenceEqual(other.Abilities);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Code, Title, Tasks.Count, Source);
}
