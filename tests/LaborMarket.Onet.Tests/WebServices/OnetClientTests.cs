using System.Diagnostics;
using System.Net;
using LaborMarket.Http;
using LaborMarket.Onet.Caching;
using LaborMarket.Onet.Tests.Http;
using LaborMarket.Onet.WebServices;
using Microsoft.Extensions.Caching.Memory;

namespace LaborMarket.Onet.Tests.WebServices;

public class OnetClientTests
{
    private const string Key = "test-key-5f1c2e";
    private static readonly OnetSocCode Rn = OnetSocCode.Parse("29-1141.00");

    internal static ApiResilienceOptions Fast() => new()
    {
        RetryBaseDelay = TimeSpan.FromMilliseconds(10),
        RequestsPerSecond = 0,
        AttemptTimeout = TimeSpan.FromSeconds(5),
        TotalTimeout = TimeSpan.FromSeconds(20),
    };

    private static OnetClient Client(StubHandler stub, ApiResilienceOptions? resilience = null, IApiResponseCache? cache = null, int pageSize = 200) =>
        new(new HttpClient(new ApiResilienceHandler(new ApiResilience(resilience ?? Fast())) { InnerHandler = stub }),
            new OnetClientOptions { ApiKey = Key, PageSize = pageSize },
            cache);

    /// <summary>Serves the recorded Registered Nurses bodies by path.</summary>
    internal static string? RecordedOnet(string pathAndQuery)
    {
        var path = pathAndQuery.Split('?')[0];
        string? name = path switch
        {
            "/online/occupations/29-1141.00/" => "overview.json",
            "/mnm/careers/29-1141.00/job_outlook" => "job_outlook.json",
            _ when path.StartsWith("/online/occupations/29-1141.00/details/", StringComparison.Ordinal) => path[(path.LastIndexOf('/') + 1)..] + ".json",
            _ => null,
        };
        return name is null ? null : StubHandler.Recorded("WebServices", name);
    }

    [Fact]
    public async Task SearchAsync_PagesThroughTotal_WithKeyHeader()
    {
        var stub = StubHandler.Json(p => p switch
        {
            _ when p.Contains("start=1&", StringComparison.Ordinal) => StubHandler.Recorded("WebServices", "search-nurse-1.json"),
            _ when p.Contains("start=3&", StringComparison.Ordinal) => StubHandler.Recorded("WebServices", "search-nurse-2.json"),
            _ when p.Contains("start=5&", StringComparison.Ordinal) => StubHandler.Recorded("WebServices", "search-nurse-3.json"),
            _ => null,
        });

        var results = await Client(stub, pageSize: 2).SearchAsync("nurse").ToListAsync();

        Assert.Equal(["29-1141.00", "29-2061.00", "29-1171.00", "31-1131.00", "29-1151.00"], results.Select(r => r.Code.ToString()));
        Assert.True(results[0].IsBrightOutlook);
        Assert.False(results[3].IsBrightOutlook);
        Assert.Equal(3, stub.Count);
        Assert.All(stub.Requests, r => Assert.Equal(Key, r.Key));
        Assert.Equal("/online/search?keyword=nurse&start=1&end=2", stub.Requests.First().Uri.PathAndQuery);
    }

    [Fact]
    public async Task SearchAsync_EmptyPageInTheMiddle_SkipsItAndKeepsLaterPages()
    {
        var stub = StubHandler.Json(p => p switch
        {
            _ when p.Contains("start=1&", StringComparison.Ordinal) => StubHandler.Recorded("WebServices", "search-nurse-1.json"),
            _ when p.Contains("start=3&", StringComparison.Ordinal) => """{"keyword":"nurse","start":3,"end":4,"total":5,"occupation":[]}""",
            _ when p.Contains("start=5&", StringComparison.Ordinal) => StubHandler.Recorded("WebServices", "search-nurse-3.json"),
            _ => null,
        });

        var results = await Client(stub, pageSize: 2).SearchAsync("nurse").ToListAsync();

        Assert.Equal(["29-1141.00", "29-2061.00", "29-1151.00"], results.Select(r => r.Code.ToString()));
        Assert.Equal(3, stub.Count);
    }

