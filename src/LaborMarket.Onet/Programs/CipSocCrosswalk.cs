using System.Collections.Frozen;
using LaborMarket.Onet.Database;

namespace LaborMarket.Onet.Programs;

/// <summary>
/// The NCES CIP 2020 to SOC 2018 crosswalk: which occupations a program prepares for, and which programs lead to
/// an occupation. Read from the official file as NCES publishes it (<c>CIP2020_SOC2018_Crosswalk.xlsx</c>, its
/// CIP-SOC sheet) or that sheet saved as CSV; both give the same answers. Titles and definitions come from the CIP 2020 code list when it is given, and SOC codes are expanded to
/// their O*NET-SOC occupations when an O*NET release is given. SOC 2010 codes are mapped to SOC 2018 first.
/// Immutable and thread-safe once loaded.
/// </summary>
public sealed class CipSocCrosswalk
{
    private const string NoMatchSoc = "99-9999";
    private const string NoMatchCip = "99.9999";

    private readonly FrozenDictionary<CipCode, CipProgram> _programs;
    private readonly FrozenDictionary<SocCode, string> _socTitles;
    private readonly FrozenDictionary<CipCode, SocCode[]> _socsByCip;
    private readonly FrozenDictionary<SocCode, CipCode[]> _cipsBySoc;
    private readonly FrozenDictionary<SocCode, OnetOccupation[]> _onet;
    private readonly FrozenSet<SocCode> _soc2018;

    private CipSocCrosswalk(
        Dictionary<CipCode, CipProgram> programs, Dictionary<SocCode, string> socTitles, List<(CipCode Cip, SocCode Soc)> pairs,
        Dictionary<SocCode, OnetOccupation[]> onet, CrosswalkUnmatched unmatched)
    {
        _programs = programs.ToFrozenDictionary();
        _socTitles = socTitles.ToFrozenDictionary();
        _socsByCip = pairs.GroupBy(p => p.Cip).ToFrozenDictionary(g => g.Key, g => g.Select(p => p.Soc).Distinct().Order().ToArray());
        _cipsBySoc = pairs.GroupBy(p => p.Soc).ToFrozenDictionary(g => g.Key, g => g.Select(p => p.Cip).Distinct().Order().ToArray());
        _onet = onet.ToFrozenDictionary();
        PairCount = pairs.Count;
        Unmatched = unmatched;

        // Every SOC 2018 code the file names, with a program or NO MATCH: a code here is never read as SOC 2010.
        _soc2018 = _cipsBySoc.Keys.Concat(unmatched.Occupations.Select(o => o.Soc)).ToFrozenSet();
    }

    /// <summary>The number of program-occupation pairs (NO MATCH rows left out).</summary>
    public int PairCount { get; }

    /// <summary>
    /// Records of the CIP code list that are not well-formed CSV and were left out (the 2020 list quotes a title inside a
    /// quoted definition without doubling the quotes once); each names its file and line.
    /// </summary>
    public IReadOnlyList<LaborMarketFormatException> SkippedCodeListRows { get; private init; } = [];

    /// <summary>The NO MATCH rows of the file, kept out of the answers.</summary>
    public CrosswalkUnmatched Unmatched { get; }

    /// <summary>Every program that leads to at least one occupation.</summary>
    public IEnumerable<CipCode> Programs => _socsByCip.Keys.Order();

    /// <summary>Every SOC code that at least one program leads to.</summary>
    public IEnumerable<SocCode> Occupations => _cipsBySoc.Keys.Order();

    /// <summary>Reads the crosswalk.</summary>
    /// <param name="crosswalkPath">The official <c>CIP2020_SOC2018_Crosswalk.xlsx</c> (its CIP-SOC sheet is read) or <c>.csv</c>.</param>
    /// <param name="cipCodesPath">The CIP 2020 code list (<c>CIPCode2020.csv</c>) for definitions, or null.</param>
    /// <param name="onet">An O*NET release to expand SOC codes to O*NET-SOC occupations, or null.</param>
    /// <exception cref="LaborMarketFormatException">A row holds a code that is not a CIP or SOC code; the message names the file, line and column.</exception>
    /// <exception cref="FileNotFoundException">A file does not exist.</exception>
    public static CipSocCrosswalk Load(string crosswalkPath, string? cipCodesPath = null, OnetDatabase? onet = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(crosswalkPath);
        var name = CrosswalkRows.SourceName(crosswalkPath);
        var programs = new Dictionary<CipCode, CipProgram>();
        var socTitles = new Dictionary<SocCode, string>();
        var pairs = new List<(CipCode, SocCode)>();
        var unmatchedCip = new Dictionary<CipCode, CipProgram>();
        var unmatchedSoc = new Dictionary<SocCode, string>();
        foreach (var (f, line) in CrosswalkRows.Read(crosswalkPath, ["CIP2020Code", "CIP2020Title", "SOC2018Code", "SOC2018Title"]))
        {
            if (f[0] == NoMatchCip)
            {
                unmatchedSoc[ParseSoc(f[2], name, line)] = f[3];
                continue;
            }

            var cip = CipCode.TryParse(f[0], out var c) && c.Level == CipLevel.Program
                ? c
                : throw new LaborMarketFormatException(name, line, "CIP2020Code", $"'{f[0]}' is not a six-digit CIP code");
            var program = new CipProgram(cip, TrimTitle(f[1]), null);
            if (f[2] == NoMatchSoc)
            {
                unmatchedCip[cip] = program;
                continue;
            }

            var soc = ParseSoc(f[2], name, line);
            programs.TryAdd(cip, program);
            socTitles.TryAdd(soc, f[3]);
            pairs.Add((cip, soc));
        }

        var skipped = new List<LaborMarketFormatException>();
        if (cipCodesPath is not null)
        {
            AddDefinitions(cipCodesPath, programs, unmatchedCip, skipped);
        }

        var onetBySoc = new Dictionary<SocCode, OnetOccupation[]>();
        if (onet is not null)
        {
            foreach (var group in onet.Codes.GroupBy(code => code.OnetSixDigit))
            {
                onetBySoc[group.Key] = group.Select(code => new OnetOccupation(code, onet.Find(code)!.Title)).ToArray();
            }
        }

        var unmatched = new CrosswalkUnmatched(
            unmatchedCip.Values.OrderBy(p => p.Code).ToArray(),
            unmatchedSoc.OrderBy(p => p.Key).Select(p => new CrosswalkOccupation(p.Key, p.Value, [])).ToArray());
        return new CipSocCrosswalk(programs, socTitles, pairs, onetBySoc, unmatched) { SkippedCodeListRows = skipped };
    }

