using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text.Json;
using LaborMarket.Http;
using LaborMarket.Onet.Caching;
using Microsoft.Extensions.Caching.Hybrid;

namespace LaborMarket.Onet.WebServices;

/// <summary>
/// Typed access to O*NET Web Services v2 (<c>X-API-Key</c>, JSON): keyword search, overview, tasks, technology
/// skills, tools, skills, knowledge, abilities, education, job zone, related occupations and job outlook. Paged
/// endpoints are <see cref="IAsyncEnumerable{T}"/>; an unknown code gives null or nothing, never an exception.
/// Errors are <see cref="LaborMarketApiException"/>; the key never appears in one.
/// Register it with <c>services.AddOnetClient(...)</c>, which adds retries, pacing and caching.
/// </summary>
public class OnetClient : IOccupationContentSource
{
    private readonly CachedApi _api = null!;
    private readonly int _pageSize;

    /// <summary>For mocking.</summary>
    protected OnetClient()
    {
    }

    /// <summary>Creates a client over an <see cref="HttpClient"/> (from IHttpClientFactory, or one you own).</summary>
    /// <param name="httpClient">The HTTP client; its base address and key header are set from <paramref name="options"/> when missing.</param>
    /// <param name="options">The options; <see cref="OnetClientOptions.ApiKey"/> is required.</param>
    /// <param name="cache">The response cache (<c>services.AddHybridCache()</c>), or null for none.</param>
    /// <param name="timeProvider">The clock that reads Retry-After dates; default the system clock.</param>
    public OnetClient(HttpClient httpClient, OnetClientOptions options, HybridCache? cache = null, TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(httpClient);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentException.ThrowIfNullOrWhiteSpace(options.ApiKey, "options.ApiKey");
        httpClient.BaseAddress ??= options.BaseAddress;
        if (!httpClient.DefaultRequestHeaders.Contains(KeyHeader))
        {
            httpClient.DefaultRequestHeaders.Add(KeyHeader, options.ApiKey);
            httpClient.DefaultRequestHeaders.Accept.ParseAdd("application/json");
        }

        _pageSize = Math.Clamp(options.PageSize, 1, 2000);
        _api = new CachedApi(httpClient, cache, Endpoint(options, timeProvider), $"onet/v{options.CacheVersion}/", options.CacheDuration);
    }

    /// <inheritdoc />
    public string Name => ServiceName;

    /// <summary>The service's name, credentials, clock and size cap, for the shared response handling.</summary>
    internal static ApiEndpoint Endpoint(OnetClientOptions options, TimeProvider? timeProvider) =>
        new(ServiceName, [options.ApiKey], timeProvider, options.Resilience?.MaxResponseBytes ?? ApiResilienceOptions.DefaultMaxResponseBytes);

    private const string ServiceName = "O*NET Web Services";

    /// <summary>Occupations matching a keyword (or a code), most relevant first, paging through every result.</summary>
    /// <param name="keyword">Words or a code, such as "registered nurse" or "15-1252".</param>
    /// <param name="cancellationToken">Cancels the search.</param>
    public virtual IAsyncEnumerable<OccupationSearchResult> SearchAsync(string keyword, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(keyword);
        return PageAsync("online/search", "keyword=" + Uri.EscapeDataString(keyword.Trim()), "occupation", SearchResult, cancellationToken);
    }

    /// <summary>The overview of an occupation, or null when the code is unknown.</summary>
    /// <param name="code">The O*NET-SOC code.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    public virtual async Task<OccupationOverview?> GetOverviewAsync(OnetSocCode code, CancellationToken cancellationToken = default)
    {
        using var doc = await _api.GetAsync($"online/occupations/{code}/", cancellationToken).ConfigureAwait(false);
        if (doc is null || doc.RootElement.String("title") is not { } title)
        {
            return null;
        }

        var root = doc.RootElement;
        var samples = root.Get("sample_of_reported_titles") is { } s
            ? Json.Items(s.Get("title") ?? s).Select(Json.Text).OfType<string>().ToArray()
            : [];
        return new OccupationOverview(code, title, root.String("description") ?? "", BrightTag(root), samples);
    }

    /// <summary>The occupation's task statements, core first as the service orders them.</summary>
    /// <param name="code">The O*NET-SOC code.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    public virtual IAsyncEnumerable<OccupationTask> GetTasksAsync(OnetSocCode code, CancellationToken cancellationToken = default) =>
        PageAsync($"online/occupations/{code}/details/tasks", null, "task", static t =>
            t.String("title", "statement") is { } statement
                ? new OccupationTask((int)(t.Number("id") ?? 0), statement, !string.Equals(t.String("category"), "Supplemental", StringComparison.OrdinalIgnoreCase))
                : null, cancellationToken);

    /// <summary>Technology skills (software) with the hot-technology flag, by category.</summary>
    /// <param name="code">The O*NET-SOC code.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    public virtual IAsyncEnumerable<TechnologySkill> GetTechnologySkillsAsync(OnetSocCode code, CancellationToken cancellationToken = default) =>
        CategoriesAsync($"online/occupations/{code}/details/technology_skills", static (category, e) =>
            new TechnologySkill(e.String("title") ?? "", category, e.Flag("hot_technology")), cancellationToken);

