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

public class WageDataSourcesTests
{
    [DataFact]
    public void SavedIndexAndCrosswalkFiles_AnswerTheSeedScenario()
    {
        var index = Path.Combine(Directory.CreateTempSubdirectory().FullName, "oews.lmwage");
        LaborMarket.Bls.Fallback.WageData.LoadDirectory(TestData.DataPath("oews")).Index.Save(index);
        var services = new Microsoft.Extensions.DependencyInjection.ServiceCollection();
        services.AddLaborMarketBls(o =>
        {
            o.IndexFile = index;
            o.Files.Add(TestData.DataPath("geo/county_cbsa_2023.csv"));
            o.Files.Add(TestData.DataPath("geo/oflc_geography_2020.csv"));
        });
        using var provider = Microsoft.Extensions.DependencyInjection.ServiceCollectionContainerBuilderExtensions.BuildServiceProvider(services);

        var lookup = Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.GetRequiredService<LaborMarket.Bls.Fallback.WageLookup>(provider);
        var answer = lookup.Find(LaborMarket.SocCode.Parse("29-1141"),
            LaborMarket.Bls.Fallback.WageLocation.ForCounty(LaborMarket.CountyFips.Parse("12103")));

        Assert.Equal("45300", answer.Area?.ToString());
    }

    [Fact]
    public void MissingFiles_AreEachNamed()
    {
        var result = new LaborMarket.Bls.WageDataOptionsValidator().Validate(null, new LaborMarket.Bls.WageDataOptions { IndexFile = "/no/such.lmwage", Files = { "/no/a.csv" } });

        Assert.True(result.Failed);
        Assert.Contains("/no/such.lmwage", result.FailureMessage, StringComparison.Ordinal);
        Assert.Contains("/no/a.csv", result.FailureMessage, StringComparison.Ordinal);
    }
}