    [Fact]
    public async Task GetProfileAsync_RecordedBodies_FillsEverySection()
    {
        var stub = StubHandler.Json(RecordedOnet);

        var p = (await Client(stub).GetProfileAsync(Rn))!;

        Assert.Equal("Registered Nurses", p.Title);
        Assert.StartsWith("Assess patient health problems", p.Description, StringComparison.Ordinal);
        Assert.Equal(4, p.Tasks.Count);
        Assert.False(p.Tasks[^1].IsCore);
        Assert.Equal(16997, p.Tasks[0].Id);
        Assert.Equal(["Epic Systems", "MEDITECH software", "Microsoft Excel", "Microsoft SharePoint", "Picis PACU Manager"], p.TechnologySkills.Select(t => t.Example));
        Assert.False(p.TechnologySkills[^1].IsHotTechnology);
        Assert.Equal("Medical software", p.TechnologySkills[0].Category);
        Assert.Equal(3, p.Tools.Count);
        Assert.Equal("Stethoscopes", p.Tools[0].Category);
        Assert.Equal(75, p.Skills[0].Importance);
        Assert.InRange(p.Knowledge[0].Importance!.Value, 84.7, 84.8); // 1-5 scale rescaled: (4.39 - 1) / 4 = 84.75
        Assert.Equal(72.9, p.Knowledge[0].Level!.Value, 1);      // 0-7 scale rescaled: 5.1 / 7
        Assert.Equal("Problem Sensitivity", p.Abilities[0].Name);
        Assert.Equal(58, p.Education.Single(e => e.Category == 6).Percent);
        Assert.Equal(4, p.JobZone);
        Assert.Equal(["29-1171.00", "29-2061.00"], p.Related.Select(r => r.Code.ToString()));
        Assert.True(p.Outlook!.IsBrightOutlook);
        Assert.Equal(["Numerous Job Openings"], p.Outlook.BrightOutlookReasons);
        Assert.Contains("Staff Nurse", p.AlternateTitles);
        Assert.Equal("O*NET Web Services", p.Source);
    }

    [Fact]
    public async Task GetProfileAsync_UnknownCode_ReturnsNull()
    {
        var stub = StubHandler.Json(RecordedOnet);

        Assert.Null(await Client(stub).GetProfileAsync(OnetSocCode.Parse("99-9999.00")));
        Assert.Null(await Client(stub).GetJobZoneAsync(OnetSocCode.Parse("99-9999.00")));
        Assert.Empty(await Client(stub).GetTasksAsync(OnetSocCode.Parse("99-9999.00")).ToListAsync());
    }

    [Fact]
    public async Task Get_429WithRetryAfter_WaitsThatLongThenSucceeds()
    {
        var stub = new StubHandler((request, attempt, _) =>
        {
            if (attempt == 1)
            {
                var limited = StubHandler.Respond(HttpStatusCode.TooManyRequests, """{"error":"Too many requests"}""");
                limited.Headers.RetryAfter = new System.Net.Http.Headers.RetryConditionHeaderValue(TimeSpan.FromSeconds(1));
                return Task.FromResult(limited);
            }

            return Task.FromResult(StubHandler.Respond(HttpStatusCode.OK, StubHandler.Recorded("WebServices", "job_zone.json")));
        });

        var watch = Stopwatch.StartNew();
        var zone = await Client(stub).GetJobZoneAsync(Rn);

        Assert.Equal(4, zone);
        Assert.Equal(2, stub.Count);
        Assert.True(watch.Elapsed >= TimeSpan.FromMilliseconds(900), $"retried after {watch.Elapsed}, before the server's Retry-After of 1 s");
    }

    [Fact]
    public async Task Get_429AskingForTooLong_ThrowsRateLimitWithRetryAfter()
    {
        var stub = new StubHandler((_, _, _) =>
        {
            var limited = StubHandler.Respond(HttpStatusCode.TooManyRequests, """{"error":"daily limit"}""");
            limited.Headers.RetryAfter = new System.Net.Http.Headers.RetryConditionHeaderValue(TimeSpan.FromHours(1));
            return Task.FromResult(limited);
        });

        var ex = await Assert.ThrowsAsync<LaborMarketRateLimitException>(() => Client(stub).GetJobZoneAsync(Rn));

        Assert.Equal(TimeSpan.FromHours(1), ex.RetryAfter);
        Assert.Equal(HttpStatusCode.TooManyRequests, ex.StatusCode);
        Assert.Equal(1, stub.Count);
    }

    [Fact]
    public async Task Get_500Then200_Retries()
    {
        var stub = new StubHandler((_, attempt, _) => Task.FromResult(attempt == 1
            ? StubHandler.Respond(HttpStatusCode.InternalServerError, """{"error":"Internal error"}""")
            : StubHandler.Respond(HttpStatusCode.OK, StubHandler.Recorded("WebServices", "job_zone.json"))));

        Assert.Equal(4, await Client(stub).GetJobZoneAsync(Rn));
        Assert.Equal(2, stub.Count);
    }

    [Fact]
    public async Task Get_EveryAttemptTimesOut_ThrowsTimeoutAfterRetries()
    {
        var stub = new StubHandler(async (_, _, ct) =>
        {
            await Task.Delay(TimeSpan.FromSeconds(30), ct);
            return StubHandler.Respond(HttpStatusCode.OK, "{}");
        });
        var resilience = Fast();
        resilience.AttemptTimeout = TimeSpan.FromMilliseconds(100);
        resilience.MaxRetryAttempts = 2;

        await Assert.ThrowsAsync<TimeoutException>(() => Client(stub, resilience).GetJobZoneAsync(Rn));
        Assert.Equal(3, stub.Count);
    }

