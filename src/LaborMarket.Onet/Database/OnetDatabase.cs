using LaborMarket.Files;
using System.Globalization;
using LaborMarket.Normalization.Catalog;

namespace LaborMarket.Onet.Database;

/// <summary>
/// The O*NET database read offline from a text release (folder or zip): no key, no network. Loaded once;
/// immutable and thread-safe afterwards.
/// </summary>
public sealed class OnetDatabase : IOccupationContentSource
{
    private readonly Dictionary<OnetSocCode, OccupationProfile> _profiles;

    private OnetDatabase(Dictionary<OnetSocCode, OccupationProfile> profiles, string path)
    {
        _profiles = profiles;
        Path = path;
        Codes = profiles.Keys.Order().ToArray();
    }

    /// <summary>Where the release was read from.</summary>
    public string Path { get; }

    /// <summary>Every occupation code, in order.</summary>
    public IReadOnlyList<OnetSocCode> Codes { get; }

    /// <summary>Reads a release. Occupation Data is required; the other files are used when present.</summary>
    /// <exception cref="LaborMarketFormatException">A file is malformed; the message names the file, line and column.</exception>
    public static OnetDatabase Load(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        using var files = OnetDatabaseFiles.Open(path);
        var builders = new Dictionary<OnetSocCode, Builder>();
        foreach (var r in files.Rows("Occupation Data.txt", ["O*NET-SOC Code", "Title", "Description"], required: true))
        {
            builders[r.Code] = new Builder(r.Fields[1], r.Fields[2]);
        }

        Builder? Of(OnetRow r) => builders.GetValueOrDefault(r.Code);

        foreach (var r in files.Rows("Task Statements.txt", ["O*NET-SOC Code", "Task ID", "Task", "Task Type"], required: false))
        {
            Of(r)?.Tasks.Add(new OccupationTask(Int(r, 1, "Task ID", "Task Statements.txt"), r.Fields[2], !r.Fields[3].Equals("Supplemental", StringComparison.OrdinalIgnoreCase)));
        }

        foreach (var r in files.Rows("Technology Skills.txt", ["O*NET-SOC Code", "Example", "Commodity Title", "Hot Technology"], required: false))
        {
            Of(r)?.Technology.Add(new TechnologySkill(r.Fields[1], r.Fields[2], r.Fields[3] == "Y"));
        }

        foreach (var r in files.Rows("Tools Used.txt", ["O*NET-SOC Code", "Example", "Commodity Title"], required: false))
        {
            Of(r)?.Tools.Add(new OccupationTool(r.Fields[1], r.Fields[2]));
        }

        var levels = new Dictionary<int, string>();
        foreach (var r in CategoryRows(files))
        {
            levels[r.Category] = r.Description;
        }

        foreach (var r in files.Rows(EducationFile, ["O*NET-SOC Code", "Element ID", "Scale ID", "Category", "Data Value"], required: false))
        {
            if (r.Fields[1] == "2.D.1" && r.Fields[2] == "RL" && Of(r) is { } b)
            {
                var category = Int(r, 3, "Category", EducationFile);
                b.Education.Add(new EducationLevel(category, levels.GetValueOrDefault(category, category.ToString(CultureInfo.InvariantCulture)), Double(r, 4, "Data Value", EducationFile)));
            }
        }

        foreach (var r in files.Rows("Job Zones.txt", ["O*NET-SOC Code", "Job Zone"], required: false))
        {
            if (Of(r) is { } b)
            {
                b.JobZone = Int(r, 1, "Job Zone", "Job Zones.txt");
            }
        }

        foreach (var r in files.Rows("Related Occupations.txt", ["O*NET-SOC Code", "Related O*NET-SOC Code", "Relatedness Tier", "Index"], required: false))
        {
            if (Of(r) is { } b && OnetSocCode.TryParse(r.Fields[1], out var related))
            {
                b.Related.Add((Int(r, 3, "Index", "Related Occupations.txt"), related, r.Fields[2]));
            }
        }

        // Skills, Knowledge and Abilities share a layout: importance (IM, 1-5) and level (LV, 0-7) rows per element.
        ReadRatings(files, "Skills.txt", b => b.Skills, Of);
        ReadRatings(files, "Knowledge.txt", b => b.Knowledge, Of);
        ReadRatings(files, "Abilities.txt", b => b.Abilities, Of);

        foreach (var r in files.Rows("Alternate Titles.txt", ["O*NET-SOC Code", "Alternate Title"], required: false))
        {
            Of(r)?.AlternateTitles.Add(r.Fields[1]);
        }

        var profiles = builders.ToDictionary(p => p.Key, p => p.Value.Build(p.Key, builders));
        return new OnetDatabase(profiles, path);
    }

    /// <inheritdoc />
    public string Name => "O*NET database";

    /// <inheritdoc />
    public Task<OccupationProfile?> GetProfileAsync(OnetSocCode code, CancellationToken cancellationToken = default) =>
        Task.FromResult(Find(code));

