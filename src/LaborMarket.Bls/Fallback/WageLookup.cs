using System.Collections.Concurrent;
using System.Globalization;
using LaborMarket.Bls.Geography;
using LaborMarket.Bls.Oews;
using LaborMarket.Normalization.Geography;
using LaborMarket.Normalization.Taxonomy;

namespace LaborMarket.Bls.Fallback;

/// <summary>
/// Finds the nearest published OEWS figures for an occupation and a place. Regional fallback:
/// county -> its metro or nonmetro area -> state -> nation. Occupational fallback, per figure, where a cell
/// is suppressed: detailed -> broad -> minor -> major within the same area. Every step is reported.
/// Immutable and thread-safe.
/// </summary>
public sealed class WageLookup
{
    private delegate OewsValue Pick(OewsEstimate e);

    private static readonly (string Name, Pick Pick)[] Figures =
    [
        ("annual median", e => e.AnnualMedian),
        ("annual 10th percentile", e => e.AnnualP10),
        ("annual 90th percentile", e => e.AnnualP90),
        ("annual mean", e => e.AnnualMean),
        ("hourly median", e => e.HourlyMedian),
        ("employment", e => e.Employment),
    ];

    private readonly ConcurrentDictionary<(SocCode Soc, WageLocation Location, int? Year), WageAnswer>? _answers;
    private readonly int _cacheSize;

    // Step wording that depends only on the area, county or place: made once, then shared by every answer.
    private readonly ConcurrentDictionary<OewsAreaCode, string> _areaText = new();
    private readonly ConcurrentDictionary<string, string> _placeSteps = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<CountyFips, string> _countySteps = new();
    private const int MaxKeptPlaces = 10_000;

    /// <summary>Creates a lookup over an index and a crosswalk.</summary>
    /// <param name="index">The estimates.</param>
    /// <param name="crosswalk">The county and place crosswalk.</param>
    /// <param name="answerCacheSize">
    /// Answers kept for repeated questions (a table of a million rows asks about far fewer distinct occupation and
    /// place pairs). Answers are immutable, so a kept one is the same answer. Default 100,000; 0 keeps none.
    /// </param>
    public WageLookup(WageIndex index, AreaCrosswalk crosswalk, int answerCacheSize = 100_000)
    {
        ArgumentNullException.ThrowIfNull(index);
        ArgumentNullException.ThrowIfNull(crosswalk);
        ArgumentOutOfRangeException.ThrowIfNegative(answerCacheSize);
        Index = index;
        Crosswalk = crosswalk;
        _cacheSize = answerCacheSize;
        _answers = answerCacheSize > 0 ? new() : null;
    }

    /// <summary>The estimates.</summary>
    public WageIndex Index { get; }

    /// <summary>The county and place crosswalk.</summary>
    public AreaCrosswalk Crosswalk { get; }

    /// <summary>The nearest figures for <paramref name="soc"/> at <paramref name="location"/>, latest year unless <paramref name="year"/> is given.</summary>
    public WageAnswer Find(SocCode soc, WageLocation location, int? year = null)
    {
        ArgumentNullException.ThrowIfNull(location);
        if (_answers is null)
        {
            return Answer(soc, location, year);
        }

        if (_answers.TryGetValue((soc, location, year), out var known))
        {
            return known;
        }

        var answer = Answer(soc, location, year);
        if (_answers.Count < _cacheSize)
        {
            _answers.TryAdd((soc, location, year), answer);
        }

        return answer;
    }

    private WageAnswer Answer(SocCode soc, WageLocation location, int? year)
    {
        var steps = new List<string>(8); // a typical answer has 3 to 7 steps
        var requested = soc;
        if (!Index.PublishesDetailed(soc) && SocCrosswalk.Changed(soc))
        {
            soc = SocCrosswalk.From2010(soc);
            steps.Add($"{requested} is a SOC 2010 code: using SOC 2018 {soc}");
        }

        var chain = Chain(location, steps);

        // Each area's row is looked up once and shared by every figure.
        var rows = new (OewsAreaCode Area, OewsEstimate? Row, SocCode Code)[chain.Count];
        for (var i = 0; i < chain.Count; i++)
        {
            var row = Index.Find(chain[i], soc, year);
            var code = soc;
            if (row is null && !Index.PublishesDetailed(soc) && soc.Level == SocLevel.Detailed)
            {
                row = Index.Find(chain[i], soc.Broad, year);
                code = soc.Broad;
            }

            rows[i] = (chain[i], row, code);
        }

        var results = new WageFigure?[Figures.Length];
        for (var f = 0; f < Figures.Length; f++)
        {
            results[f] = FindFigure(soc, rows, year, f, f == 0 ? steps : null);
        }

        var median = results[0];
        if (median is null)
        {
            steps.Add($"no annual median for {soc} at any level of the chain");
        }

        for (var f = 1; f < Figures.Length; f++)
        {
            if (results[f] is { } fig && median is not null && (fig.Area != median.Area || fig.Soc != median.Soc))
            {
                steps.Add(string.Concat(Figures[f].Name, " from ", Describe(fig.Area), " for ", fig.Soc.ToString()));
            }
        }

        return new WageAnswer
        {
            RequestedSoc = requested,
            Location = location,
            Soc = median?.Soc,
            Area = median?.Area,
            AreaTitle = median is null ? null : Index.AreaTitle(median.Area),
            Year = median?.Year,
            AnnualMedian = results[0],
            AnnualP10 = results[1],
            AnnualP90 = results[2],
            AnnualMean = results[3],
            HourlyMedian = results[4],
            Employment = results[5],
            Steps = steps,
        };
    }

