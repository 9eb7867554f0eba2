using LaborMarket.Inference.Trees;

namespace LaborMarket.Inference.Tests.Trees;

public class LightGbmModelLoadTests
{
    private static string Model() => File.ReadAllText(new LightGbmFixture("regression_categorical").ModelPath);

    [DataFact("fixtures/lightgbm")]
    public void Parse_TruncatedModel_SaysTruncated()
    {
        var text = Model();
        var cut = text[..(text.Length / 2)];

        var ex = Assert.Throws<LaborMarketFormatException>(() => LightGbmModel.Parse(new StringReader(cut), "cut.txt"));

        Assert.Equal("cut.txt", ex.FileName);
        Assert.Contains("truncated", ex.Message, StringComparison.Ordinal);
    }

    [DataFact("fixtures/lightgbm")]
    public void Parse_BadLeafValue_NamesLineAndField()
    {
        var lines = Model().Split('\n');
        var i = Array.FindIndex(lines, l => l.StartsWith("leaf_value=", StringComparison.Ordinal));
        lines[i] = "leaf_value=12.5 abc " + lines[i]["leaf_value=".Length..];

        var ex = Assert.Throws<LaborMarketFormatException>(() => LightGbmModel.Parse(new StringReader(string.Join('\n', lines)), "bad.txt"));

        Assert.Equal(i + 1, ex.LineNumber);
        Assert.Equal("leaf_value", ex.Field);
    }

    [DataFact("fixtures/lightgbm")]
    public void Parse_ChildrenThatLoop_AreRejected()
    {
        // Node 3's left child becomes the root: a walk would never reach a leaf.
        var lines = Model().Split('\n');
        var i = Array.FindIndex(lines, l => l.StartsWith("left_child=", StringComparison.Ordinal));
        var children = lines[i]["left_child=".Length..].Split(' ');
        children[3] = "0";
        lines[i] = "left_child=" + string.Join(' ', children);

        var ex = Assert.Throws<LaborMarketFormatException>(() => LightGbmModel.Parse(new StringReader(string.Join('\n', lines)), "loop.txt"));

        Assert.Equal(i + 1, ex.LineNumber);
        Assert.Contains("do not form a tree", ex.Message, StringComparison.Ordinal);
    }

    [DataFact("fixtures/lightgbm")]
    public void Parse_UnknownObjective_NamesIt()
    {
        var text = Model().Replace("objective=regression", "objective=my_custom_loss", StringComparison.Ordinal);

        var ex = Assert.Throws<NotSupportedException>(() => LightGbmModel.Parse(new StringReader(text)));

        Assert.Contains("my_custom_loss", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_NotAModel_SaysSo()
    {
        var ex = Assert.Throws<LaborMarketFormatException>(() => LightGbmModel.Parse(new StringReader("hello\nworld\n"), "notes.txt"));

        Assert.Equal(1, ex.LineNumber);
    }

    [DataFact("fixtures/lightgbm")]
    public void MapColumns_MissingFeature_ListsIt()
    {
        var model = LightGbmModel.Load(new LightGbmFixture("binary").ModelPath);

        var ex = Assert.Throws<ArgumentException>(() => model.MapColumns(["role_id", "seniority"]));

        Assert.Contains("archetype_frequency", ex.Message, StringComparison.Ordinal);
    }

    [DataFact("fixtures/lightgbm")]
    public void Predict_ShortRow_IsRejected()
    {
        var model = LightGbmModel.Load(new LightGbmFixture("binary").ModelPath);

        Assert.Throws<ArgumentException>(() => model.Predict(new double[2]));
        Assert.Throws<InvalidOperationException>(() => LightGbmModel.Load(new LightGbmFixture("multiclass").ModelPath).Predict(new double[5]));
    }
}
