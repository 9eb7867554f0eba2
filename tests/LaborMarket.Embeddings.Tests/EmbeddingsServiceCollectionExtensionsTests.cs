using LaborMarket.Embeddings.Embedding;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace LaborMarket.Embeddings.Tests;

public class EmbeddingsServiceCollectionExtensionsTests
{
    [Fact]
    public async Task AddLaborMarketEmbeddings_BadOptions_FailOnStart()
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Services.AddLaborMarketEmbeddings(o =>
        {
            o.OnetDatabasePath = "/no/such/onet";
            o.Threads = -1;
        });
        using var host = builder.Build();

        var ex = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());
        Assert.Contains(ex.Failures, f => f.Contains("OnetDatabasePath", StringComparison.Ordinal));
        Assert.Contains(ex.Failures, f => f.Contains("Threads", StringComparison.Ordinal));
    }

    [Fact]
    public void AddLaborMarketEmbeddings_HostModelRegisteredFirst_IsKept()
    {
        var services = new ServiceCollection();
        services.AddSingleton<ITextEmbedder>(SharedModel.Embedder);
        services.AddLaborMarketEmbeddings();
        services.AddLaborMarketEmbeddings();
        using var provider = services.BuildServiceProvider();

        Assert.Same(SharedModel.Embedder, provider.GetRequiredService<ITextEmbedder>());
        Assert.Single(services, d => d.ServiceType == typeof(OnetSemanticServices));
        Assert.NotNull(provider.GetRequiredService<OnetSemanticServices>());
    }
}
