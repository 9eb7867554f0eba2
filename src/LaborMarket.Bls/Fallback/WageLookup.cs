using System.Collections.Concurrent;
using LaborMarket.Bls.Geography;
using LaborMarket.Bls.Oews;

namespace LaborMarket.Bls.Fallback;

/// <summary>
/// Finds the nearest published OEWS figures for an occupation and a place. Regional fallback:
/// county -> its metro or nonmetro area -> state -> nation. Occupational fallback, per figure, where a cell
/// is suppressed: detailed -> broad -> minor -> major within the same area. <see cref="Explain"/> reports every step.
/// Immutable and thread-safe.
/// </summary>
public sealed class WageLookup
{
    private readonly ConcurrentDictionary<(SocCode Soc, WageLocation Location, int? Year), WageAnswer>? _answers;
    private readonly int _cacheSize;

    // What a location resolves to (its chain of areas and the step saying so) depends only on the location: worked
    // out once per county, area, state or place and shared by every answer; so is the wording of each area.
    private readonly ConcurrentDictionary<OewsAreaCode, string> _areaText = new();
    private readonly Plan?[]?[] _countyPlans = new Plan?[]?[100]; // [state FIPS][county code]
    private readonly ConcurrentDictionary<string, Plan> _placePlans = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<OewsAreaCode, Plan> _areaPlans = new();
    private readonly Plan?[] _statePlans = new Plan?[100]; // [state FIPS]
    private readonly Func<OewsAreaCode, string> _describe;
    private const int MaxKeptPlaces = 10_000;

    private Plan? _nationPlan;

    private sealed record Plan(OewsAreaCode[] Chain, int[] AreaIds, WageStep? Step);

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
        _describe = Describe;
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

    private WageAnswer Answer(SocCode requested, WageLocation location, int? year)
    {
        var none = default(NoSteps);
        return Work(requested, location, year, ref none);
    }

    /// <summary>
    /// The nearest figures for <paramref name="soc"/> at <paramref name="location"/> with every step taken and its
    /// reason (<see cref="WageAnswer.Steps"/>). Worded afresh each time (not cached): ask for it where the steps are
    /// shown or kept; <see cref="Find"/> gives the same figures without them.
    /// </summary>
    public WageAnswer Explain(SocCode soc, WageLocation location, int? year = null)
    {
        ArgumentNullException.ThrowIfNull(location);
        var steps = new StepList();
        var answer = Work(soc, location, year, ref steps);
        return answer with { Steps = WageSteps.Render(steps.Steps, _describe) };
    }

