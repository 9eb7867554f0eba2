using LaborMarket.Inference.Registry;
using LaborMarket.Inference.Training;
using Microsoft.Extensions.DependencyInjection;

namespace LaborMarket.Inference.Tests.Registry;

public class ModelRegistryTests
{
    private static string TrainedText(int iterations)
    {
        var rows = Enumerable.Range(0, 200).Select(i => new[] { i % 17 * 1.0, i % 5 * 1.0 }).ToList();
        var set = TrainingSet.FromRows(["a", "b"], rows, rows.Select(r => (r[0] * 2) + r[1]).ToList());
        return GbdtTrainer.Train(set, new GbdtParameters { NumIterations = iterations, MinDataInLeaf = 5 }).ModelText;
    }

    [Fact]
    public void SaveTwice_LoadLatestOrNamed_WithMetricsAndFeatures()
    {
        var registry = new ModelRegistry(Directory.CreateTempSubdirectory().FullName);

        var v1 = registry.Save("salary-p50", TrainedText(3), new Dictionary<string, double> { ["mae"] = 20.5 }, """{ "objective": "regression" }""");
        var v2 = registry.Save("salary-p50", TrainedText(5), new Dictionary<string, double> { ["mae"] = 18.25 });
        var latest = registry.Load("salary-p50");
        var first = registry.Load("salary-p50", "1");

        Assert.Equal(("1", "2"), (v1, v2));
        Assert.Equal(["1", "2"], registry.Versions("salary-p50"));
        Assert.Equal(["salary-p50"], registry.Names);
        Assert.Equal(5, latest.Model.TreeCount);
        Assert.Equal(18.25, latest.Metrics["mae"]);
        Assert.Equal(3, first.Model.TreeCount);
        Assert.Equal(["a", "b"], first.Features);
        Assert.Contains("\"objective\": \"regression\"", first.Config, StringComparison.Ordinal);
        Assert.Same(latest, registry.Load("salary-p50"));
        foreach (var file in new[] { "model.txt", "config.json", "metrics.json", "features.json" })
        {
            Assert.True(File.Exists(Path.Combine(registry.Root, "salary-p50", "2", file)), file);
        }
    }

    [Theory]
    [InlineData("../outside")]
    [InlineData("..")]
    [InlineData("a/b")]
    [InlineData("a\\b")]
    [InlineData("/etc")]
    [InlineData("")]
    public void NamesThatLeaveTheRegistry_AreRefused(string name)
    {
        var registry = new ModelRegistry(Directory.CreateTempSubdirectory().FullName);

        Assert.Throws<ArgumentException>(() => registry.Save(name, TrainedText(1), new Dictionary<string, double>()));
        Assert.Throws<ArgumentException>(() => registry.Load(name));
        Assert.Throws<ArgumentException>(() => registry.Load("ok", "../1"));
    }

    [Fact]
    public void Load_UnknownModel_SaysSo()
    {
        var registry = new ModelRegistry(Directory.CreateTempSubdirectory().FullName);

        var ex = Assert.Throws<FileNotFoundException>(() => registry.Load("headcount"));
        Assert.Contains("'headcount'", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Di_RegistersOneRegistryOverTheConfiguredFolder()
    {
        var dir = Directory.CreateTempSubdirectory().FullName;
        using var provider = new ServiceCollection().AddLaborMarketInference(o => o.RegistryPath = dir).BuildServiceProvider();

        Assert.Equal(dir, provider.GetRequiredService<ModelRegistry>().Root);
        Assert.Same(provider.GetRequiredService<ModelRegistry>(), provider.GetRequiredService<ModelRegistry>());
    }
}
