using System.Globalization;

namespace LaborMarket.Cli.Tests.Models;

public class ModelCommandTests
{
    [DataTheory("fixtures/lightgbm")]
    [InlineData("binary", "pred.txt")]
    [InlineData("binary", "pred_raw.txt", "--raw")]
    [InlineData("multiclass", "pred.txt")]
    [InlineData("regression_categorical", "pred_leaf.txt", "--leaf")]
    [InlineData("regression_categorical", "pred_contrib.txt", "--contrib")]
    public async Task Predict_Fixture_WritesLightGbmLayout(string fixture, string expectedFile, params string[] flags)
    {
        var folder = TestData.FixturePath("lightgbm/" + fixture);

        var (code, output, _) = await CliRunner.RunAsync(["model", "predict", "--model", Path.Combine(folder, "model.txt"), "--input", Path.Combine(folder, "test.csv"), .. flags]);

        Assert.Equal(0, code);
        var ours = output.TrimEnd('\n').Split('\n');
        var theirs = File.ReadAllLines(Path.Combine(folder, expectedFile));
        Assert.Equal(theirs.Length, ours.Length);
        for (var r = 0; r < theirs.Length; r++)
        {
            var a = theirs[r].Split('\t').Select(v => double.Parse(v, CultureInfo.InvariantCulture)).ToArray();
            var b = ours[r].Split('\t').Select(v => double.Parse(v, CultureInfo.InvariantCulture)).ToArray();
            Assert.Equal(a.Length, b.Length);
            for (var j = 0; j < a.Length; j++)
            {
                Assert.True(Math.Abs(a[j] - b[j]) <= Math.Max(1e-9 * Math.Abs(a[j]), 1e-12), $"row {r + 1} column {j + 1}: {a[j]:R} vs {b[j]:R}");
            }
        }
    }

    [DataFact("fixtures/lightgbm")]
    public async Task Predict_MissingFeatureColumn_ExitsOneNamingIt()
    {
        var input = Path.GetTempFileName();
        await File.WriteAllTextAsync(input, "role_id,seniority\n1,2\n");

        var (code, _, error) = await CliRunner.RunAsync("model", "predict", "--model", TestData.FixturePath("lightgbm/binary/model.txt"), "--input", input);

        Assert.Equal(1, code);
        Assert.Contains("archetype_frequency", error, StringComparison.Ordinal);
        Assert.Single(error.TrimEnd().Split('\n'));
    }

    [DataFact("fixtures/lightgbm")]
    public async Task Predict_BadCell_NamesLineAndFeature()
    {
        var input = Path.GetTempFileName();
        await File.WriteAllTextAsync(input, "archetype_frequency,company_archetype_count,role_id,seniority,title_similarity\n1,2,3,4,0.5\n1,2,x3,4,0.5\n");

        var (code, _, error) = await CliRunner.RunAsync("model", "predict", "--model", TestData.FixturePath("lightgbm/binary/model.txt"), "--input", input);

        Assert.Equal(1, code);
        Assert.Contains(":3: field 'role_id'", error, StringComparison.Ordinal);
    }
}
