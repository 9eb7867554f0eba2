
namespace LaborMarket.Onet;

/// <summary>A task statement.</summary>
/// <param name="Id">O*NET's task id.</param>
/// <param name="Statement">What the worker does.</param>
/// <param name="IsCore">True for core tasks, false for supplemental ones.</param>
public sealed record OccupationTask(int Id, string Statement, bool IsCore);

/// <summary>A technology (software) used in the occupation.</summary>
/// <param name="Example">The product, such as "Microsoft Excel".</param>
/// <param name="Category">Its UNSPSC commodity title, such as "Spreadsheet software".</param>
/// <param name="IsHotTechnology">O*NET's "hot technology" flag (frequently in job postings).</param>
public sealed record TechnologySkill(string Example, string Category, bool IsHotTechnology);

/// <summary>A tool used in the occupation.</summary>
/// <param name="Example">The tool, such as "Stethoscopes".</param>
/// <param name="Category">Its UNSPSC commodity title.</param>
public sealed record OccupationTool(string Example, string Category);

/// <summary>The share of incumbents who say a level of education is required.</summary>
/// <param name="Category">O*NET's category number (1 less than high school ... 12 post-doctoral).</param>
/// <param name="Level">The category's description.</param>
/// <param name="Percent">Percent of respondents.</param>
public sealed record EducationLevel(int Category, string Level, double Percent);

/// <summary>An occupation O*NET relates to this one.</summary>
/// <param name="Code">Its O*NET-SOC code.</param>
/// <param name="Title">Its title.</param>
/// <param name="Tier">O*NET's relatedness tier ("Primary-Short", "Primary-Long", "Supplemental").</param>
public sealed record RelatedOccupation(OnetSocCode Code, string Title, string Tier)
{
    /// <summary>O*NET's relatedness index (1 = most related), or null when the source does not give it.</summary>
    public int? Index { get; init; }
}

/// <summary>A rated element of the content model (a skill, a knowledge area or an ability).</summary>
/// <param name="Id">O*NET's element id, such as "2.A.1.a".</param>
/// <param name="Name">The element's name, such as "Reading Comprehension".</param>
/// <param name="Importance">Importance, 0-100 (O*NET's 1-5 scale rescaled), or null.</param>
/// <param name="Level">Level, 0-100 (O*NET's 0-7 scale rescaled), or null.</param>
public sealed record ElementRating(string Id, string Name, double? Importance, double? Level);

/// <summary>The job outlook of an occupation.</summary>
/// <param name="Category">The outlook category ("Bright", "Average", "Below Average"), or null.</param>
/// <param name="Description">The source's sentence about it, or null.</param>
/// <param name="IsBrightOutlook">True for a Bright Outlook occupation (growing fast or with many openings).</param>
/// <param name="BrightOutlookReasons">Why it is bright ("Grow Rapidly", "Numerous Job Openings"), when known.</param>
public sealed record JobOutlook(string? Category, string? Description, bool IsBrightOutlook, IReadOnlyList<string> BrightOutlookReasons)
{
    /// <summary>Equal outlooks (reasons compared in order).</summary>
    public bool Equals(JobOutlook? other) =>
        other is not null && Category == other.Category && Description == other.Description && IsBrightOutlook == other.IsBrightOutlook
        && BrightOutlookReasons.SequenceEqual(other.BrightOutlookReasons);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Category, Description, IsBrightOutlook);
}

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