    [Fact]
    public async Task Get_Html403_SaysTheKeyWasRejectedWithoutTheKey()
    {
        var stub = new StubHandler((_, _, _) => Task.FromResult(StubHandler.Respond(HttpStatusCode.Forbidden,
            "<!DOCTYPE html><html><head><title>403 Forbidden</title></head><body><h1>Forbidden</h1><p>Invalid API key.</p></body></html>", "text/html")));

        var ex = await Assert.ThrowsAsync<LaborMarketApiException>(() => Client(stub).GetJobZoneAsync(Rn));

        Assert.Contains("rejected the API key", ex.Message, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, ex.StatusCode);
        Assert.DoesNotContain(Key, ex.ToString(), StringComparison.Ordinal);
        Assert.Equal(1, stub.Count); // a rejected key is not retried
    }

    [Fact]
    public async Task Get_TruncatedJson_ThrowsAndIsNotCached()
    {
        var cache = new MemoryApiResponseCache(new MemoryCache(new MemoryCacheOptions()));
        var stub = new StubHandler((_, _, _) => Task.FromResult(StubHandler.Respond(HttpStatusCode.OK, """{"start":1,"end":4,"total":4,"task":[{"id":16997,"title":"Monitor, rec""")));
        var client = Client(stub, cache: cache);

        var ex = await Assert.ThrowsAsync<LaborMarketApiException>(() => client.GetTasksAsync(Rn).ToListAsync().AsTask());
        await Assert.ThrowsAsync<LaborMarketApiException>(() => client.GetTasksAsync(Rn).ToListAsync().AsTask());

        Assert.Contains("could not be read", ex.Message, StringComparison.Ordinal);
        Assert.Contains("/details/tasks", ex.RequestUri!.ToString(), StringComparison.Ordinal);
        Assert.Equal(2, stub.Count);
    }

    [Fact]
    public async Task Get_WrongContentType_Throws()
    {
        var stub = new StubHandler((_, _, _) => Task.FromResult(StubHandler.Respond(HttpStatusCode.OK, "code,title\n29-1141.00,Registered Nurses", "text/csv")));

        var ex = await Assert.ThrowsAsync<LaborMarketApiException>(() => Client(stub).GetJobZoneAsync(Rn));

        Assert.Contains("'text/csv' where JSON was expected", ex.Message, StringComparison.Ordinal);
        Assert.StartsWith("code,title", ex.ResponseBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_SecondCall_IsServedFromTheCacheWithoutARequest()
    {
        var stub = StubHandler.Json(RecordedOnet);
        var client = Client(stub, cache: new MemoryApiResponseCache(new MemoryCache(new MemoryCacheOptions())));

        var first = await client.GetProfileAsync(Rn);
        var requests = stub.Count;
        var second = await client.GetProfileAsync(Rn);

        Assert.Equal(11, requests);
        Assert.Equal(requests, stub.Count);
        Assert.Equal(first!.Tasks, second!.Tasks);
    }

    [Fact]
    public async Task CircuitBreaker_AfterRepeatedFailures_StopsSendingRequests()
    {
        var stub = new StubHandler((_, _, _) => Task.FromResult(StubHandler.Respond(HttpStatusCode.ServiceUnavailable, """{"error":"down"}""")));
        var resilience = Fast();
        resilience.MaxRetryAttempts = 0;
        resilience.CircuitBreakerMinimumThroughput = 2;
        resilience.CircuitBreakerBreakDuration = TimeSpan.FromSeconds(30);
        var client = Client(stub, resilience);

        await Assert.ThrowsAsync<LaborMarketApiException>(() => client.GetJobZoneAsync(Rn));
        await Assert.ThrowsAsync<LaborMarketApiException>(() => client.GetJobZoneAsync(Rn));
        var open = await Assert.ThrowsAsync<LaborMarketApiException>(() => client.GetJobZoneAsync(Rn));

        Assert.Contains("paused after repeated failures", open.Message, StringComparison.Ordinal);
        Assert.Equal(2, stub.Count);
    }

    [Fact]
    public async Task Limiter_FiveRequestsASecond_PacesABurst()
    {
        var stub = StubHandler.Json(_ => StubHandler.Recorded("WebServices", "job_zone.json"));
        var resilience = Fast();
        resilience.RequestsPerSecond = 5;
        var client = Client(stub, resilience);

        var watch = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => client.GetJobZoneAsync(Rn)));

        // A full bucket lets 5 go at once; the other 5 wait for a token each (one every 200 ms).
        Assert.Equal(10, stub.Count);
        Assert.True(watch.Elapsed >= TimeSpan.FromMilliseconds(800), $"10 requests took {watch.Elapsed}");
    }

    [Fact]
    public void Options_ToString_HidesTheKey()
    {
        Assert.DoesNotContain(Key, new OnetClientOptions { ApiKey = Key }.ToString(), StringComparison.Ordinal);
    }
}