    private WageAnswer Work<TSteps>(SocCode requested, WageLocation location, int? year, ref TSteps steps)
        where TSteps : struct, IStepSink
    {
        var soc = requested;
        var socId = Index.SocId(soc);
        if (!Index.IsDetailed(socId) && SocCrosswalk.Changed(soc))
        {
            soc = SocCrosswalk.From2010(soc);
            socId = Index.SocId(soc);
            if (steps.Records)
            {
                steps.Add(new WageStep(WageStepKind.Soc2010, 0, default, requested, soc, 0, default, null));
            }
        }

        if (!Index.IsDetailed(socId) && OewsAggregates.Of(soc) is { } aggregate && Index.IsDetailed(Index.SocId(aggregate)))
        {
            if (steps.Records)
            {
                steps.Add(new WageStep(WageStepKind.OewsAggregate, 0, default, soc, aggregate, 0, default, null));
            }

            soc = aggregate;
            socId = Index.SocId(soc);
        }

        // Questions the data cannot answer are told apart from "not published": a code that is no occupation (and that no
        // file holds, as OEWS-only aggregates are held), and a year that no file has.
        if (socId < 0 && !Soc2018Occupations.Contains(soc))
        {
            if (steps.Records)
            {
                var mapped = soc != requested ? $" (mapped from SOC 2010 {requested})" : "";
                steps.Add(Text($"{soc}{mapped} is not a SOC 2018 occupation or group, and no OEWS file holds it"));
            }

            return Unanswered(requested, location, year, WageOutcome.NotAnOccupation);
        }

        if (year is { } y && !Index.Years.Contains(y))
        {
            if (steps.Records)
            {
                steps.Add(Text(Index.Years.Count == 0
                    ? $"no OEWS data for {y}: the data holds no survey year"
                    : $"no OEWS data for {y}: the data holds {string.Join(", ", Index.Years)}"));
            }

            return Unanswered(requested, location, year, WageOutcome.YearNotInData);
        }

        var plan = PlanFor(location);
        if (steps.Records && plan.Step is { } planStep)
        {
            steps.Add(planStep);
        }

        // One pass over the chain of areas: each area's row serves every figure not yet found, and a suppressed
        // figure looks in the parent groups of the same area first (occupational before regional fallback).
        var figures = new WageFigureCells();
        var medianAt = -1;
        var left = WageFigureCells.Count;
        var chain = plan.Chain;
        var broadOnly = soc.Level == SocLevel.Detailed && !Index.IsDetailed(socId);
        for (var i = 0; i < chain.Length && left > 0; i++)
        {
            var area = chain[i];
            var areaId = plan.AreaIds[i];
            var row = Index.Find(areaId, socId, year);
            var codeId = socId;
            if (row is null && broadOnly)
            {
                // OEWS publishes some detailed occupations only as their broad group.
                codeId = Index.SocId(soc.Broad);
                row = Index.Find(areaId, codeId, year);
            }

            var recordMedian = steps.Records && medianAt < 0;
            if (row is null)
            {
                if (recordMedian)
                {
                    steps.Add(new WageStep(WageStepKind.NotPublished, 0, area, soc, default, 0, default, null));
                }

                continue;
            }

            var code = row.Soc;
            if (recordMedian && code != soc)
            {
                steps.Add(new WageStep(WageStepKind.BroadOnly, 0, area, soc, code, 0, default, null));
            }

            var parents = new ParentRows(Index, areaId, codeId, year ?? row.Year);
            var values = new Values(row);
            for (var f = 0; f < WageFigureCells.Count; f++)
            {
                if (figures[f].Found)
                {
                    continue;
                }

                var record = recordMedian && f == 0;
                var value = values[f];
                if (value.HasValue)
                {
                    if (record)
                    {
                        if (value.IsLowerBound)
                        {
                            steps.Add(new WageStep(WageStepKind.TopCoded, 0, area, soc, code, row.Year, value, null));
                        }

                        steps.Add(new WageStep(WageStepKind.Found, 0, area, soc, code, row.Year, value, null));
                    }

                    figures[f] = new WageFigureCell(value, i, code, row.Year);
                }
                else
                {
                    if (record)
                    {
                        steps.Add(new WageStep(WageStepKind.Suppressed, 0, area, soc, code, row.Year, value, null));
                    }

                    for (var k = 0; parents.At(k) is { } e; k++)
                    {
                        if (Pick(e, f) is { HasValue: true } pv)
                        {
                            if (record)
                            {
                                steps.Add(new WageStep(WageStepKind.FoundInParent, 0, area, soc, e.Soc, e.Year, pv, null));
                            }

                            figures[f] = new WageFigureCell(pv, i, e.Soc, e.Year);
                            break;
                        }
                    }

                    if (!figures[f].Found)
                    {
                        continue;
                    }
                }

                left--;
                medianAt = f == 0 ? i : medianAt;
            }
        }

        var median = figures[0].Figure(chain);
        if (median is null && steps.Records)
        {
            steps.Add(new WageStep(WageStepKind.NoMedian, 0, default, soc, default, 0, default, null));
        }

        if (median is { } m && steps.Records)
        {
            for (var f = 1; f < WageFigureCells.Count; f++)
            {
                Elsewhere(figures[f].Figure(chain), f, m, ref steps);
            }
        }

        return new WageAnswer
        {
            RequestedSoc = requested,
            Location = location,
            RequestedYear = year,
            AreaTitle = medianAt < 0 ? null : Index.AreaTitle(plan.AreaIds[medianAt]),
            AnnualMedian = median,
            AnnualP10 = figures[1].Figure(chain),
            AnnualP90 = figures[2].Figure(chain),
            AnnualMean = figures[3].Figure(chain),
            HourlyMedian = figures[4].Figure(chain),
            Employment = figures[5].Figure(chain),
            Outcome = median is null ? WageOutcome.NotPublished : WageOutcome.Found,
        };
    }

    private static WageAnswer Unanswered(SocCode requested, WageLocation location, int? year, WageOutcome outcome) =>
        new() { RequestedSoc = requested, Location = location, RequestedYear = year, Outcome = outcome };

    private static WageStep Text(string text) => new(WageStepKind.Text, 0, default, default, default, 0, default, text);

    // A figure found in another area or for another code than the median says so.
    private static void Elsewhere<TSteps>(WageFigure? figure, int index, WageFigure median, ref TSteps steps)
        where TSteps : struct, IStepSink
    {
        if (figure is { } f && (f.Area != median.Area || f.Soc != median.Soc))
        {
            steps.Add(new WageStep(WageStepKind.FigureElsewhere, (byte)index, f.Area, default, f.Soc, 0, default, null));
        }
    }

    private static OewsValue Pick(OewsEstimate e, int figure) => new Values(e)[figure];

