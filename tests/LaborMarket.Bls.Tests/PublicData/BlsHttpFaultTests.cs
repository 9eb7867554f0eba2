using LaborMarket.Bls.PublicData;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Testing;

namespace LaborMarket.Bls.Tests.PublicData;

/// <summary>The HTTP fault suite (<see cref="HttpFaults"/>) against a real socket on 127.0.0.1, for the BLS client (key in the POST body).</summary>
public class BlsHttpFaultTests
{
    private const string Key = "bls-key-7e3f91";

    public static TheoryData<string> Faults => HttpFaults.Names;

    [Theory]
    [MemberData(nameof(Faults))]
    public async Task BlsApiClient_Fault_TypedErrorInBoundedTimeWithoutTheKey(string fault)
    {
        ServiceProvider? provider = null;
        var error = await HttpFaults.RunAsync(fault, async address =>
        {
            provider = BlsClients.Build(null, o =>
            {
                o.RegistrationKey = Key;
                o.BaseAddress = address;
                ApiClients.Faults(o.Resilience);
            });
            await provider.GetRequiredService<BlsApiClient>().GetSeriesAsync(["LNS14000000"], 2024, 2024);
        }, () => provider!.GetFakeLogCollector(), Key);

        switch (HttpFaults.Outcome(fault))
        {
            case FaultOutcome.Timeout:
                Assert.IsType<TimeoutException>(error);
                break;
            case FaultOutcome.RateLimited:
                Assert.Equal(TimeSpan.FromHours(1), Assert.IsType<LaborMarketRateLimitException>(error).RetryAfter);
                break;
            case FaultOutcome.ApiError:
                var api = Assert.IsType<LaborMarketApiException>(error);
                HttpFaults.AssertNoSecret(fault, api.ResponseBody, Key);
                break;
            case FaultOutcome.NetworkError:
                Assert.IsType<HttpRequestException>(error);
                break;
        }
    }

    [Fact]
    public async Task BlsApiClient_RealCapturedBody_OverLoopback_SendsTheKeyOnlyToTheService()
    {
        var body = await File.ReadAllTextAsync(TestData.FixturePath("api-responses/bls-v2-timeseries-LAUCN040010000000005-get.json"));
        await using var server = new LoopbackServer((_, s, ct) => LoopbackServer.WriteAsync(s, 200, "application/json", body, ct));
        using var provider = BlsClients.Build(null, o =>
        {
            o.RegistrationKey = Key;
            o.BaseAddress = server.BaseAddress;
        });

        var series = (await provider.GetRequiredService<BlsApiClient>().GetSeriesAsync(["LAUCN040010000000005"], 2022, 2023)).Single();

        Assert.NotEmpty(series.Observations);
        var request = server.Requests.Single();
        Assert.Equal("POST", request.Method);
        Assert.Contains(Key, request.Body, StringComparison.Ordinal);
        Assert.DoesNotContain(Key, request.Head, StringComparison.Ordinal);
    }
}
