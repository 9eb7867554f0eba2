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
    private readonly ConcurrentDictionary<(SocCode Soc, WageLocation Location, int? Year), WageAnswer>? _answers;
    private readonly int _cacheSize;

    // What a location resolves to (its chain of areas and the step saying so) depends only on the location: worked
    // out once per county, area, state or place and shared by every answer; so is the wording of each area.
    private readonly ConcurrentDictionary<OewsAreaCode, string> _areaText = new();
    private readonly ConcurrentDictionary<CountyFips, Plan> _countyPlans = new();
    private readonly ConcurrentDictionary<string, Plan> _placePlans = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<OewsAreaCode, Plan> _areaPlans = new();
    private readonly ConcurrentDictionary<UsState, Plan> _statePlans = new();
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

    // The steps of an answer: the same work done again, recording each step (an answer's figures are usually all
    // that is read, so answers are made without recording and worded only when asked).
    internal string[] StepsOf(SocCode requested, WageLocation location, int? year)
    {
        var steps = new StepRecorder();
        Work(requested, location, year, ref steps);
        return new WageSteps(steps.ToArray(), _describe).Render();
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

        var plan = PlanFor(location);
        if (steps.Records && plan.Step is { } planStep)
        {
            steps.Add(planStep);
        }

        // Each area's row is looked up when a figure first needs it and shared by the figures after it.
        var rowBuffer = new AreaRows();
        var search = new Search(Index, plan, soc, socId, year,
            plan.Chain.Length <= AreaRows.Capacity ? rowBuffer[..plan.Chain.Length] : new AreaRow[plan.Chain.Length]);
        var median = FindFigure(ref search, 0, ref steps, record: true, out var medianAt);
        if (median is null && steps.Records)
        {
            steps.Add(new WageStep(WageStepKind.NoMedian, 0, default, soc, default, 0, default, null));
        }

        var none = default(NoSteps);
        var p10 = FindFigure(ref search, 1, ref none, record: false, out _);
        var p90 = FindFigure(ref search, 2, ref none, record: false, out _);
        var mean = FindFigure(ref search, 3, ref none, record: false, out _);
        var hourly = FindFigure(ref search, 4, ref none, record: false, out _);
        var employment = FindFigure(ref search, 5, ref none, record: false, out _);
        if (median is not null && steps.Records)
        {
            Elsewhere(p10, 1, median, ref steps);
            Elsewhere(p90, 2, median, ref steps);
            Elsewhere(mean, 3, median, ref steps);
            Elsewhere(hourly, 4, median, ref steps);
            Elsewhere(employment, 5, median, ref steps);
        }

        return new WageAnswer
        {
            RequestedSoc = requested,
            Location = location,
            Soc = median?.Soc,
            Area = median?.Area,
            AreaTitle = median is null ? null : Index.AreaTitle(plan.AreaIds[medianAt]),
            Year = median?.Year,
            AnnualMedian = median,
            AnnualP10 = p10,
            AnnualP90 = p90,
            AnnualMean = mean,
            HourlyMedian = hourly,
            Employment = employment,
            Source = this,
            RequestedYear = year,
        };
    }

    // A figure found in another area or for another code than the median says so.
    private static void Elsewhere<TSteps>(WageFigure? figure, int index, WageFigure median, ref TSteps steps)
        where TSteps : struct, IStepSink
    {
        if (figure is not null && (figure.Area != median.Area || figure.Soc != median.Soc))
        {
            steps.Add(new WageStep(WageStepKind.FigureElsewhere, (byte)index, figure.Area, default, figure.Soc, 0, default, null));
        }
    }

    private static OewsValue Pick(OewsEstimate e, int figure) => figure switch
    {
        0 => e.AnnualMedian,
        1 => e.AnnualP10,
        2 => e.AnnualP90,
        3 => e.AnnualMean,
        4 => e.HourlyMedian,
        _ => e.Employment,
    };

    private static WageFigure? FindFigure<TSteps>(ref Search search, int figure, ref TSteps steps, bool record, out int at)
        where TSteps : struct, IStepSink
    {
        record &= steps.Records;
        var soc = search.Soc;
        var chain = search.Plan.Chain;
        for (var i = 0; i < chain.Length; i++)
        {
            var area = chain[i];
            var (row, codeId) = search.Row(i);
            if (row is null)
            {
                if (record)
                {
                    steps.Add(new WageStep(WageStepKind.NotPublished, (byte)figure, area, soc, default, 0, default, null));
                }

                continue;
            }

            var code = row.Soc;
            if (record && code != soc)
            {
                steps.Add(new WageStep(WageStepKind.BroadOnly, (byte)figure, area, soc, code, 0, default, null));
            }

            var value = Pick(row, figure);
            if (value.HasValue)
            {
                if (record)
                {
                    if (value.IsLowerBound)
                    {
                        steps.Add(new WageStep(WageStepKind.TopCoded, (byte)figure, area, soc, code, row.Year, value, null));
                    }

                    steps.Add(new WageStep(WageStepKind.Found, (byte)figure, area, soc, code, row.Year, value, null));
                }

                at = i;
                return new WageFigure(value, area, code, row.Year);
            }

            if (record)
            {
                steps.Add(new WageStep(WageStepKind.Suppressed, (byte)figure, area, soc, code, row.Year, value, null));
            }

            var index = search.Index;
            for (var p = index.ParentId(codeId); p >= 0; p = index.ParentId(p))
            {
                var e = index.Find(search.Plan.AreaIds[i], p, search.Year ?? row.Year);
                if (e is not null && Pick(e, figure) is { HasValue: true } pv)
                {
                    if (record)
                    {
                        steps.Add(new WageStep(WageStepKind.FoundInParent, (byte)figure, area, soc, e.Soc, e.Year, pv, null));
                    }

                    at = i;
                    return new WageFigure(pv, area, e.Soc, e.Year);
                }
            }
        }

        at = -1;
        return null;
    }

    private Plan PlanFor(WageLocation location)
    {
        if (location.County is { } county)
        {
            return _countyPlans.GetOrAdd(county, static (_, x) => x.Self.MakePlan(x.Location), (Self: this, Location: location));
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

        return location.State is { } state ? _statePlans.GetOrAdd(state, static (_, x) => x.Self.MakePlan(x.Location), (Self: this, Location: location))
            : _nationPlan ??= MakePlan(location);
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
            if (c is null)
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

    private readonly record struct AreaRow(OewsEstimate? Row, int CodeId);

    // The rows of one answer's chain of areas, each looked up when first needed.
    private ref struct Search(WageIndex index, Plan plan, SocCode soc, int socId, int? year, Span<AreaRow> rows)
    {
        private readonly Span<AreaRow> _rows = rows;
        private int _looked;

        public readonly WageIndex Index => index;

        public readonly Plan Plan => plan;

        public readonly SocCode Soc => soc;

        public readonly int? Year => year;

        public AreaRow Row(int i)
        {
            while (_looked <= i)
            {
                var areaId = plan.AreaIds[_looked];
                var row = index.Find(areaId, socId, year);
                var codeId = socId;
                if (row is null && soc.Level == SocLevel.Detailed && !index.IsDetailed(socId))
                {
                    // OEWS publishes some detailed occupations only as their broad group.
                    codeId = index.SocId(soc.Broad);
                    row = index.Find(areaId, codeId, year);
                }

                _rows[_looked++] = new AreaRow(row, codeId);
            }

            return _rows[i];
        }
    }

    // Rows of an area chain (at most a few areas) kept on the stack.
    [System.Runtime.CompilerServices.InlineArray(Capacity)]
    private struct AreaRows
    {
        public const int Capacity = 8;
        private AreaRow _first;
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

    // Steps recorded on the stack, copied to one array for the answer.
    private struct StepRecorder : IStepSink
    {
        public readonly bool Records => true;

        private StepBuffer _buffer;
        private int _count;
        private List<WageStep>? _more;

        public void Add(in WageStep step)
        {
            if (_count < StepBuffer.Capacity)
            {
                _buffer[_count++] = step;
            }
            else
            {
                (_more ??= []).Add(step);
            }
        }

        public readonly WageStep[] ToArray()
        {
            var all = new WageStep[_count + (_more?.Count ?? 0)];
            ((ReadOnlySpan<WageStep>)_buffer)[.._count].CopyTo(all);
            _more?.CopyTo(all, _count);
            return all;
        }
    }

    [System.Runtime.CompilerServices.InlineArray(Capacity)]
    private struct StepBuffer
    {
        public const int Capacity = 8;
        private WageStep _first;
    }
}
