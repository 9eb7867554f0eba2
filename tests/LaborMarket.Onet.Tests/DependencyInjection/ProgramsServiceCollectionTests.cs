using LaborMarket.Onet.Database;
using LaborMarket.Onet.Programs;
using LaborMarket.Onet.Skills;
using LaborMarket.Onet.Tests.Programs;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace LaborMarket.Onet.Tests.DependencyInjection;

public class ProgramsServiceCollectionTests
{
    [DataFact]
    public async Task AddLaborMarketPrograms_RealFiles_ResolvesTheServicesOverOneOnetDatabase()
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Services.AddLaborMarketPrograms(o =>
        {
            o.CrosswalkPath = ProgramsData.XlsxPath;
            o.CipCodesPath = ProgramsData.CipCodesPath;
            o.OnetDatabasePath = TestData.DataPath("onet/db_27_0_text");
            o.RatingsPath = ProgramsData.RatingsPath;
        });
        builder.Services.AddLaborMarketPrograms(o => o.MinimumSimilarity = 0.7); // a second call adds nothing but configuration
        using var host = builder.Build();
        await host.StartAsync();

        var ranking = host.Services.GetRequiredService<ProgramRanking>();
        Assert.Same(ranking, host.Services.GetRequiredService<ProgramRanking>());
        Assert.Single(host.Services.GetServices<ProgramRanking>());
        Assert.Equal(TestData.DataPath("onet/db_27_0_text"), host.Services.GetRequiredService<OnetDatabase>().Path);
        Assert.Equal(878, host.Services.GetRequiredService<OccupationSkills>().RatedOccupations);
        Assert.Contains(ranking.ProgramsFor(SocCode.Parse("29-1141")).Programs, p => p.Program.Code == CipCode.Parse("51.3801"));
        Assert.Equal(0.7, host.Services.GetRequiredService<IOptions<ProgramsOptions>>().Value.MinimumSimilarity);
        await host.StopAsync();
    }

    [Fact]
    public async Task AddLaborMarketPrograms_MissingCrosswalkFile_FailsWhenTheHostStarts_NamingIt()
    {
        var missing = Path.Combine(Path.GetTempPath(), "no-such-" + Guid.NewGuid() + ".xlsx");
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Services.AddLaborMarketPrograms(o =>
        {
            o.CrosswalkPath = missing;
            o.OnetDatabasePath = Directory.CreateTempSubdirectory().FullName;
        });
        using var host = builder.Build();

        var ex = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());
        Assert.Contains($"CrosswalkPath: the file '{missing}' does not exist", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AddLaborMarketPrograms_NothingSet_FailsNamingEachRequiredPath_AndBadNumbers()
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Services.AddLaborMarketPrograms(o =>
        {
            o.ImportanceThreshold = 7;
            o.MinimumSimilarity = double.NaN;
            o.RatingsPath = Path.Combine(Path.GetTempPath(), "no-such-" + Guid.NewGuid());
        });
        using var host = builder.Build();

        var ex = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());
        Assert.Contains("CrosswalkPath is not set", ex.Message, StringComparison.Ordinal);
        Assert.Contains("OnetDatabasePath is not set", ex.Message, StringComparison.Ordinal);
        Assert.Contains("RatingsPath", ex.Message, StringComparison.Ordinal);
        Assert.Contains("ImportanceThreshold", ex.Message, StringComparison.Ordinal);
        Assert.Contains("MinimumSimilarity", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AddLaborMarketPrograms_Configuration_BindsTheSection()
    {
        var onet = Directory.CreateTempSubdirectory().FullName;
        var crosswalk = Path.Combine(onet, "x.csv");
        File.WriteAllText(crosswalk, "");
        var config = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["LaborMarket:Programs:CrosswalkPath"] = crosswalk,
            ["LaborMarket:Programs:OnetDatabasePath"] = onet,
            ["LaborMarket:Programs:MinimumSimilarity"] = "0.8",
        }).Build();
        using var provider = new ServiceCollection().AddLaborMarketPrograms(config.GetSection("LaborMarket:Programs")).BuildServiceProvider();

        var options = provider.GetRequiredService<IOptions<ProgramsOptions>>().Value;
        Assert.Equal((crosswalk, onet, 0.8), (options.CrosswalkPath, options.OnetDatabasePath, options.MinimumSimilarity));
    }

    [Fact]
    public void AddLaborMarketPrograms_BesideAddOnetDatabase_UsesItsPath()
    {
        var first = Path.Combine(Path.GetTempPath(), "no-such-first-" + Guid.NewGuid());
        foreach (var services in new[]
        {
            new ServiceCollection().AddOnetDatabase(o => o.DatabasePath = first).AddLaborMarketPrograms(o => o.OnetDatabasePath = "second"),
            new ServiceCollection().AddLaborMarketPrograms(o => o.OnetDatabasePath = "second").AddOnetDatabase(o => o.DatabasePath = first),
        })
        {
            Assert.Single(services, d => d.ServiceType == typeof(OnetDatabase));
            using var provider = services.BuildServiceProvider();
            var ex = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<OnetDatabase>());
            Assert.Contains(first, ex.Message, StringComparison.Ordinal);
        }
    }
}
