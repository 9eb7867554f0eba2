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