    /// <summary>
    /// The occupations a program prepares for. A series (51.38) or family (51) answers for every program in it.
    /// An unknown code answers with none.
    /// </summary>
    public IReadOnlyList<CrosswalkOccupation> OccupationsFor(CipCode cip)
    {
        var socs = cip.Level == CipLevel.Program
            ? _socsByCip.GetValueOrDefault(cip, [])
            : _socsByCip.Where(p => p.Key.IsWithin(cip)).SelectMany(p => p.Value).Distinct().Order().ToArray();
        return Array.ConvertAll(socs, Occupation);
    }

    /// <summary>
    /// The programs that lead to an occupation. A SOC 2010 code is mapped to SOC 2018 first (every code of a
    /// split); a broad or minor group answers for every occupation in it.
    /// </summary>
    public IReadOnlyList<CipProgram> ProgramsFor(SocCode soc)
    {
        var targets = soc.Level == SocLevel.Detailed ? ToSoc2018(soc) : _cipsBySoc.Keys.Where(k => k.IsWithin(soc)).ToArray();
        if (targets.Count == 1)
        {
            return Array.ConvertAll(_cipsBySoc.GetValueOrDefault(targets[0], []), Program); // stored distinct and in order
        }

        return targets.SelectMany(t => _cipsBySoc.GetValueOrDefault(t, [])).Distinct().Order().Select(Program).ToArray();
    }

    /// <summary>
    /// The number of programs that lead to each occupation, computed in one pass over the crosswalk (an occupation
    /// no program leads to is absent, as are the NO MATCH rows).
    /// </summary>
    public IReadOnlyDictionary<SocCode, int> ProgramCounts() => _cipsBySoc.ToFrozenDictionary(p => p.Key, p => p.Value.Length);

    /// <summary>Whether the crosswalk links the program (a six-digit code) to the occupation (SOC 2018).</summary>
    public bool Links(CipCode cip, SocCode soc) => _socsByCip.TryGetValue(cip, out var socs) && Array.BinarySearch(socs, soc) >= 0;

    /// <summary>
    /// The SOC 2018 codes a code answers for: itself when it is a SOC 2018 code the crosswalk names (with programs or
    /// NO MATCH) or a code that did not change in 2018; else every SOC 2018 code of its SOC 2010 row, so a split code
    /// answers for all its parts (the crosswalk has no weights to choose one).
    /// </summary>
    public IReadOnlyList<SocCode> ToSoc2018(SocCode soc) =>
        soc.Level != SocLevel.Detailed || _soc2018.Contains(soc) || !SocCrosswalk.Changed(soc) ? [soc] : SocCrosswalk.From2010All(soc);

    /// <summary>The program with this code as the crosswalk and the code list name it, or null.</summary>
    public CipProgram? FindProgram(CipCode cip) => _programs.GetValueOrDefault(cip);

    /// <summary>The occupation with this SOC code, with its O*NET occupations, or null when no program leads to it.</summary>
    public CrosswalkOccupation? FindOccupation(SocCode soc) => _socTitles.ContainsKey(soc) ? Occupation(soc) : null;

    private CrosswalkOccupation Occupation(SocCode soc) =>
        new(soc, _socTitles.GetValueOrDefault(soc, ""), _onet.GetValueOrDefault(soc, []));

    private CipProgram Program(CipCode cip) => _programs[cip];

    private static SocCode ParseSoc(string text, string file, long line) =>
        SocCode.TryParse(text, out var soc) && soc.Level == SocLevel.Detailed
            ? soc
            : throw new LaborMarketFormatException(file, line, "SOC2018Code", $"'{text}' is not a detailed SOC code");

    private static string TrimTitle(string title) => title.EndsWith('.') ? title[..^1] : title;

    private static void AddDefinitions(string path, Dictionary<CipCode, CipProgram> programs, Dictionary<CipCode, CipProgram> unmatched,
        List<LaborMarketFormatException> skipped)
    {
        var name = Path.GetFileName(path);
        foreach (var (f, line) in DelimitedRows.Read(path, ["CIPCode", "CIPTitle", "CIPDefinition"], skipped))
        {
            var code = CipCode.TryParse(f[0], out var c)
                ? c
                : throw new LaborMarketFormatException(name, line, "CIPCode", $"'{f[0]}' is not a CIP code");
            var program = new CipProgram(code, TrimTitle(f[1]), f[2]);
            if (programs.ContainsKey(code))
            {
                programs[code] = program;
            }
            else if (unmatched.ContainsKey(code))
            {
                unmatched[code] = program;
            }
            else if (code.Level != CipLevel.Program)
            {
                programs[code] = program; // series and families, for titles of a group
            }
        }
    }
}
