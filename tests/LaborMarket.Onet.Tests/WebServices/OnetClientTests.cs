using System.Net;
using System.Net.Http.Headers;
using LaborMarket.Http;
using LaborMarket.Onet.Tests.Http;
using LaborMarket.Onet.WebServices;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace LaborMarket.Onet.Tests.WebServices;

public class OnetClientTests
{
    private const string Key = WebClients.OnetKey;
    private static readonly OnetSocCode Rn = OnetSocCode.Parse("29-1141.00");

    private static OnetClient Client(StubHandler stub, Action<ApiResilienceOptions>? resilience = null, int pageSize = 200, TimeProvider? time = null) =>
        WebClients.Onet(stub, o =>
        {
            o.PageSize = pageSize;
            resilience?.Invoke(o.Resilience);
        }, time);

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
    public async Task Get_429WithRetryAfter_WaitsThatLongOnTheInjectedClockThenSucceeds()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2031, 5, 1, 12, 0, 0, TimeSpan.Zero));
        var sent = new List<DateTimeOffset>();
        var stub = new StubHandler((request, attempt, _) =>
        {
            sent.Add(time.GetUtcNow());
            if (attempt == 1)
            {
                var limited = StubHandler.Respond(HttpStatusCode.TooManyRequests, """{"error":"Too many requests"}""");
                limited.Headers.RetryAfter = new RetryConditionHeaderValue(TimeSpan.FromSeconds(7));
                return Task.FromResult(limited);
            }

            return Task.FromResult(StubHandler.Respond(HttpStatusCode.OK, StubHandler.Recorded("WebServices", "job_zone.json")));
        });

        var zone = await time.RunAsync(Client(stub, time: time).GetJobZoneAsync(Rn), TimeSpan.FromMilliseconds(250));

        Assert.Equal(4, zone);
        Assert.Equal(2, stub.Count);
        Assert.InRange(sent[1] - sent[0], TimeSpan.FromSeconds(7), TimeSpan.FromSeconds(8));
    }

    [Fact]
    public async Task Get_429WithRetryAfterDate_ReadsTheDateOnTheInjectedClock()
    {
        // Five years ahead of the real clock: read with the real clock, this date would be past the cap and fail at once.
        var time = new FakeTimeProvider(new DateTimeOffset(2031, 5, 1, 12, 0, 0, TimeSpan.Zero));
        var sent = new List<DateTimeOffset>();
        var stub = new StubHandler((_, attempt, _) =>
        {
            sent.Add(time.GetUtcNow());
            if (attempt == 1)
            {
                var limited = StubHandler.Respond(HttpStatusCode.TooManyRequests, "{}");
                limited.Headers.RetryAfter = new RetryConditionHeaderValue(time.GetUtcNow().AddSeconds(30));
                return Task.FromResult(limited);
            }

            return Task.FromResult(StubHandler.Respond(HttpStatusCode.OK, StubHandler.Recorded("WebServices", "job_zone.json")));
        });

        var zone = await time.RunAsync(Client(stub, time: time).GetJobZoneAsync(Rn), TimeSpan.FromMilliseconds(500));

        Assert.Equal(4, zone);
        Assert.InRange(sent[1] - sent[0], TimeSpan.FromSeconds(29), TimeSpan.FromSeconds(31));
    }

    [Fact]
    public async Task Get_429AskingForTooLong_ThrowsRateLimitAtOnceWithRetryAfter()
    {
        var stub = new StubHandler((_, _, _) =>
        {
            var limited = StubHandler.Respond(HttpStatusCode.TooManyRequests, """{"error":"daily limit"}""");
            limited.Headers.RetryAfter = new RetryConditionHeaderValue(TimeSpan.FromHours(1));
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
    public async Task Get_EveryAttemptTimesOut_ThrowsTimeoutAfterRetriesOnTheFakeClock()
    {
        var time = new FakeTimeProvider();
        var stub = new StubHandler(async (_, _, ct) =>
        {
            await Task.Delay(Timeout.Infinite, ct);
            return StubHandler.Respond(HttpStatusCode.OK, "{}");
        });

        var call = Client(stub, r => r.MaxRetryAttempts = 2, time: time).GetJobZoneAsync(Rn);

        // Each attempt waits for its 10 s timeout on the fake clock, then for the short retry delay.
        for (var attempt = 1; attempt <= 3; attempt++)
        {
            for (var i = 0; i < 400 && stub.Count < attempt; i++)
            {
                await Until(() => stub.Count >= attempt, spins: 2_000);
                if (stub.Count < attempt)
                {
                    time.Advance(TimeSpan.FromMilliseconds(50));
                }
            }

            Assert.Equal(attempt, stub.Count);
            time.Advance(TimeSpan.FromSeconds(10));
        }

        await Assert.ThrowsAsync<TimeoutException>(() => call);
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
        var stub = new StubHandler((_, _, _) => Task.FromResult(StubHandler.Respond(HttpStatusCode.OK, """{"start":1,"end":4,"total":4,"task":[{"id":16997,"title":"Monitor, rec""")));
        var client = Client(stub);

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
        var client = Client(stub);

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
        var client = Client(stub, r =>
        {
            r.MaxRetryAttempts = 0;
            r.CircuitBreakerMinimumThroughput = 2;
            r.CircuitBreakerBreakDuration = TimeSpan.FromSeconds(30);
        });

        await Assert.ThrowsAsync<LaborMarketApiException>(() => client.GetJobZoneAsync(Rn));
        await Assert.ThrowsAsync<LaborMarketApiException>(() => client.GetJobZoneAsync(Rn));
        var open = await Assert.ThrowsAsync<LaborMarketApiException>(() => client.GetJobZoneAsync(Rn));

        Assert.Contains("paused after repeated failures", open.Message, StringComparison.Ordinal);
        Assert.Equal(2, stub.Count);
    }

    [Fact]
    public async Task Limiter_FiveRequestsASecond_PacesABurstOnTheInjectedClock()
    {
        var time = new FakeTimeProvider();
        var sent = new List<DateTimeOffset>();
        var stub = new StubHandler((request, _, _) =>
        {
            lock (sent)
            {
                sent.Add(time.GetUtcNow());
            }

            return Task.FromResult(StubHandler.Respond(HttpStatusCode.OK, StubHandler.Recorded("WebServices", "job_zone.json")));
        });
        var client = Client(stub, r => r.RequestsPerSecond = 5, time: time);

        // Ten different codes, so the cache does not fold them into one request.
        var start = time.GetUtcNow();
        var calls = Task.WhenAll(Enumerable.Range(0, 10).Select(i => client.GetJobZoneAsync(OnetSocCode.Parse($"29-11{41 + i}.00"))));

        // A full bucket lets 5 go at once; each of the other 5 waits for a token, one every 200 ms of the fake clock.
        await Until(() => stub.Count == 5);
        for (var i = 1; i <= 5; i++)
        {
            await Until(() => false, spins: 200); // nothing more goes before the clock moves
            Assert.Equal(4 + i, stub.Count);
            time.Advance(TimeSpan.FromMilliseconds(200));
            await Until(() => stub.Count == 5 + i);
        }

        await calls;
        sent.Sort();
        Assert.All(sent.Take(5), t => Assert.Equal(start, t));
        Assert.Equal(Enumerable.Range(1, 5).Select(i => start.AddMilliseconds(200 * i)), sent.Skip(5));
    }

    /// <summary>Yields (never sleeps) until the condition holds, or for <paramref name="spins"/> turns.</summary>
    private static async Task Until(Func<bool> condition, int spins = 200_000)
    {
        for (var i = 0; i < spins && !condition(); i++)
        {
            await Task.Yield();
        }
    }

    [Fact]
    public void Options_ToString_HidesTheKey()
    {
        Assert.DoesNotContain(Key, new OnetClientOptions { ApiKey = Key }.ToString(), StringComparison.Ordinal);
    }
}