    /// <summary>Tools used, by category.</summary>
    /// <param name="code">The O*NET-SOC code.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    public virtual IAsyncEnumerable<OccupationTool> GetToolsAsync(OnetSocCode code, CancellationToken cancellationToken = default) =>
        CategoriesAsync($"online/occupations/{code}/details/tools_used", static (category, e) =>
            new OccupationTool(e.String("title") ?? "", category), cancellationToken);

    /// <summary>Skills with importance (and level when sent), most important first.</summary>
    /// <param name="code">The O*NET-SOC code.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    public virtual IAsyncEnumerable<ElementRating> GetSkillsAsync(OnetSocCode code, CancellationToken cancellationToken = default) =>
        PageAsync($"online/occupations/{code}/details/skills", null, "element", Rating, cancellationToken);

    /// <summary>Knowledge areas with importance and level.</summary>
    /// <param name="code">The O*NET-SOC code.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    public virtual IAsyncEnumerable<ElementRating> GetKnowledgeAsync(OnetSocCode code, CancellationToken cancellationToken = default) =>
        PageAsync($"online/occupations/{code}/details/knowledge", null, "element", Rating, cancellationToken);

    /// <summary>Abilities with importance and level.</summary>
    /// <param name="code">The O*NET-SOC code.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    public virtual IAsyncEnumerable<ElementRating> GetAbilitiesAsync(OnetSocCode code, CancellationToken cancellationToken = default) =>
        PageAsync($"online/occupations/{code}/details/abilities", null, "element", Rating, cancellationToken);

    /// <summary>Required education: the share of respondents per level.</summary>
    /// <param name="code">The O*NET-SOC code.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    public virtual async Task<IReadOnlyList<EducationLevel>> GetEducationAsync(OnetSocCode code, CancellationToken cancellationToken = default)
    {
        var levels = new List<EducationLevel>();
        await foreach (var level in PageAsync($"online/occupations/{code}/details/education", null, "response", static e =>
            e.String("title") is { } title ? new EducationLevel((int)(e.Number("code") ?? 0), title, e.Number("percentage_of_respondents") ?? 0) : null, cancellationToken).ConfigureAwait(false))
        {
            levels.Add(level);
        }

        return levels;
    }

    /// <summary>The job zone (1-5), or null.</summary>
    /// <param name="code">The O*NET-SOC code.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    public virtual async Task<int?> GetJobZoneAsync(OnetSocCode code, CancellationToken cancellationToken = default)
    {
        using var doc = await _api.GetAsync($"online/occupations/{code}/details/job_zone", cancellationToken).ConfigureAwait(false);
        return doc?.RootElement.Number("code") is { } zone and >= 1 and <= 5 ? (int)zone : null;
    }

    /// <summary>Related occupations, most related first.</summary>
    /// <param name="code">The O*NET-SOC code.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    public virtual IAsyncEnumerable<RelatedOccupation> GetRelatedOccupationsAsync(OnetSocCode code, CancellationToken cancellationToken = default) =>
        PageAsync($"online/occupations/{code}/details/related_occupations", null, "occupation", static o =>
            OnetSocCode.TryParse(o.String("code"), out var related) ? new RelatedOccupation(related, o.String("title") ?? "", o.String("tier") ?? "") : null, cancellationToken);

    /// <summary>The job outlook and Bright Outlook reasons, or null.</summary>
    /// <param name="code">The O*NET-SOC code.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    public virtual async Task<JobOutlook?> GetOutlookAsync(OnetSocCode code, CancellationToken cancellationToken = default)
    {
        using var doc = await _api.GetAsync($"mnm/careers/{code}/job_outlook", cancellationToken).ConfigureAwait(false);
        if (doc is null)
        {
            return null;
        }

        var root = doc.RootElement;
        var outlook = root.Get("outlook");
        var bright = root.Get("bright_outlook");
        var reasons = bright is { } b ? Json.Items(b.Get("category") ?? b).Select(r => r.ValueKind == JsonValueKind.Object ? r.String("category") : Json.Text(r)).OfType<string>().ToArray() : [];
        var category = outlook?.String("category");
        return new JobOutlook(category, outlook?.String("description"), reasons.Length > 0 || string.Equals(category, "Bright", StringComparison.OrdinalIgnoreCase), reasons);
    }

