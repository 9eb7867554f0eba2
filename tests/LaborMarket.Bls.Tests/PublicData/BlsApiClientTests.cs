using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using LaborMarket.Bls.PublicData;
using LaborMarket.Http;

namespace LaborMarket.Bls.Tests.PublicData;

public class BlsApiClientTests
{
    private const string Key = "bls-key-0a1b";

    private sealed class FakeTime(DateTimeOffset now) : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = now;

        public override DateTimeOffset GetUtcNow() => Now;
    }

    private static BlsApiClient Client(StubHandler stub, string? key = Key, int? dailyLimit = null, TimeProvider? time = null) =>
        new(new HttpClient(new ApiResilienceHandler(new ApiResilience(new ApiResilienceOptions { RetryBaseDelay = TimeSpan.FromMilliseconds(10), RequestsPerSecond = 0 })) { InnerHandler = stub }),
            new BlsApiClientOptions { RegistrationKey = key, DailyQueryLimit = dailyLimit },
            time);

    /// <summary>Answers like the service: monthly observations, newest first, for each series and year asked.</summary>
    private static StubHandler Service(List<(string[] Series, int From, int To)>? queries = null) => new(async (request, _, ct) =>
    {
        using var body = JsonDocument.Parse(await request.Content!.ReadAsStringAsync(ct));
        var ids = body.RootElement.GetProperty("seriesid").EnumerateArray().Select(e => e.GetString()!).ToArray();
        var from = int.Parse(body.RootElement.GetProperty("startyear").GetString()!, CultureInfo.InvariantCulture);
        var to = int.Parse(body.RootElement.GetProperty("endyear").GetString()!, CultureInfo.InvariantCulture);
        lock (queries ?? [])
        {
            queries?.Add((ids, from, to));
        }

        var series = ids.Select(id => id == "NOSUCHSERIES" ? """{"seriesID":"NOSUCHSERIES","data":[]}""" : SeriesJson(id, from, to));
        var message = ids.Contains("NOSUCHSERIES") ? "\"Series does not exist for Series NOSUCHSERIES\"" : "";
        return StubHandler.Respond(HttpStatusCode.OK, "{\"status\":\"REQUEST_SUCCEEDED\",\"responseTime\":42,\"message\":[" + message + "],\"Results\":{\"series\":[" + string.Join(",", series) + "]}}");
    });

    private static string SeriesJson(string id, int from, int to)
    {
        var data = new List<string>();
        for (var y = to; y >= from; y--)
        {
            var february = y == 2020 ? "-" : "4." + (y % 10);
            data.Add("{\"year\":\"" + y + "\",\"period\":\"M02\",\"periodName\":\"February\",\"value\":\"" + february + "\",\"footnotes\":[{}]}");
            data.Add("{\"year\":\"" + y + "\",\"period\":\"M01\",\"periodName\":\"January\",\"latest\":\"" + (y == to ? "true" : "false")
                + "\",\"value\":\"3." + (y % 10) + "\",\"footnotes\":[{\"code\":\"P\",\"text\":\"preliminary\"}]}");
        }

        return "{\"seriesID\":\"" + id + "\",\"data\":[" + string.Join(",", data) + "]}";
    }

    [Fact]
    public async Task GetSeriesAsync_60SeriesOver35YearsWithKey_SplitsInto4QueriesAndMerges()
    {
        var queries = new List<(string[] Series, int From, int To)>();
        var client = Client(Service(queries));
        var ids = Enumerable.Range(0, 60).Select(i => $"CES{i:D8}01").ToArray();

        var result = await client.GetSeriesAsync(ids, 1990, 2024);

        Assert.Equal(4, queries.Count);
        Assert.All(queries, q => Assert.True(q.Series.Length <= 50 && q.To - q.From + 1 <= 20));
        Assert.Equal([(1990, 2009), (2010, 2024)], queries.Select(q => (q.From, q.To)).Distinct());
        Assert.Equal(ids, result.Select(s => s.SeriesId));
        var first = result[0].Observations;
        Assert.Equal(35 * 2, first.Count);
        Assert.Equal((1990, "M01"), (first[0].Year, first[0].Period));
        Assert.Equal((2024, "M02"), (first[^1].Year, first[^1].Period));
        Assert.Null(first.Single(o => o.Year == 2020 && o.Period == "M02").Value);   // "-" is not available, not zero
        Assert.Equal(["preliminary"], first.Single(o => o.Year == 2024 && o.Period == "M01").Footnotes);
        Assert.Equal(4, client.QueriesToday);
        Assert.Equal(496, client.RemainingQueriesToday);
    }

    [Fact]
    public async Task GetSeriesAsync_NoKey_Uses25SeriesAnd10YearLimits()
    {
        var queries = new List<(string[] Series, int From, int To)>();
        var stub = Service(queries);
        var client = Client(stub, key: null);

        await client.GetSeriesAsync(Enumerable.Range(0, 30).Select(i => $"LNS{i:D8}"), 2005, 2024);

        Assert.Equal(4, queries.Count);
        Assert.Equal(client.QueriesNeeded(30, 2005, 2024), queries.Count);
        Assert.All(queries, q => Assert.True(q.Series.Length <= 25 && q.To - q.From + 1 <= 10));
        Assert.All(stub.Requests, r => Assert.DoesNotContain("registrationkey", r.Body, StringComparison.Ordinal));
    }

    [Fact]
    public async Task GetSeriesAsync_KeyIsSentInTheBodyOnly()
    {
        var stub = Service();

        await Client(stub).GetSeriesAsync(["LNS14000000"], 2023, 2024);

        var request = stub.Requests.Single();
        Assert.Contains($"\"registrationkey\":\"{Key}\"", request.Body, StringComparison.Ordinal);
        Assert.DoesNotContain(Key, request.Uri.ToString(), StringComparison.Ordinal);
        Assert.Equal("https://api.bls.gov/publicAPI/v2/timeseries/data/", request.Uri.ToString());
    }

    [Fact]
    public async Task GetSeriesAsync_UnknownSeries_HasNoObservationsAndTheServiceMessage()
    {
        var result = await Client(Service()).GetSeriesAsync(["LNS14000000", "NOSUCHSERIES"], 2024, 2024);

        Assert.Equal(2, result[0].Observations.Count);
        Assert.Empty(result[1].Observations);
        Assert.Equal(["Series does not exist for Series NOSUCHSERIES"], result[1].Messages);
    }

    [Fact]
    public async Task GetSeriesAsync_RequestNotProcessedForThreshold_ThrowsRateLimit()
    {
        var stub = new StubHandler((_, _, _) => Task.FromResult(StubHandler.Respond(HttpStatusCode.OK,
            """{"status":"REQUEST_NOT_PROCESSED","responseTime":12,"message":["Request could not be serviced, as the daily threshold for total number of requests allocated to the user has been reached."],"Results":{}}""")));

        var ex = await Assert.ThrowsAsync<LaborMarketRateLimitException>(() => Client(stub).GetSeriesAsync(["LNS14000000"], 2024, 2024));

        Assert.Contains("daily threshold", ex.Message, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, ex.StatusCode);
        Assert.Equal(1, stub.Count); // a 200 is not retried
    }

    [Fact]
    public async Task GetSeriesAsync_RequestNotProcessedOtherwise_ThrowsApiErrorWithTheMessage()
    {
        var stub = new StubHandler((_, _, _) => Task.FromResult(StubHandler.Respond(HttpStatusCode.OK,
            """{"status":"REQUEST_NOT_PROCESSED","message":["Invalid Series for Series LNS1"],"Results":{}}""")));

        var ex = await Assert.ThrowsAsync<LaborMarketApiException>(() => Client(stub).GetSeriesAsync(["LNS1"], 2024, 2024));

        Assert.IsNotType<LaborMarketRateLimitException>(ex);
        Assert.Contains("Invalid Series for Series LNS1", ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(Key, ex.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task DailyLimit_Reached_RefusesBeforeAskingAndResetsAtEasternMidnight()
    {
        var stub = Service();
        var time = new FakeTime(new DateTimeOffset(2026, 11, 21, 4, 0, 0, TimeSpan.Zero)); // 23:00 on the 20th in New York
        var client = Client(stub, dailyLimit: 2, time: time);

        await client.GetSeriesAsync(["LNS14000000"], 2024, 2024);
        await client.GetSeriesAsync(["LNS14000000"], 2023, 2023);
        var ex = await Assert.ThrowsAsync<LaborMarketRateLimitException>(() => client.GetSeriesAsync(["LNS14000000"], 2022, 2022));
        time.Now = time.Now.AddHours(1.5); // 00:30 on the 21st in New York
        await client.GetSeriesAsync(["LNS14000000"], 2022, 2022);

        Assert.Contains("daily limit of 2 queries", ex.Message, StringComparison.Ordinal);
        Assert.Equal(3, stub.Count);
        Assert.Equal(1, client.QueriesToday);
    }

    [Fact]
    public async Task GetSeriesAsync_BadArguments_ThrowBeforeAnyRequest()
    {
        var stub = Service();
        var client = Client(stub);

        await Assert.ThrowsAsync<ArgumentException>(() => client.GetSeriesAsync(["LNS 1400"], 2024, 2024));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => client.GetSeriesAsync(["LNS14000000"], 2024, 2020));
        Assert.Equal(0, stub.Count);
    }

    [Fact]
    public async Task GetSeriesAsync_500Then200_Retries()
    {
        var ok = Service();
        var stub = new StubHandler(async (request, attempt, ct) => attempt == 1
            ? StubHandler.Respond(HttpStatusCode.InternalServerError, "{}")
            : await ok.SendForTestAsync(request, ct));

        var result = await Client(stub).GetSeriesAsync(["LNS14000000"], 2024, 2024);

        Assert.Equal(2, result.Single().Observations.Count);
        Assert.Equal(2, stub.Count);
    }
}