    private Plan PlanFor(WageLocation location)
    {
        if (location.County is { } county)
        {
            // Made once per county; two threads making the same plan at once make equal plans.
            var plans = LazyInitializer.EnsureInitialized(ref _countyPlans[county.StateFips], static () => new Plan?[1000]);
            return plans[county.CountyCode] ??= MakePlan(location);
        }

        if (location.Place is { } place)
        {
            // Places are spelt as users type them: only so many are kept.
            return _placePlans.TryGetValue(place, out var known) ? known
                : _placePlans.Count < MaxKeptPlaces ? _placePlans.GetOrAdd(place, static (_, x) => x.Self.MakePlan(x.Location), (Self: this, Location: location))
                : MakePlan(location);
        }

        if (location.Area is { } area)
        {
            return _areaPlans.GetOrAdd(area, static (_, x) => x.Self.MakePlan(x.Location), (Self: this, Location: location));
        }

        return location.State is { } state ? _statePlans[state.Fips] ??= MakePlan(location) : _nationPlan ??= MakePlan(location);
    }

    private Plan MakePlan(WageLocation location)
    {
        var chain = new List<OewsAreaCode>(4);
        string? step = null;
        UsState? state = null;
        if (location.County is { } county)
        {
            var c = Crosswalk.Find(county);
            state = c?.State ?? county.State;
            if (c is null)
            {
                step = $"county {county} is in no crosswalk: no metro or nonmetro area";
            }
            else
            {
                step = AreasStep(c, $"county {county} ({c.Name}, {c.State.Code})");
                chain.AddRange(c.Areas);
            }
        }
        else if (location.Place is { } place)
        {
            var c = Crosswalk.FindPlace(place);
            if (c is null && UsState.TryParse(place, out var whole))
            {
                // A bare state, by name or code ("California", "CA").
                state = whole;
                step = $"place '{place}' is the state {whole.Code}";
            }
            else if (c is null)
            {
                var comma = place.LastIndexOf(',');
                state = comma > 0 && UsState.TryParse(place.AsSpan(comma + 1), out var s) ? s : null;
                step = state is null ? $"place '{place}' not recognised" : $"place '{place}' not found in the crosswalks: using its state";
            }
            else
            {
                state = c.State;
                step = AreasStep(c, $"place '{place}'");
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

        return new Plan([.. chain], [.. chain.Select(Index.AreaId)], step is null ? null : new WageStep(WageStepKind.Text, 0, default, default, default, 0, default, step));
    }

    private string AreasStep(CountyAreas c, string what) =>
        "county not published in OEWS: " + what + " lies in " + string.Join(" or ", c.Areas.Select(Describe));

    private UsState? StateOfMetro(OewsAreaCode area)
    {
        var title = Index.AreaTitle(area);
        var comma = title?.LastIndexOf(',') ?? -1;
        return comma > 0 && UsState.TryParse(title.AsSpan(comma + 1).Trim().ToString().Split('-')[0], out var s) ? s : null;
    }

    private string Describe(OewsAreaCode area) => _areaText.GetOrAdd(area, static (a, self) => self.DescribeOnce(a), this);

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

    // The six figures of a row, in the order of WageFigureCells.
    [System.Runtime.CompilerServices.InlineArray(WageFigureCells.Count)]
    private struct Values
    {
        private OewsValue _first;

        public Values(OewsEstimate e)
        {
            this[0] = e.AnnualMedian;
            this[1] = e.AnnualP10;
            this[2] = e.AnnualP90;
            this[3] = e.AnnualMean;
            this[4] = e.HourlyMedian;
            this[5] = e.Employment;
        }
    }

    // The rows of a code's parent groups in one area (those the area publishes), nearest first, each looked up when
    // first needed.
    private struct ParentRows(WageIndex index, int areaId, int codeId, int year)
    {
        private Rows _rows;
        private int _found;
        private int _next = codeId;

        public OewsEstimate? At(int k)
        {
            while (_found <= k)
            {
                if (_next < 0 || (_next = index.ParentId(_next)) < 0)
                {
                    return null;
                }

                if (index.Find(areaId, _next, year) is { } row)
                {
                    _rows[_found++] = row;
                }
            }

            return _rows[k];
        }

        [System.Runtime.CompilerServices.InlineArray(Capacity)]
        private struct Rows
        {
            public const int Capacity = 4;
            private OewsEstimate? _first;
        }
    }

    private interface IStepSink
    {
        bool Records { get; }

        void Add(in WageStep step);
    }

    // Answers made without their steps.
    private readonly struct NoSteps : IStepSink
    {
        public bool Records => false;

        public void Add(in WageStep step)
        {
        }
    }

    // Steps recorded in order (only when an answer is explained).
    private readonly struct StepList() : IStepSink
    {
        public List<WageStep> Steps { get; } = [];

        public bool Records => true;

        public void Add(in WageStep step) => Steps.Add(step);
    }
}
