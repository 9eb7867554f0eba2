using System.Globalization;
using System.Net.Http.Headers;
using System.Runtime.CompilerServices;
using System.Text.Json;
using LaborMarket.Onet.Caching;
using LaborMarket.Onet.WebServices;

namespace LaborMarket.Onet.CareerOneStop;

/// <summary>
/// Typed access to the CareerOneStop Web API (<c>Authorization: Bearer</c>, user id in the path): occupation details
/// for a keyword or code and a location (wages, tasks, tools and technology, education, projections, Bright
/// Outlook), wages alone, and keyword search. Smooths the service's quirks: numbers sent as text with commas,
/// <c>OccupationDetail</c> as an array on one endpoint and an object on another, hourly and annual rows in either
/// order. Errors are <see cref="LaborMarketApiException"/>, with the user id and token cut out.
/// </summary>
public class CareerOneStopClient : IOccupationContentSource
{
    private readonly CachedApi _api = null!;
    private readonly string _userId = null!;
    private readonly int _pageSize;

    /// <summary>For mocking.</summary>
    protected CareerOneStopClient()
    {
    }

    /// <summary>Creates a client over an <see cref="HttpClient"/>.</summary>
    /// <param name="httpClient">The HTTP client; its base address and bearer token are set from <paramref name="options"/> when missing.</param>
    /// <param name="options">The options; the user id and token are required.</param>
    /// <param name="cache">The response cache, or null for none.</param>
    public CareerOneStopClient(HttpClient httpClient, CareerOneStopClientOptions options, IApiResponseCache? cache = null)
    {
        ArgumentNullException.ThrowIfNull(httpClient);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentException.ThrowIfNullOrWhiteSpace(options.UserId, "options.UserId");
        ArgumentException.ThrowIfNullOrWhiteSpace(options.ApiToken, "options.ApiToken");
        httpClient.BaseAddress ??= options.BaseAddress;
        httpClient.DefaultRequestHeaders.Authorization ??= new AuthenticationHeaderValue("Bearer", options.ApiToken);
        if (httpClient.DefaultRequestHeaders.Accept.Count == 0)
        {
            httpClient.DefaultRequestHeaders.Accept.ParseAdd("application/json");
        }

        _userId = options.UserId;
        _pageSize = Math.Clamp(options.PageSize, 1, 500);
        _api = new CachedApi(httpClient, cache, "CareerOneStop", $"careeronestop/v{options.CacheVersion}/", options.CacheDuration, [options.UserId, options.ApiToken]);
    }

    /// <inheritdoc />
    public string Name => "CareerOneStop";

    /// <summary>Occupations matching a keyword, paging through every result.</summary>
    /// <param name="keyword">Words or a code.</param>
    /// <param name="cancellationToken">Cancels the search.</param>
    public virtual IAsyncEnumerable<OccupationSearchResult> SearchAsync(string keyword, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(keyword);
        return SearchCoreAsync(keyword.Trim(), cancellationToken);
    }

    /// <summary>The occupation's details in a location, or null when nothing matches.</summary>
    /// <param name="keywordOrCode">A keyword, or a SOC / O*NET-SOC code.</param>
    /// <param name="location">A state ("FL"), city and state, ZIP code, or "US" (the default).</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    public virtual async Task<CareerOneStopOccupation?> GetOccupationAsync(string keywordOrCode, string location = "US", CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(keywordOrCode);
        ArgumentException.ThrowIfNullOrWhiteSpace(location);
        var uri = $"v1/occupation/{Segment(_userId)}/{Segment(keywordOrCode)}/{Segment(location)}?{DetailQuery}";
        using var doc = await _api.GetAsync(uri, cancellationToken).ConfigureAwait(false);
        if (doc is null || doc.RootElement.Items("OccupationDetail").FirstOrDefault() is not { ValueKind: JsonValueKind.Object } detail)
        {
            return null;
        }