    /// <summary>Everything about an occupation in one profile (one request per section, paced by the client's limiter), or null when the code is unknown.</summary>
    /// <param name="code">The O*NET-SOC code.</param>
    /// <param name="cancellationToken">Cancels the requests.</param>
    public virtual async Task<OccupationProfile?> GetProfileAsync(OnetSocCode code, CancellationToken cancellationToken = default)
    {
        var overview = await GetOverviewAsync(code, cancellationToken).ConfigureAwait(false);
        if (overview is null)
        {
            return null;
        }

        var tasks = ListAsync(GetTasksAsync(code, cancellationToken));
        var technology = ListAsync(GetTechnologySkillsAsync(code, cancellationToken));
        var tools = ListAsync(GetToolsAsync(code, cancellationToken));
        var skills = ListAsync(GetSkillsAsync(code, cancellationToken));
        var knowledge = ListAsync(GetKnowledgeAsync(code, cancellationToken));
        var abilities = ListAsync(GetAbilitiesAsync(code, cancellationToken));
        var education = GetEducationAsync(code, cancellationToken);
        var zone = GetJobZoneAsync(code, cancellationToken);
        var related = ListAsync(GetRelatedOccupationsAsync(code, cancellationToken));
        var outlook = GetOutlookAsync(code, cancellationToken);
        await Task.WhenAll(tasks, technology, tools, skills, knowledge, abilities, education, zone, related, outlook).ConfigureAwait(false);

        return new OccupationProfile
        {
            Code = code,
            Title = overview.Title,
            Description = overview.Description,
            Tasks = (await tasks.ConfigureAwait(false)).OrderByDescending(t => t.IsCore).ToArray(),
            TechnologySkills = (await technology.ConfigureAwait(false)).OrderByDescending(t => t.IsHotTechnology).ToArray(),
            Tools = await tools.ConfigureAwait(false),
            Skills = await skills.ConfigureAwait(false),
            Knowledge = await knowledge.ConfigureAwait(false),
            Abilities = await abilities.ConfigureAwait(false),
            Education = await education.ConfigureAwait(false),
            JobZone = await zone.ConfigureAwait(false),
            Related = await related.ConfigureAwait(false),
            AlternateTitles = overview.SampleTitles,
            Outlook = await outlook.ConfigureAwait(false) ?? (overview.IsBrightOutlook ? new JobOutlook("Bright", null, true, []) : null),
            Source = Name,
        };
    }

    private static async Task<IReadOnlyList<T>> ListAsync<T>(IAsyncEnumerable<T> items)
    {
        var list = new List<T>();
        await foreach (var item in items.ConfigureAwait(false))
        {
            list.Add(item);
        }

        return list;
    }

    /// <summary>
    /// Pages with start/end until <c>total</c> is reached. A page that comes back empty before the total is skipped,
    /// not taken as the end, so one bad page neither ends the listing early nor loops forever.
    /// </summary>
    private async IAsyncEnumerable<T> PageAsync<T>(string path, string? query, string arrayName, Func<JsonElement, T?> map, [EnumeratorCancellation] CancellationToken cancellationToken)
        where T : class
    {
        for (var start = 1; ; start += _pageSize)
        {
            var end = start + _pageSize - 1;
            var uri = string.Create(CultureInfo.InvariantCulture, $"{path}?{(query is null ? "" : query + "&")}start={start}&end={end}");
            using var doc = await _api.GetAsync(uri, cancellationToken).ConfigureAwait(false);
            if (doc is null)
            {
                yield break;
            }

            var root = doc.RootElement;
            var count = 0;
            foreach (var item in root.Items(arrayName))
            {
                count++;
                if (map(item) is { } mapped)
                {
                    yield return mapped;
                }
            }

            var total = root.Number("total");
            if (total is { } t ? end >= t : count < _pageSize)
            {
                yield break;
            }
        }
    }

    private async IAsyncEnumerable<T> CategoriesAsync<T>(string path, Func<string, JsonElement, T> map, [EnumeratorCancellation] CancellationToken cancellationToken)
        where T : class
    {
        await foreach (var category in PageAsync(path, null, "category", static c => new Box(c.Clone()), cancellationToken).ConfigureAwait(false))
        {
            var title = category.Element.String("title") ?? "";
            foreach (var example in category.Element.Items("example").Concat(category.Element.Items("example_more")))
            {
                yield return map(title, example);
            }
        }
    }

    private sealed record Box(JsonElement Element);

    private static OccupationSearchResult? SearchResult(JsonElement o) =>
        OnetSocCode.TryParse(o.String("code"), out var code) ? new OccupationSearchResult(code, o.String("title") ?? "", BrightTag(o)) : null;

    private static bool BrightTag(JsonElement o) => o.Get("tags") is { } tags && tags.Flag("bright_outlook");

    /// <summary>An element; v2 sends importance as 0-100, older shapes a "scale" list of IM (1-5) and LV (0-7).</summary>
    private static ElementRating? Rating(JsonElement e)
    {
        if (e.String("name") is not { } name)
        {
            return null;
        }

        double? importance = e.Number("importance"), level = e.Number("level");
        foreach (var scale in e.Items("scale"))
        {
            switch (scale.String("id"), scale.Number("value"))
            {
                case ("IM", { } v):
                    importance ??= Math.Round((v - 1) / 4 * 100, 1);
                    break;
                case ("LV", { } v):
                    level ??= Math.Round(v / 7 * 100, 1);
                    break;
            }
        }

        return new ElementRating(e.String("id") ?? "", name, importance, level);
    }

    private const string KeyHeader = "X-API-Key";
}
