using LaborMarket.Onet.Customization;
using LaborMarket.Onet.FeaturedRoles;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace LaborMarket.Onet.Tests.FeaturedRoles;

public class FeaturedRolesServiceCollectionExtensionsTests
{
    private static string NewDatabase() => Path.Combine(Directory.CreateTempSubdirectory("lm-roles-di-").FullName, "roles.db");

    [Fact]
    public async Task AddLaborMarketFeaturedRoles_CalledTwice_OneStoreOnTheRegisteredClock()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 5, 1, 8, 0, 0, TimeSpan.Zero));
        var services = new ServiceCollection().AddSingleton<TimeProvider>(time);
        var path = NewDatabase();
        services.AddLaborMarketFeaturedRoles(o => o.DatabasePath = path);
        services.AddLaborMarketFeaturedRoles(o => o.DatabasePath = path);
        await using var provider = services.BuildServiceProvider();

        var store = provider.GetRequiredService<FeaturedRoleStore>();
        await store.AddAsync(new FeaturedRole { Id = "a", Employer = "Acme", Title = "Developer", Code = OnetSocCode.Parse("15-1252") }, "ana");

        Assert.Single(services, d => d.ServiceType == typeof(FeaturedRoleStore));
        Assert.Same(store, provider.GetRequiredService<FeaturedRoleStore>());
        Assert.NotNull(provider.GetRequiredService<FeaturedRoleSocSuggester>());
        Assert.Equal(time.GetUtcNow(), (await store.GetHistoryAsync("a")).Single().Time);
    }

    [Fact]
    public void AddLaborMarketFeaturedRoles_NoClockRegistered_UsesSystemClock()
    {
        var services = new ServiceCollection();
        services.AddLaborMarketFeaturedRoles(o => o.DatabasePath = NewDatabase());
        using var provider = services.BuildServiceProvider();

        Assert.Same(TimeProvider.System, provider.GetRequiredService<TimeProvider>());
    }

    [Theory]
    [InlineData(null, 5)]
    [InlineData("", 5)]
    [InlineData("roles.db", 0)]
    public void AddLaborMarketFeaturedRoles_BadOptions_FailValidation(string? path, int busySeconds)
    {
        var services = new ServiceCollection();
        services.AddLaborMarketFeaturedRoles(o =>
        {
            o.DatabasePath = path;
            o.BusyTimeout = TimeSpan.FromSeconds(busySeconds);
        });
        using var provider = services.BuildServiceProvider();

        Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<FeaturedRoleStore>());
    }

    [Fact]
    public void AddLaborMarketFeaturedRoles_PathIsAFolder_FailsValidation()
    {
        var services = new ServiceCollection();
        services.AddLaborMarketFeaturedRoles(o => o.DatabasePath = Directory.CreateTempSubdirectory("lm-roles-dir-").FullName);
        using var provider = services.BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<FeaturedRoleStoreOptions>>().Value);
        Assert.Contains("is a folder", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AddLaborMarketFeaturedRoles_NoPath_FailsWhenTheHostStarts()
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Services.AddLaborMarketFeaturedRoles(_ => { });
        using var host = builder.Build();

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());
        Assert.Contains(error.Failures, f => f.Contains("DatabasePath", StringComparison.Ordinal));
    }

    [DataFact]
    public async Task AddLaborMarketFeaturedRoles_WithOnetDatabase_InheritsItsContent()
    {
        var services = new ServiceCollection();
        services.AddOnetDatabase(o => o.DatabasePath = TestData.DataPath("onet/db_27_0_text"));
        services.AddLaborMarketFeaturedRoles(o => o.DatabasePath = NewDatabase());
        await using var provider = services.BuildServiceProvider();
        var store = provider.GetRequiredService<FeaturedRoleStore>();
        await store.AddAsync(new FeaturedRole { Id = "rn", Employer = "Mercy", Title = "Staff Nurse", Code = OnetSocCode.Parse("29-1141") }, "ana");

        var profile = (await store.GetProfileAsync("rn"))!;

        Assert.Equal("Registered Nurses", profile.Profile.Title);
        Assert.Contains(profile.Profile.Tools, t => t.Example.Contains("stethoscope", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task Store_WithoutContentSource_ExplainsWhatIsMissing()
    {
        var services = new ServiceCollection();
        services.AddLaborMarketFeaturedRoles(o => o.DatabasePath = NewDatabase());
        await using var provider = services.BuildServiceProvider();
        var store = provider.GetRequiredService<FeaturedRoleStore>();
        await store.AddAsync(new FeaturedRole { Id = "a", Employer = "Acme", Title = "Developer", Code = OnetSocCode.Parse("15-1252"), Overrides = new OccupationOverrides { JobZone = 4 } }, "ana");

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => store.GetProfileAsync("a"));
        Assert.Contains("content source", error.Message, StringComparison.Ordinal);
    }
}