        return Occupation(detail, Name);
    }

    /// <summary>Wages for an occupation in a location, or null when nothing matches.</summary>
    /// <param name="keywordOrCode">A keyword or code.</param>
    /// <param name="location">A state, city and state, ZIP code, or "US".</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    public virtual async Task<OccupationWages?> GetWagesAsync(string keywordOrCode, string location = "US", CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(keywordOrCode);
        ArgumentException.ThrowIfNullOrWhiteSpace(location);
        var uri = $"v1/comparesalaries/{Segment(_userId)}/wage?keyword={Uri.EscapeDataString(keywordOrCode)}&location={Uri.EscapeDataString(location)}&enableMetaData=false";
        using var doc = await _api.GetAsync(uri, cancellationToken).ConfigureAwait(false);
        return doc?.RootElement.Items("OccupationDetail").FirstOrDefault() is { ValueKind: JsonValueKind.Object } detail && detail.Get("Wages") is { } wages
            ? Wages(wages)
            : null;
    }

    /// <inheritdoc />
    public virtual async Task<OccupationProfile?> GetProfileAsync(OnetSocCode code, CancellationToken cancellationToken = default) =>
        (await GetOccupationAsync(code.ToString(), "US", cancellationToken).ConfigureAwait(false))?.Profile;

    private async IAsyncEnumerable<OccupationSearchResult> SearchCoreAsync(string keyword, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        for (var start = 0; ; start += _pageSize)
        {
            var uri = string.Create(CultureInfo.InvariantCulture, $"v1/occupation/{Segment(_userId)}/{Segment(keyword)}/N/{start}/{_pageSize}");
            using var doc = await _api.GetAsync(uri, cancellationToken).ConfigureAwait(false);
            if (doc is null)
            {
                yield break;
            }

            var count = 0;
            foreach (var o in doc.RootElement.Items("OccupationList"))
            {
                count++;
                if (OnetSocCode.TryParse(o.String("OnetCode"), out var code))
                {
                    yield return new OccupationSearchResult(code, o.String("OnetTitle") ?? "", o.Flag("BrightOutlook"));
                }
            }

            var total = doc.RootElement.Number("RecordCount");
            if (total is { } t ? start + _pageSize >= t : count < _pageSize)
            {
                yield break;
            }
        }
    }

    private static string Segment(string value) => Uri.EscapeDataString(value.Trim());

    internal static CareerOneStopOccupation? Occupation(JsonElement d, string source)
    {
        if (!OnetSocCode.TryParse(d.String("OnetCode"), out var code))
        {
            return null;
        }

        var bright = d.String("BrightOutlook");
        var outlook = bright is null ? null : new JobOutlook(
            bright.Equals("Bright", StringComparison.OrdinalIgnoreCase) ? "Bright" : null,
            d.String("BrightOutlookCategory"),
            bright.Equals("Bright", StringComparison.OrdinalIgnoreCase) || d.Flag("BrightOutlook"),
            d.String("BrightOutlookCategory") is { Length: > 0 } reason ? [reason] : []);

        var tools = new List<OccupationTool>();
        var technology = new List<TechnologySkill>();
        if (d.Get("ToolsAndTechnology") is { } tt)
        {
            foreach (var (category, example, _) in Examples(tt.Get("ToolsList", "Tools")))
            {
                tools.Add(new OccupationTool(example, category));
            }

            foreach (var (category, example, hot) in Examples(tt.Get("TechnologyList", "Technology")))
            {
                technology.Add(new TechnologySkill(example, category, hot));
            }
        }

        var profile = new OccupationProfile
        {
            Code = code,
            Title = d.String("OnetTitle") ?? "",
            Description = d.String("OnetDescription") ?? "",
            Tasks = d.Items("Tasks").Select(t => t.String("TaskDescription") is { } s
                ? new OccupationTask((int)(t.Number("TaskId") ?? 0), s, true) : null).OfType<OccupationTask>().ToArray(),
            Tools = tools,
            TechnologySkills = technology.OrderByDescending(t => t.IsHotTechnology).ToArray(),
            Education = d.Get("EducationTraining") is { } edu
                ? edu.Items("EducationType").Select((e, i) => e.String("EducationLevel") is { } level
                    ? new EducationLevel(i + 1, level, e.Number("Value") ?? e.Number("Percentage") ?? 0) : null).OfType<EducationLevel>().ToArray()
                : [],
            AlternateTitles = d.Items("AlternateTitles").Select(Json.Text).OfType<string>().ToArray(),
            Outlook = outlook,
            Source = source,
        };

        var projections = d.Get("Projections") is { } p
            ? p.Items("Projections").Select(x => new EmploymentProjection(
                x.String("StateName") ?? "",
                (int?)(p.Number("EstimatedYear") ?? x.Number("EstimatedYear")),
                (int?)(p.Number("ProjectedYear") ?? x.Number("ProjectedYear")),
                (long?)x.Number("EstimatedEmployment"),
                (long?)x.Number("ProjectedEmployment"),
                x.Number("PerCentChange") ?? x.Number("PercentChange"),
                (long?)x.Number("ProjectedAnnualJobOpening"))).ToArray()
            : [];

        return new CareerOneStopOccupation(profile, d.Get("Wages") is { } w ? Wages(w) : null, projections);
    }

    /// <summary>Categories with examples; the service sends examples as strings or as objects, under a few names.</summary>
    private static IEnumerable<(string Category, string Example, bool Hot)> Examples(JsonElement? list)
    {
        if (list is not { } l)
        {
            yield break;
        }

        foreach (var category in Json.Items(l))
        {
            var title = category.String("CategoryName", "Title") ?? category.String("ToolName", "Name") ?? "";
            var examples = category.Get("Examples", "Example");
            if (examples is null)
            {
                yield return (title, title, category.Flag("HotTechnology"));
                continue;
            }

            foreach (var e in Json.Items(examples.Value))
            {
                if ((e.ValueKind == JsonValueKind.Object ? e.String("Name", "Title") : Json.Text(e)) is { Length: > 0 } name)
                {
                    yield return (title, name, e.ValueKind == JsonValueKind.Object && (e.Flag("HotTechnology") || e.Flag("Hot")));
                }
            }
        }
    }

    internal static OccupationWages Wages(JsonElement w) => new(
        (int?)w.Number("WageYear"),
        Areas(w.Get("NationalWagesList")),
        Areas(w.Get("StateWagesList")),
        Areas(w.Get("BLSAreaWagesList")));

    /// <summary>Groups rows by area and tells annual from hourly by RateType, whatever their order.</summary>
    private static AreaWages[] Areas(JsonElement? list)
    {
        if (list is not { } l)
        {
            return [];
        }

        var areas = new List<AreaWages>();
        foreach (var row in Json.Items(l))
        {
            var name = row.String("AreaName") ?? "";
            var areaCode = row.String("Area");
            var percentiles = new WagePercentiles(Money(row, "Pct10"), Money(row, "Pct25"), Money(row, "Median"), Money(row, "Pct75"), Money(row, "Pct90"));
            var rate = row.String("RateType");
            var index = areas.FindIndex(a => a.AreaName == name && a.AreaCode == areaCode);
            var area = index >= 0 ? areas[index] : new AreaWages(name, areaCode, null, null);
            area = rate?.StartsWith("Hour", StringComparison.OrdinalIgnoreCase) == true ? area with { Hourly = percentiles }
                : rate?.StartsWith("Annual", StringComparison.OrdinalIgnoreCase) == true ? area with { Annual = percentiles }
                : area;
            if (index >= 0)
            {
                areas[index] = area;
            }
            else
            {
                areas.Add(area);
            }
        }

        return areas.ToArray();
    }

    private static decimal? Money(JsonElement row, string name) => row.Number(name) is { } v and > -1e15 and < 1e15 ? Math.Round((decimal)v, 2) : null;

    private const string DetailQuery =
        "training=true&interest=false&videos=false&tasks=true&dwas=false&wages=true&alternateOnetTitles=true&projectedEmployment=true"
        + "&ooh=false&stateLMILinks=false&relatedOnetTitles=false&skills=false&knowledge=false&ability=false&trainingPrograms=false"
        + "&industryEmploymentProjections=false&toolsAndTechnology=true&workValues=false&enableMetaData=false";
}
