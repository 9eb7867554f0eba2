using LaborMarket.Onet.CareerOneStop;
using LaborMarket.Onet.WebServices;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Testing;

namespace LaborMarket.Onet.Tests.Http;

/// <summary>The HTTP fault suite (<see cref="HttpFaults"/>) against a real socket on 127.0.0.1, for both clients.</summary>
public class OnetHttpFaultTests
{
    public static TheoryData<string> Faults => HttpFaults.Names;

    [Theory]
    [MemberData(nameof(Faults))]
    public async Task OnetClient_Fault_TypedErrorInBoundedTimeWithoutTheKey(string fault)
    {
        ServiceProvider? provider = null;
        var error = await HttpFaults.RunAsync(fault, async address =>
        {
            var services = WebClients.Services();
            services.AddOnet(null, o =>
            {
                o.BaseAddress = address;
                WebClients.Faults(o.Resilience);
            });
            provider = services.BuildServiceProvider();
            await provider.GetRequiredService<OnetClient>().GetJobZoneAsync(OnetSocCode.Parse("29-1141.00"));
        }, () => provider!.GetFakeLogCollector(), WebClients.OnetKey);

        Check(fault, error, WebClients.OnetKey);
    }

    [Theory]
    [MemberData(nameof(Faults))]
    public async Task CareerOneStopClient_Fault_TypedErrorInBoundedTimeWithoutUserIdOrToken(string fault)
    {
        ServiceProvider? provider = null;
        var error = await HttpFaults.RunAsync(fault, async address =>
        {
            var services = WebClients.Services();
            services.AddCareerOneStop(null, o =>
            {
                o.BaseAddress = address;
                WebClients.Faults(o.Resilience);
            });
            provider = services.BuildServiceProvider();
            await provider.GetRequiredService<CareerOneStopClient>().GetWagesAsync("registered nurse", "FL");
        }, () => provider!.GetFakeLogCollector(), WebClients.UserId, WebClients.Token);

        Check(fault, error, WebClients.UserId, WebClients.Token);
    }

    [Fact]
    public async Task OnetClient_RealCapturedBodies_ServedOverLoopback()
    {
        var overview = await File.ReadAllTextAsync(TestData.FixturePath("api-responses/onet-v2-occupation-11-3031.00.json"));
        var zone = await File.ReadAllTextAsync(TestData.FixturePath("api-responses/onet-v2-details-job_zone-11-3031.00.json"));
        await using var server = new LoopbackServer((r, s, ct) => r.Target.Split('?')[0] switch
        {
            "/online/occupations/11-3031.00/" => LoopbackServer.WriteAsync(s, 200, "application/json", overview, ct),
            "/online/occupations/11-3031.00/details/job_zone" => LoopbackServer.WriteAsync(s, 200, "application/json", zone, ct),
            _ => LoopbackServer.WriteAsync(s, 404, "application/json", """{"error":"not found"}""", ct),
        });
        var services = WebClients.Services();
        services.AddOnet(null, o => o.BaseAddress = server.BaseAddress);
        await using var provider = services.BuildServiceProvider();
        var client = provider.GetRequiredService<OnetClient>();
        var code = OnetSocCode.Parse("11-3031.00");

        var o = await client.GetOverviewAsync(code);
        var z = await client.GetJobZoneAsync(code);

        Assert.Equal("Financial Managers", o!.Title);
        Assert.NotEmpty(o.SampleTitles);
        Assert.Equal(4, z);
        Assert.All(server.Requests, r => Assert.Contains($"X-API-Key: {WebClients.OnetKey}", r.Head, StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task OnetClient_RedirectOnTheSameHost_IsFollowedWithTheKey()
    {
        var zone = await File.ReadAllTextAsync(TestData.FixturePath("api-responses/onet-v2-details-job_zone-11-3031.00.json"));
        await using var server = new LoopbackServer((r, s, ct) => r.Target.StartsWith("/moved/", StringComparison.Ordinal)
            ? LoopbackServer.WriteAsync(s, 200, "application/json", zone, ct)
            : LoopbackServer.WriteAsync(s, 301, "text/html", "moved", ct, "Location: /moved" + r.Target));
        var services = WebClients.Services();
        services.AddOnet(null, o => o.BaseAddress = server.BaseAddress);
        await using var provider = services.BuildServiceProvider();

        Assert.Equal(4, await provider.GetRequiredService<OnetClient>().GetJobZoneAsync(OnetSocCode.Parse("11-3031.00")));
        Assert.Equal(2, server.Requests.Count);
        Assert.Contains(WebClients.OnetKey, server.Requests.Last().Head, StringComparison.Ordinal);
    }

    private static void Check(string fault, Exception error, params string[] secrets)
    {
        switch (HttpFaults.Outcome(fault))
        {
            case FaultOutcome.Timeout:
                Assert.IsType<TimeoutException>(error);
                break;
            case FaultOutcome.RateLimited:
                var limited = Assert.IsType<LaborMarketRateLimitException>(error);
                Assert.Equal(TimeSpan.FromHours(1), limited.RetryAfter);
                break;
            case FaultOutcome.ApiError:
                var api = Assert.IsType<LaborMarketApiException>(error);
                HttpFaults.AssertNoSecret(fault, api.ResponseBody, secrets);
                HttpFaults.AssertNoSecret(fault, api.RequestUri?.ToString(), secrets);
                break;
            case FaultOutcome.NetworkError:
                Assert.IsType<HttpRequestException>(error);
                break;
        }
    }
}
