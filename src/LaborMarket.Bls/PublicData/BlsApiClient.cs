using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using LaborMarket.Http;

namespace LaborMarket.Bls.PublicData;

/// <summary>
/// The BLS Public Data API v2 (time series). Splits a request past the per-query limits (50 series and 20 years
/// with a key, 25 and 10 without) into as many queries as needed and merges them; treats
/// <c>REQUEST_NOT_PROCESSED</c> in a 200 body as an error (a quota message as
/// <see cref="LaborMarketRateLimitException"/>); keeps count of the day's queries and refuses, before asking,
/// a query past the daily limit.
/// </summary>
public class BlsApiClient
{
    private readonly HttpClient _http = null!;
    private readonly string? _key;
    private readonly int _maxSeries;
    private readonly int _maxYears;
    private readonly DailyQueryQuota _quota = null!;
    private readonly ApiEndpoint _endpoint = null!;

    /// <summary>For mocking.</summary>
    protected BlsApiClient()
    {
    }

    /// <summary>Creates a client over an <see cref="HttpClient"/>.</summary>
    /// <param name="httpClient">The HTTP client; its base address is set from <paramref name="options"/> when missing.</param>
    /// <param name="options">The options.</param>
    /// <param name="timeProvider">The clock the daily count follows (the day turns at midnight US Eastern, as the service's does); default the system clock.</param>
    public BlsApiClient(HttpClient httpClient, BlsApiClientOptions options, TimeProvider? timeProvider = null)
        : this(httpClient, options, timeProvider, null)
    {
    }

    /// <summary>A client that shares the day's count with the other clients of the container (one count per app).</summary>
    internal BlsApiClient(HttpClient httpClient, BlsApiClientOptions options, TimeProvider? timeProvider, DailyQueryQuota? quota)
    {
        ArgumentNullException.ThrowIfNull(httpClient);
        ArgumentNullException.ThrowIfNull(options);
        httpClient.BaseAddress ??= options.BaseAddress;
        _http = httpClient;
        _key = string.IsNullOrWhiteSpace(options.RegistrationKey) ? null : options.RegistrationKey.Trim();
        (_maxSeries, _maxYears) = _key is null ? (25, 10) : (50, 20);
        _quota = quota ?? new DailyQueryQuota(options, timeProvider);
        _endpoint = Endpoint(options, timeProvider);
    }

    /// <summary>The service's name, key, clock and size cap, for the shared response handling.</summary>
    internal static ApiEndpoint Endpoint(BlsApiClientOptions options, TimeProvider? timeProvider) =>
        new(Service, [options.RegistrationKey], timeProvider, options.Resilience?.MaxResponseBytes ?? ApiResilienceOptions.DefaultMaxResponseBytes);

    /// <summary>Series per query the service allows with this client's key.</summary>
    public int MaxSeriesPerQuery => _maxSeries;

    /// <summary>Years per query the service allows with this client's key.</summary>
    public int MaxYearsPerQuery => _maxYears;

    /// <summary>Queries sent today (US Eastern day).</summary>
    public int QueriesToday => _quota.QueriesToday;

    /// <summary>Queries left today before the daily limit.</summary>
    public int RemainingQueriesToday => _quota.Remaining;

    /// <summary>Queries a request for these series and years takes (what it costs of the daily quota).</summary>
    /// <param name="seriesCount">How many series.</param>
    /// <param name="startYear">First year.</param>
    /// <param name="endYear">Last year.</param>
    public int QueriesNeeded(int seriesCount, int startYear, int endYear) =>
        seriesCount <= 0 || endYear < startYear ? 0 : ((seriesCount + _maxSeries - 1) / _maxSeries) * ((endYear - startYear + _maxYears) / _maxYears);

    /// <summary>The observations of each series from <paramref name="startYear"/> to <paramref name="endYear"/>, in the order asked.</summary>
    /// <param name="seriesIds">Series ids (duplicates are asked for once).</param>
    /// <param name="startYear">First year.</param>
    /// <param name="endYear">Last year.</param>
    /// <param name="cancellationToken">Cancels the queries.</param>
    /// <exception cref="LaborMarketRateLimitException">The daily quota is (or would be) used up; no query is sent past it.</exception>
    /// <exception cref="LaborMarketApiException">The service refused a query.</exception>
    public virtual async Task<IReadOnlyList<BlsSeries>> GetSeriesAsync(IEnumerable<string> seriesIds, int startYear, int endYear, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(seriesIds);
        var ids = seriesIds.Select(s => s?.Trim().ToUpperInvariant() ?? "").Distinct(StringComparer.Ordinal).ToArray();
        if (Array.Exists(ids, id => id.Length == 0 || id.Length > 40 || !id.All(char.IsAsciiLetterOrDigit)))
        {
            throw new ArgumentException("Series ids are letters and digits, such as \"LNS14000000\".", nameof(seriesIds));
        }

        if (startYear < 1900 || endYear < startYear)
        {
            throw new ArgumentOutOfRangeException(nameof(endYear), $"Years must run forward from 1900 or later ({startYear}-{endYear}).");
        }

        var observations = ids.ToDictionary(id => id, _ => new List<BlsObservation>(), StringComparer.Ordinal);
        var messages = ids.ToDictionary(id => id, _ => new List<string>(), StringComparer.Ordinal);
        foreach (var chunk in ids.Chunk(_maxSeries))
        {
            for (var from = startYear; from <= endYear; from += _maxYears)
            {
                var to = Math.Min(endYear, from + _maxYears - 1);
                await QueryAsync(chunk, from, to, observations, messages, cancellationToken).ConfigureAwait(false);
            }
        }

        return ids.Select(id => new BlsSeries(
            id,
            observations[id].OrderBy(o => o.Year).ThenBy(o => o.Period, StringComparer.Ordinal).ToArray(),
            messages[id].Distinct(StringComparer.Ordinal).ToArray())).ToArray();
    }

