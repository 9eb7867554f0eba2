using System.Collections.Frozen;
using System.Globalization;
using LaborMarket.Files;
using LaborMarket.Onet.Database;

namespace LaborMarket.Onet.Skills;

/// <summary>
/// Skill profiles of O*NET occupations: Skills and Knowledge ratings where a ratings release has the occupation
/// (O*NET 29.0 has 879), else Technology Skills and Tools Used, and the profile says which. Immutable once loaded.
/// </summary>
public sealed class OccupationSkills
{
    /// <summary>O*NET's importance scale runs 1-5; 3 ("important") is the usual line for a skill an occupation needs.</summary>
    public const double DefaultImportanceThreshold = 3.0;

    private static readonly string[] RatingFiles = ["Skills", "Knowledge"];

    private static readonly string[] RatingColumns = ["O*NET-SOC Code", "Element ID", "Element Name", "Scale ID", "Data Value", "Recommend Suppress"];

    private readonly OnetDatabase _onet;
    private readonly FrozenDictionary<OnetSocCode, SkillEntry[]> _ratings;

    private OccupationSkills(OnetDatabase onet, FrozenDictionary<OnetSocCode, SkillEntry[]> ratings)
    {
        _onet = onet;
        _ratings = ratings;
    }

    /// <summary>How many occupations have ratings.</summary>
    public int RatedOccupations => _ratings.Count;

    /// <summary>Builds the profiles.</summary>
    /// <param name="onet">The O*NET release for titles, technology and tools (and its own ratings when it has them).</param>
    /// <param name="ratingsPath">
    /// A folder with <c>Skills</c> and <c>Knowledge</c> ratings (<c>.txt</c> as O*NET publishes them, or <c>.tsv.gz</c>)
    /// from a newer release, or null to use the ratings in <paramref name="onet"/>.
    /// </param>
    /// <param name="importanceThreshold">The importance (1-5) from which a rated skill counts.</param>
    /// <exception cref="LaborMarketFormatException">A ratings file is malformed.</exception>
    public static OccupationSkills Load(OnetDatabase onet, string? ratingsPath = null, double importanceThreshold = DefaultImportanceThreshold)
    {
        ArgumentNullException.ThrowIfNull(onet);
        ArgumentOutOfRangeException.ThrowIfLessThan(importanceThreshold, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(importanceThreshold, 5);
        var ratings = new Dictionary<OnetSocCode, List<SkillEntry>>();
        if (ratingsPath is not null)
        {
            foreach (var file in RatingFiles)
            {
                ReadRatings(ratingsPath, Find(ratingsPath, file), file == "Skills" ? SkillKind.Skill : SkillKind.Knowledge, importanceThreshold, ratings);
            }
        }
        else
        {
            foreach (var code in onet.Codes)
            {
                var p = onet.Find(code)!;
                var entries = p.Skills.Select(r => (r, SkillKind.Skill)).Concat(p.Knowledge.Select(r => (r, SkillKind.Knowledge)))
                    .Where(x => x.r.Importance is { } im && 1 + (im / 25) >= importanceThreshold)
                    .Select(x => new SkillEntry(x.r.Id, x.r.Name, x.Item2, x.r.Importance!.Value / 100, x.r.Level is { } lv ? lv * 7 / 100 : null))
                    .ToList();
                if (entries.Count > 0)
                {
                    ratings[code] = entries;
                }
            }
        }

        return new OccupationSkills(onet, ratings.ToFrozenDictionary(p => p.Key, p => p.Value.OrderByDescending(e => e.Weight).ThenBy(e => e.Id, StringComparer.Ordinal).ToArray()));
    }

    /// <summary>The profile of an O*NET occupation (an unknown code has an empty profile with source None).</summary>
    public SkillProfile For(OnetSocCode code)
    {
        if (_ratings.TryGetValue(code, out var rated))
        {
            return new SkillProfile(code, SkillProfileSource.Ratings, rated);
        }

        if (_onet.Find(code) is not { } p || (p.TechnologySkills.Count == 0 && p.Tools.Count == 0))
        {
            return new SkillProfile(code, SkillProfileSource.None, []);
        }

        var entries = p.TechnologySkills.Select(t => new SkillEntry(t.Example, t.Example, SkillKind.Technology, t.IsHotTechnology ? 1 : 0.5, null))
            .Concat(p.Tools.Select(t => new SkillEntry(t.Example, t.Example, SkillKind.Tool, 0.5, null)))
            .DistinctBy(e => e.Id, StringComparer.OrdinalIgnoreCase)
            .OrderByDescending(e => e.Weight).ThenBy(e => e.Id, StringComparer.Ordinal).ToArray();
        return new SkillProfile(code, SkillProfileSource.TechnologyAndTools, entries);
    }

    /// <summary>The profile of a SOC occupation: its <c>.00</c> O*NET occupation, else the first under it.</summary>
    public SkillProfile For(SocCode soc) =>
        _onet.Find(soc) is { } p ? For(p.Code) : new SkillProfile(new OnetSocCode(soc, 0), SkillProfileSource.None, []);

    // The name of the ratings file present in the folder, as O*NET publishes it or gzipped.
    private static string Find(string folder, string file)
    {
        foreach (var candidate in new[] { $"{file}.txt", $"{file}.tsv.gz", $"{file}.txt.gz" })
        {
            if (File.Exists(Path.Combine(folder, candidate)))
            {
                return candidate;
            }
        }

        throw new FileNotFoundException($"No {file}.txt or {file}.tsv.gz in '{folder}'.", Path.Combine(folder, file + ".txt"));
    }

    private static void ReadRatings(string folder, string name, SkillKind kind, double threshold, Dictionary<OnetSocCode, List<SkillEntry>> into)
    {
        var importance = new Dictionary<(OnetSocCode, string), (string Name, double? Im, double? Lv)>();
        using var files = OnetDatabaseFiles.Open(folder);
        foreach (var (f, line) in files.Records(name, RatingColumns, required: true))
        {
            if (f[5] == "Y")
            {
                continue; // O*NET recommends suppressing the value: too few respondents or too wide an interval
            }

            var code = OnetSocCode.TryParse(f[0], out var c) ? c : throw new LaborMarketFormatException(name, line, "O*NET-SOC Code", $"'{f[0]}' is not an O*NET-SOC code");
            if (!double.TryParse(f[4], NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || !double.IsFinite(value) || value < 0 || value > 7)
            {
                throw new LaborMarketFormatException(name, line, "Data Value", $"'{f[4]}' is not a rating between 0 and 7");
            }

            var key = (code, f[1]);
            var current = importance.GetValueOrDefault(key, (f[2], null, null));
            importance[key] = f[3] switch
            {
                "IM" => current with { Im = value },
                "LV" => current with { Lv = value },
                _ => current,
            };
        }

        foreach (var ((code, id), r) in importance)
        {
            if (r.Im is { } im && im >= threshold)
            {
                if (!into.TryGetValue(code, out var list))
                {
                    into[code] = list = [];
                }

                list.Add(new SkillEntry(id, r.Name, kind, (im - 1) / 4, r.Lv));
            }
        }
    }
}
