using LaborMarket.Bls;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace LaborMarket.Bls.Tests.DependencyInjection;

public class BlsServiceCollectionExtensionsTests
{
    [Fact]
    public void Register_Configure_BindsOptions()
    {
        var dir = Directory.CreateTempSubdirectory().FullName;
        using var provider = new ServiceCollection().AddLaborMarketBls(o => o.DataDirectory = dir).BuildServiceProvider();

        Assert.Equal(dir, provider.GetRequiredService<IOptions<WageDataOptions>>().Value.DataDirectory);
    }

    [Fact]
    public void Register_Configuration_BindsSection()
    {
        var dir = Directory.CreateTempSubdirectory().FullName;
        var config = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["LaborMarket:DataDirectory"] = dir })
            .Build();
        using var provider = new ServiceCollection().AddLaborMarketBls(config.GetSection("LaborMarket")).BuildServiceProvider();

        Assert.Equal(dir, provider.GetRequiredService<IOptions<WageDataOptions>>().Value.DataDirectory);
    }

    [Fact]
    public async Task Register_MissingPath_FailsWhenHostStarts()
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Services.AddLaborMarketBls(o => o.DataDirectory = Path.Combine(Path.GetTempPath(), "no-such-" + Guid.NewGuid()));
        using var host = builder.Build();

        var ex = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());
        Assert.Contains("DataDirectory", ex.Message, StringComparison.Ordinal);
    }

    [DataFact]
    public void Register_RealDataFolder_ResolvesOneLookup()
    {
        using var provider = new ServiceCollection().AddLaborMarketBls(o => o.DataDirectory = TestData.DataPath("")).BuildServiceProvider();

        var lookup = provider.GetRequiredService<LaborMarket.Bls.Fallback.WageLookup>();

        Assert.Same(lookup, provider.GetRequiredService<LaborMarket.Bls.Fallback.WageLookup>());
        Assert.Equal([2020, 2021, 2022, 2023, 2024, 2025], lookup.Index.Years);
        Assert.True(lookup.Crosswalk.CountyCount > 3000, $"{lookup.Crosswalk.CountyCount} counties");
    }

    [Fact]
    public void Register_NoDataFolder_SaysWhatToSet()
    {
        using var provider = new ServiceCollection().AddLaborMarketBls().BuildServiceProvider();

        var ex = Assert.Throws<InvalidOperationException>(() => provider.GetRequiredService<LaborMarket.Bls.Fallback.WageLookup>());
        Assert.Contains("DataDirectory", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Register_CalledTwice_RegistersValidatorOnce()
    {
        var services = new ServiceCollection().AddLaborMarketBls().AddLaborMarketBls();

        Assert.Single(services, d => d.ServiceType == typeof(IValidateOptions<WageDataOptions>));
    }
}
