using Microsoft.Extensions.Logging.Testing;
using LaborMarket.Onet;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace LaborMarket.Onet.Tests.DependencyInjection;

public class OnetServiceCollectionExtensionsTests
{
    [Fact]
    public void Register_Configure_BindsOptions()
    {
        var dir = Directory.CreateTempSubdirectory().FullName;
        using var provider = new ServiceCollection().AddOnetDatabase(o => o.DatabasePath = dir).BuildServiceProvider();

        Assert.Equal(dir, provider.GetRequiredService<IOptions<OnetDatabaseOptions>>().Value.DatabasePath);
    }

    [Fact]
    public void Register_Configuration_BindsSection()
    {
        var dir = Directory.CreateTempSubdirectory().FullName;
        var config = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["LaborMarket:DatabasePath"] = dir })
            .Build();
        using var provider = new ServiceCollection().AddOnetDatabase(config.GetSection("LaborMarket")).BuildServiceProvider();

        Assert.Equal(dir, provider.GetRequiredService<IOptions<OnetDatabaseOptions>>().Value.DatabasePath);
    }

    [Fact]
    public async Task Register_MissingPath_FailsWhenHostStarts()
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Services.AddOnetDatabase(o => o.DatabasePath = Path.Combine(Path.GetTempPath(), "no-such-" + Guid.NewGuid()));
        using var host = builder.Build();

        var ex = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());
        Assert.Contains("DatabasePath", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Register_CalledTwice_RegistersValidatorOnce()
    {
        var services = new ServiceCollection().AddOnetDatabase().AddOnetDatabase();

        Assert.Single(services, d => d.ServiceType == typeof(IValidateOptions<OnetDatabaseOptions>));
    }
}

public class WebClientRegistrationTests
{
    [Fact]
    public async Task AddOnetClient_NoKey_FailsWhenHostStarts()
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Services.AddOnetClient();
        using var host = builder.Build();

        var ex = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());
        Assert.Contains("ApiKey is required", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AddOnetClient_PrimaryHandlerReplaced_RunsThroughResilienceAndCache()
    {
        var stub = StubHandler.Json(LaborMarket.Onet.Tests.WebServices.OnetClientTests.RecordedOnet);
        var services = new ServiceCollection();
        services.AddOnetClient(o =>
        {
            o.ApiKey = "k-123";
            o.Resilience.RequestsPerSecond = 0;
        }).ConfigurePrimaryHttpMessageHandler(() => stub);
        using var provider = services.BuildServiceProvider();

        var client = provider.GetRequiredService<LaborMarket.Onet.WebServices.OnetClient>();
        var zone = await client.GetJobZoneAsync(LaborMarket.OnetSocCode.Parse("29-1141.00"));
        var again = await provider.GetRequiredService<LaborMarket.Onet.WebServices.OnetClient>().GetJobZoneAsync(LaborMarket.OnetSocCode.Parse("29-1141.00"));

        Assert.Equal(4, zone);
        Assert.Equal(4, again);
        Assert.Equal(1, stub.Count); // the second client shares the in-memory cache
        Assert.Equal("https://api-v2.onetcenter.org/online/occupations/29-1141.00/details/job_zone", stub.Requests.Single().Uri.ToString());
        Assert.Equal("k-123", stub.Requests.Single().Key);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public async Task AddOnetClient_CalledOnceOrTwice_MakesExactlyTheConfiguredAttempts(int registrations)
    {
        var requests = await RequestsWhileDown(
            registrations,
            (services, stub) => services.AddOnet(stub, o => o.Resilience.MaxRetryAttempts = 3),
            provider => provider.GetRequiredService<LaborMarket.Onet.WebServices.OnetClient>().GetJobZoneAsync(LaborMarket.OnetSocCode.Parse("29-1141.00")));

        Assert.Equal(4, requests);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public async Task AddCareerOneStopClient_CalledOnceOrTwice_MakesExactlyTheConfiguredAttempts(int registrations)
    {
        var requests = await RequestsWhileDown(
            registrations,
            (services, stub) => services.AddCareerOneStop(stub, o => o.Resilience.MaxRetryAttempts = 2),
            provider => provider.GetRequiredService<LaborMarket.Onet.CareerOneStop.CareerOneStopClient>().GetWagesAsync("nurse", "FL"));

        Assert.Equal(3, requests);
    }

    /// <summary>Registers a client <paramref name="registrations"/> times over a server answering 503, and counts the requests one failed call makes.</summary>
    private static async Task<int> RequestsWhileDown(int registrations, Action<IServiceCollection, StubHandler> register, Func<IServiceProvider, Task> call)
    {
        var stub = new StubHandler((_, _, _) => Task.FromResult(StubHandler.Respond(System.Net.HttpStatusCode.ServiceUnavailable, """{"error":"down"}""")));
        var services = WebClients.Services();
        for (var i = 0; i < registrations; i++)
        {
            register(services, stub);
        }

        await using var provider = services.BuildServiceProvider();
        await Assert.ThrowsAsync<LaborMarketApiException>(() => call(provider));
        return stub.Count;
    }

    [Fact]
    public async Task AddOnetClient_CacheDurationMaxValue_FailsWhenHostStarts()
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Services.AddOnetClient(o =>
        {
            o.ApiKey = "k";
            o.CacheDuration = TimeSpan.MaxValue;
            o.Resilience.TotalTimeout = TimeSpan.MaxValue;
        });
        using var host = builder.Build();

        var ex = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());
        Assert.Contains("CacheDuration must be 0 to 3650 days", ex.Message, StringComparison.Ordinal);
        Assert.Contains("TotalTimeout", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AddCareerOneStopClient_MissingUserAndToken_ListsBoth()
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Services.AddCareerOneStopClient();
        using var host = builder.Build();

        var ex = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());
        Assert.Contains("UserId is required", ex.Message, StringComparison.Ordinal);
        Assert.Contains("ApiToken is required", ex.Message, StringComparison.Ordinal);
    }
}

public class WebClientLoggingTests
{
    [Fact]
    public async Task CareerOneStop_Logs_NeverCarryUserIdOrToken()
    {
        var stub = StubHandler.Json(_ => """{"OccupationList":[],"RecordCount":0}""");
        var services = WebClients.Services();
        services.AddCareerOneStop(stub, o =>
        {
            o.UserId = "secret-user-42";
            o.ApiToken = "secret-token-42";
        });
        await using var provider = services.BuildServiceProvider();

        await foreach (var _ in provider.GetRequiredService<LaborMarket.Onet.CareerOneStop.CareerOneStopClient>().SearchAsync("nurse"))
        {
        }

        var lines = provider.GetFakeLogCollector().GetSnapshot().Select(HttpFaults.Describe).ToList();
        Assert.Contains(lines, l => l.Contains("/v1/occupation/***/nurse/N/0/50", StringComparison.Ordinal));
        Assert.DoesNotContain(lines, l => l.Contains("secret", StringComparison.Ordinal));
    }
}