    private async Task QueryAsync(string[] ids, int from, int to, Dictionary<string, List<BlsObservation>> observations,
        Dictionary<string, List<string>> messages, CancellationToken cancellationToken)
    {
        _quota.Take();
        using var body = new MemoryStream();
        using (var json = new Utf8JsonWriter(body))
        {
            json.WriteStartObject();
            json.WriteStartArray("seriesid");
            foreach (var id in ids)
            {
                json.WriteStringValue(id);
            }

            json.WriteEndArray();
            json.WriteString("startyear", from.ToString(CultureInfo.InvariantCulture));
            json.WriteString("endyear", to.ToString(CultureInfo.InvariantCulture));
            if (_key is not null)
            {
                json.WriteString("registrationkey", _key);
            }

            json.WriteEndObject();
        }

        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(_http.BaseAddress!, "timeseries/data/"))
        {
            Content = new ByteArrayContent(body.ToArray()),
        };
        request.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        var uri = request.RequestUri!;
        var text = await ApiResponses.SendAsync(_http, request, _endpoint, notFoundIsNull: false, cancellationToken).ConfigureAwait(false);
        using var document = ApiResponses.Parse(text!, _endpoint, uri);
        var root = document.RootElement;
        if (root.ValueKind != JsonValueKind.Object)
        {
            throw ApiResponses.Error(_endpoint, "sent JSON that is not an object", HttpStatusCode.OK, uri, text);
        }

        var status = root.TryGetProperty("status", out var s) && s.ValueKind == JsonValueKind.String ? s.GetString() : null;
        var notes = root.TryGetProperty("message", out var m) && m.ValueKind == JsonValueKind.Array
            ? m.EnumerateArray().Where(x => x.ValueKind == JsonValueKind.String).Select(x => x.GetString()).OfType<string>().Where(x => x.Length > 0).ToArray()
            : [];

        if (status != "REQUEST_SUCCEEDED")
        {
            // The service quotes a bad key back in its message: Error cuts it out of the message and the body.
            var said = notes.Length > 0 ? string.Join(" ", notes) : status ?? "no status";
            if (notes.Any(n => n.Contains("threshold", StringComparison.OrdinalIgnoreCase) || n.Contains("limit", StringComparison.OrdinalIgnoreCase)))
            {
                throw ApiResponses.Error(_endpoint, $"refused the query for quota: {said}", HttpStatusCode.OK, uri, text, rateLimited: true);
            }

            if (notes.Any(n => n.Contains("key", StringComparison.OrdinalIgnoreCase)))
            {
                throw ApiResponses.Error(_endpoint, $"rejected the registration key: {said}", HttpStatusCode.OK, uri, text);
            }

            throw ApiResponses.Error(_endpoint, $"did not process the query ({status}): {said}", HttpStatusCode.OK, uri, text);
        }

        foreach (var note in notes)
        {
            // Per-series notes name the series ("Series does not exist for Series CUUR0000XXXX").
            foreach (var id in ids.Where(id => note.Contains(id, StringComparison.OrdinalIgnoreCase)))
            {
                messages[id].Add(note);
            }
        }

        if (!root.TryGetProperty("Results", out var results) || results.ValueKind != JsonValueKind.Object
            || !results.TryGetProperty("series", out var series) || series.ValueKind != JsonValueKind.Array)
        {
            return;
        }

        foreach (var one in series.EnumerateArray())
        {
            var id = one.ValueKind == JsonValueKind.Object && one.TryGetProperty("seriesID", out var sid) && sid.ValueKind == JsonValueKind.String
                ? sid.GetString()?.ToUpperInvariant()
                : null;
            if (id is null || !observations.TryGetValue(id, out var list) || !one.TryGetProperty("data", out var data) || data.ValueKind != JsonValueKind.Array)
            {
                continue;
            }

            foreach (var d in data.EnumerateArray())
            {
                if (Observation(d) is { } o)
                {
                    list.Add(o);
                }
            }
        }
    }

    private static BlsObservation? Observation(JsonElement d)
    {
        if (d.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        string? Text(string name) => d.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
        if (!int.TryParse(Text("year"), NumberStyles.None, CultureInfo.InvariantCulture, out var year) || Text("period") is not { } period)
        {
            return null;
        }

        double? value = double.TryParse(Text("value"), NumberStyles.Float, CultureInfo.InvariantCulture, out var v) && double.IsFinite(v) ? v : null;
        var footnotes = d.TryGetProperty("footnotes", out var f) && f.ValueKind == JsonValueKind.Array
            ? f.EnumerateArray().Select(x => x.ValueKind == JsonValueKind.Object && x.TryGetProperty("text", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString() : null).OfType<string>().ToArray()
            : [];
        return new BlsObservation(year, period, Text("periodName") ?? "", value, Text("latest") == "true", footnotes);
    }

    internal const string Service = "BLS Public Data API";
}
