using LaborMarket.Inference;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace LaborMarket.Inference.Tests.DependencyInjection;

public class InferenceServiceCollectionExtensionsTests
{
    [Fact]
    public void Register_Configure_BindsOptions()
    {
        var dir = Directory.CreateTempSubdirectory().FullName;
        using var provider = new ServiceCollection().AddLaborMarketInference(o => o.RegistryPath = dir).BuildServiceProvider();

        Assert.Equal(dir, provider.GetRequiredService<IOptions<ModelRegistryOptions>>().Value.RegistryPath);
    }

    [Fact]
    public void Register_Configuration_BindsSection()
    {
        var dir = Directory.CreateTempSubdirectory().FullName;
        var config = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["LaborMarket:RegistryPath"] = dir })
            .Build();
        using var provider = new ServiceCollection().AddLaborMarketInference(config.GetSection("LaborMarket")).BuildServiceProvider();

        Assert.Equal(dir, provider.GetRequiredService<IOptions<ModelRegistryOptions>>().Value.RegistryPath);
    }

    [Fact]
    public async Task Register_MissingPath_FailsWhenHostStarts()
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Services.AddLaborMarketInference(o => o.RegistryPath = Path.Combine(Path.GetTempPath(), "no-such-" + Guid.NewGuid()));
        using var host = builder.Build();

        var ex = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());
        Assert.Contains("RegistryPath", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Register_CalledTwice_RegistersValidatorOnce()
    {
        var services = new ServiceCollection().AddLaborMarketInference().AddLaborMarketInference();

        Assert.Single(services, d => d.ServiceType == typeof(IValidateOptions<ModelRegistryOptions>));
    }
}