    private WageFigure? FindFigure(SocCode soc, (OewsAreaCode Area, OewsEstimate? Row, SocCode Code)[] rows, int? year, int figure, List<string>? steps)
    {
        var (name, pick) = Figures[figure];
        foreach (var (area, row, code) in rows)
        {
            if (row is not null && code != soc)
            {
                steps?.Add($"{soc} is published only as broad occupation {code}");
            }

            if (row is null)
            {
                steps?.Add(string.Concat(soc.ToString(), " not published in ", Describe(area)));
                continue;
            }

            var value = pick(row);
            if (value.HasValue)
            {
                if (value.IsLowerBound)
                {
                    steps?.Add($"{name} top-coded (#) in {Describe(area)}: at least {value.Value!.Value.ToString("N0", CultureInfo.InvariantCulture)}");
                }

                steps?.Add(string.Concat(name, " from ", Describe(area), ", ", Year(row.Year)));
                return new WageFigure(value, area, code, row.Year);
            }

            steps?.Add($"{name} suppressed ({Marker(value)}) in {Describe(area)} for {code}");
            foreach (var parent in Parents(code))
            {
                var p = Index.Find(area, parent, year ?? row.Year);
                if (p is not null && pick(p) is { HasValue: true } pv)
                {
                    steps?.Add($"{name} from {parent.Level.ToString().ToLowerInvariant()} group {parent} in {Describe(area)}, {p.Year}");
                    return new WageFigure(pv, area, parent, p.Year);
                }
            }
        }

        return null;
    }

    private List<OewsAreaCode> Chain(WageLocation location, List<string> steps)
    {
        var chain = new List<OewsAreaCode>(4);
        UsState? state = null;
        if (location.County is { } county)
        {
            var c = Crosswalk.Find(county);
            state = c?.State ?? county.State;
            if (c is null)
            {
                steps.Add($"county {county} is in no crosswalk: no metro or nonmetro area");
            }
            else
            {
                steps.Add(_countySteps.GetOrAdd(county, _ => AreasStep(c, $"county {county} ({c.Name}, {c.State.Code})")));
                chain.AddRange(c.Areas);
            }
        }
        else if (location.Place is { } place)
        {
            var c = Crosswalk.FindPlace(place);
            if (c is null)
            {
                var comma = place.LastIndexOf(',');
                state = comma > 0 && UsState.TryParse(place.AsSpan(comma + 1), out var s) ? s : null;
                steps.Add(state is null ? $"place '{place}' not recognised" : $"place '{place}' not found in the crosswalks: using its state");
            }
            else
            {
                state = c.State;
                // Places are spelt as users type them: only so many wordings are kept.
                steps.Add(_placeSteps.TryGetValue(place, out var known) ? known
                    : _placeSteps.Count < MaxKeptPlaces ? _placeSteps.GetOrAdd(place, p => AreasStep(c, $"place '{p}'"))
                    : AreasStep(c, $"place '{place}'"));
                chain.AddRange(c.Areas);
            }
        }
        else if (location.Area is { } area)
        {
            chain.Add(area);
            state = area.State ?? StateOfMetro(area);
        }
        else if (location.State is { } st)
        {
            state = st;
        }

        if (state is { } stateValue && !chain.Contains(OewsAreaCode.ForState(stateValue)))
        {
            chain.Add(OewsAreaCode.ForState(stateValue));
        }

        if (!chain.Contains(OewsAreaCode.National))
        {
            chain.Add(OewsAreaCode.National);
        }

        return chain;
    }

    private string AreasStep(CountyAreas c, string what) =>
        "county not published in OEWS: " + what + " lies in " + string.Join(" or ", c.Areas.Select(Describe));

    private static readonly string[] Years = Enumerable.Range(1990, 80).Select(y => y.ToString(CultureInfo.InvariantCulture)).ToArray();

    private static string Year(int year) => year is >= 1990 and < 2070 ? Years[year - 1990] : year.ToString(CultureInfo.InvariantCulture);

    private UsState? StateOfMetro(OewsAreaCode area)
    {
        var title = Index.AreaTitle(area);
        var comma = title?.LastIndexOf(',') ?? -1;
        return comma > 0 && UsState.TryParse(title.AsSpan(comma + 1).Trim().ToString().Split('-')[0], out var s) ? s : null;
    }

    private string Describe(OewsAreaCode area) => _areaText.GetOrAdd(area, DescribeOnce);

    private string DescribeOnce(OewsAreaCode area)
    {
        var kind = area.Level switch
        {
            AreaLevel.National => "the nation",
            AreaLevel.State => "state",
            AreaLevel.Metro => "metro",
            _ => "nonmetro area",
        };
        var title = Index.AreaTitle(area);
        return area.Level == AreaLevel.National ? kind : title is null ? $"{kind} {area}" : $"{kind} {area} ({title})";
    }

    private static IEnumerable<SocCode> Parents(SocCode code)
    {
        for (var p = code.Parent; p is { } parent; p = parent.Parent)
        {
            yield return parent;
        }
    }

    private static string Marker(OewsValue v) => v.Marker switch
    {
        OewsMarker.WageNotAvailable => "*",
        OewsMarker.EmploymentNotAvailable => "**",
        OewsMarker.FewEstablishments => "~",
        _ => "blank",
    };
}