    /// <summary>The occupation with this O*NET-SOC code, or null (an unknown code is not an error).</summary>
    public OccupationProfile? Find(OnetSocCode code) => _profiles.GetValueOrDefault(code);

    /// <summary>The O*NET occupation for a SOC code: its <c>.00</c> occupation, else the first with that SOC code; or null.</summary>
    public OccupationProfile? Find(SocCode code) =>
        Find(new OnetSocCode(code, 0)) ?? Codes.Where(c => c.Soc == code || c.OnetSixDigit == code).Select(Find).FirstOrDefault();

    private static IEnumerable<(int Category, string Description)> CategoryRows(OnetDatabaseFiles files)
    {
        const string file = "Education, Training, and Experience Categories.txt";
        foreach (var (f, line) in files.Records(file, ["Element ID", "Scale ID", "Category", "Category Description"], required: false))
        {
            if (f[0] == "2.D.1" && f[1] == "RL")
            {
                yield return int.TryParse(f[2], NumberStyles.Integer, CultureInfo.InvariantCulture, out var c)
                    ? (c, f[3])
                    : throw new LaborMarketFormatException(file, line, "Category", $"'{f[2]}' is not an integer");
            }
        }
    }

    private static void ReadRatings(OnetDatabaseFiles files, string file, Func<Builder, Dictionary<string, (string Name, double? Importance, double? Level)>> target, Func<OnetRow, Builder?> of)
    {
        foreach (var r in files.Rows(file, ["O*NET-SOC Code", "Element ID", "Element Name", "Scale ID", "Data Value"], required: false))
        {
            if (of(r) is not { } b)
            {
                continue;
            }

            var ratings = target(b);
            var value = Double(r, 4, "Data Value", file);
            var current = ratings.GetValueOrDefault(r.Fields[1], (r.Fields[2], null, null));
            ratings[r.Fields[1]] = r.Fields[3] switch
            {
                "IM" => current with { Importance = Math.Round((value - 1) / 4 * 100, 1) },
                "LV" => current with { Level = Math.Round(value / 7 * 100, 1) },
                _ => current,
            };
        }
    }

    private static ElementRating[] Ratings(Dictionary<string, (string Name, double? Importance, double? Level)> ratings) =>
        ratings.Select(p => new ElementRating(p.Key, p.Value.Name, p.Value.Importance, p.Value.Level))
            .OrderByDescending(e => e.Importance ?? -1).ThenBy(e => e.Id, StringComparer.Ordinal).ToArray();

    private const string EducationFile = "Education, Training, and Experience.txt";

    private static int Int(OnetRow r, int field, string column, string file) =>
        int.TryParse(r.Fields[field], NumberStyles.Integer, CultureInfo.InvariantCulture, out var v)
            ? v : throw new LaborMarketFormatException(file, r.Line, column, $"'{r.Fields[field]}' is not an integer");

    private static double Double(OnetRow r, int field, string column, string file) =>
        double.TryParse(r.Fields[field], NumberStyles.Float, CultureInfo.InvariantCulture, out var v)
            ? v : throw new LaborMarketFormatException(file, r.Line, column, $"'{r.Fields[field]}' is not a number");

    private sealed class Builder(string title, string description)
    {
        public List<OccupationTask> Tasks { get; } = [];
        public List<TechnologySkill> Technology { get; } = [];
        public List<OccupationTool> Tools { get; } = [];
        public List<EducationLevel> Education { get; } = [];
        public List<(int Index, OnetSocCode Code, string Tier)> Related { get; } = [];
        public List<string> AlternateTitles { get; } = [];
        public Dictionary<string, (string Name, double? Importance, double? Level)> Skills { get; } = [];
        public Dictionary<string, (string Name, double? Importance, double? Level)> Knowledge { get; } = [];
        public Dictionary<string, (string Name, double? Importance, double? Level)> Abilities { get; } = [];
        public int? JobZone { get; set; }

        public string Title => title;

        public OccupationProfile Build(OnetSocCode code, Dictionary<OnetSocCode, Builder> all) => new()
        {
            Code = code,
            Title = title,
            Description = description,
            Tasks = Tasks.OrderByDescending(t => t.IsCore).ToArray(),
            TechnologySkills = Technology.OrderByDescending(t => t.IsHotTechnology).ToArray(),
            Tools = Tools.ToArray(),
            Education = Education.OrderBy(e => e.Category).ToArray(),
            JobZone = JobZone,
            Related = Related.OrderBy(r => r.Index).Select(r => new RelatedOccupation(r.Code, all.GetValueOrDefault(r.Code)?.Title ?? "", r.Tier) { Index = r.Index }).ToArray(),
            AlternateTitles = AlternateTitles.ToArray(),
            Skills = Ratings(Skills),
            Knowledge = Ratings(Knowledge),
            Abilities = Ratings(Abilities),
            Source = "O*NET database",
        };
    }
}
