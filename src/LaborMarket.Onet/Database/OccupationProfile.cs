using LaborMarket.Normalization.Taxonomy;

namespace LaborMarket.Onet.Database;

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
public sealed record RelatedOccupation(OnetSocCode Code, string Title, string Tier);

/// <summary>What O*NET says about one occupation.</summary>
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
}
