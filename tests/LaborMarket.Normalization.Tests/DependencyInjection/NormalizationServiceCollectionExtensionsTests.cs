using LaborMarket.Normalization.Titles;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace LaborMarket.Normalization.Tests.DependencyInjection;

public class NormalizationServiceCollectionExtensionsTests
{
    [Fact]
    public void Register_Configure_BindsOptions()
    {
        var dir = Directory.CreateTempSubdirectory().FullName;
        using var provider = new ServiceCollection().AddLaborMarketNormalization(o => o.OnetDatabasePath = dir).BuildServiceProvider();

        Assert.Equal(dir, provider.GetRequiredService<IOptions<TitleNormalizerOptions>>().Value.OnetDatabasePath);
    }

    [Fact]
    public void Register_Configuration_BindsSection()
    {
        var dir = Directory.CreateTempSubdirectory().FullName;
        var config = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["LaborMarket:OnetDatabasePath"] = dir })
            .Build();
        using var provider = new ServiceCollection().AddLaborMarketNormalization(config.GetSection("LaborMarket")).BuildServiceProvider();

        Assert.Equal(dir, provider.GetRequiredService<IOptions<TitleNormalizerOptions>>().Value.OnetDatabasePath);
    }

    [Fact]
    public async Task Register_MissingPath_FailsWhenHostStarts()
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Services.AddLaborMarketNormalization(o => o.OnetDatabasePath = Path.Combine(Path.GetTempPath(), "no-such-" + Guid.NewGuid()));
        using var host = builder.Build();

        var ex = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());
        Assert.Contains("OnetDatabasePath", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Register_Default_ResolvesOneNormalizerOverTheEmbeddedCatalog()
    {
        using var provider = new ServiceCollection().AddLaborMarketNormalization().BuildServiceProvider();

        var normalizer = provider.GetRequiredService<LaborMarket.Normalization.Titles.TitleNormalizer>();

        Assert.Same(normalizer, provider.GetRequiredService<LaborMarket.Normalization.Titles.TitleNormalizer>());
        Assert.False(normalizer.HasOnetDatabase);
        Assert.Equal("registered-nurse", normalizer.Normalize("RN").Role?.Id);
    }

    [Fact]
    public async Task Register_BadTopK_FailsWhenHostStarts()
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Services.AddLaborMarketNormalization(o => o.TopK = 0);
        using var host = builder.Build();

        var ex = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());
        Assert.Contains("TopK", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Register_NegativeCacheSize_FailsWhenHostStarts()
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Services.AddLaborMarketNormalization(o => o.CacheSize = -1);
        using var host = builder.Build();

        var ex = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());
        Assert.Contains("CacheSize", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Register_CalledTwice_RegistersValidatorOnce()
    {
        var services = new ServiceCollection().AddLaborMarketNormalization().AddLaborMarketNormalization();

        Assert.Single(services, d => d.ServiceType == typeof(IValidateOptions<TitleNormalizerOptions>));
    }
}
