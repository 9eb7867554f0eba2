using LaborMarket.Onet.Programs;
using LaborMarket.Onet.Skills;

namespace LaborMarket.Onet;

/// <summary>Options for <c>services.AddLaborMarketPrograms(...)</c>: where the crosswalk and O*NET files are.</summary>
public sealed class ProgramsOptions
{
    /// <summary>The NCES CIP-SOC crosswalk, <c>CIP2020_SOC2018_Crosswalk.xlsx</c> as published or its CIP-SOC sheet as <c>.csv</c>. Required.</summary>
    public string? CrosswalkPath { get; set; }

    /// <summary>The CIP 2020 code list (<c>CIPCode2020.csv</c>) for program titles and definitions; optional.</summary>
    public string? CipCodesPath { get; set; }

    /// <summary>
    /// Folder (or .zip) of an O*NET database text release, for O*NET-SOC expansion, technology and tools. Required; it also
    /// becomes <see cref="OnetDatabaseOptions.DatabasePath"/> when that is not set.
    /// </summary>
    public string? OnetDatabasePath { get; set; }

    /// <summary>
    /// A folder with a newer release's <c>Skills</c> and <c>Knowledge</c> ratings (<c>.txt</c> or <c>.tsv.gz</c>, such as
    /// O*NET 29.0), or null to use the ratings of <see cref="OnetDatabasePath"/>.
    /// </summary>
    public string? RatingsPath { get; set; }

    /// <summary>The importance (1-5) from which a rated skill belongs to a profile.</summary>
    public double ImportanceThreshold { get; set; } = OccupationSkills.DefaultImportanceThreshold;

    /// <summary>The similarity (0-1) from which a program and an occupation the crosswalk does not link are listed for their skills.</summary>
    public double MinimumSimilarity { get; set; } = ProgramRanking.DefaultMinimumSimilarity;
}
