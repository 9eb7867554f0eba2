using Microsoft.Extensions.Logging;
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

    [Fact]
    public async Task AddOnetFileCache_ResponsesSurviveANewProvider()
    {
        var dir = Directory.CreateTempSubdirectory().FullName;
        var stub = StubHandler.Json(LaborMarket.Onet.Tests.WebServices.OnetClientTests.RecordedOnet);
        async Task<int?> ZoneAsync()
        {
            var services = new ServiceCollection().AddOnetFileCache(dir);
            services.AddOnetClient(o => o.ApiKey = "k").ConfigurePrimaryHttpMessageHandler(() => stub);
            await using var provider = services.BuildServiceProvider();
            return await provider.GetRequiredService<LaborMarket.Onet.WebServices.OnetClient>().GetJobZoneAsync(LaborMarket.OnetSocCode.Parse("29-1141.00"));
        }

        Assert.Equal(4, await ZoneAsync());
        Assert.Equal(4, await ZoneAsync());
        Assert.Equal(1, stub.Count);
        Assert.Single(Directory.GetFiles(dir, "*.json"));
        Assert.DoesNotContain("k", Path.GetFileNameWithoutExtension(Directory.GetFiles(dir)[0]).Replace("k", "", StringComparison.Ordinal), StringComparison.Ordinal);
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
    private sealed class ListLogger(List<string> lines) : Microsoft.Extensions.Logging.ILoggerProvider, Microsoft.Extensions.Logging.ILogger
    {
        public Microsoft.Extensions.Logging.ILogger CreateLogger(string categoryName) => this;

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(Microsoft.Extensions.Logging.LogLevel logLevel) => true;

        public void Log<TState>(Microsoft.Extensions.Logging.LogLevel logLevel, Microsoft.Extensions.Logging.EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            lock (lines)
            {
                lines.Add(formatter(state, exception));
            }
        }

        public void Dispose()
        {
        }
    }

    [Fact]
    public async Task CareerOneStop_Logs_NeverCarryUserIdOrToken()
    {
        var lines = new List<string>();
        var stub = StubHandler.Json(_ => """{"OccupationList":[],"RecordCount":0}""");
        var services = new ServiceCollection();
        services.AddLogging(b => b.AddProvider(new ListLogger(lines)).SetMinimumLevel(Microsoft.Extensions.Logging.LogLevel.Trace));
        services.AddCareerOneStopClient(o =>
        {
            o.UserId = "secret-user-42";
            o.ApiToken = "secret-token-42";
        }).ConfigurePrimaryHttpMessageHandler(() => stub);
        await using var provider = services.BuildServiceProvider();

        await foreach (var _ in provider.GetRequiredService<LaborMarket.Onet.CareerOneStop.CareerOneStopClient>().SearchAsync("nurse"))
        {
        }

        Assert.Contains(lines, l => l.Contains("/v1/occupation/***/nurse/N/0/50", StringComparison.Ordinal));
        Assert.DoesNotContain(lines, l => l.Contains("secret", StringComparison.Ordinal));
    }
}
