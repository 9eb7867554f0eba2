using LaborMarket.Inference.Trees;

namespace LaborMarket.Inference.Tests.Trees;

/// <summary>
/// What LightGBM never writes is refused at load, naming the line and field: each case edits one line of a real
/// fixture model.
/// </summary>
public class LightGbmModelValidationTests
{
    // (fixture, key of the line to edit, which occurrence, edit of its values, field named in the error)
    public static TheoryData<string, string, int, string, string> Cases() => new()
    {
        { "regression_l2", "threshold", 0, "value 1 = nan", "threshold" },
        { "regression_l2", "threshold", 0, "value 1 = -inf", "threshold" },
        { "regression_l2", "threshold", 0, "value 1 = Infinity", "threshold" },
        { "regression_l2", "leaf_value", 3, "value 2 = inf", "leaf_value" },
        { "regression_l2", "leaf_value", 3, "value 2 = nan", "leaf_value" },
        { "regression_l2", "decision_type", 1, "value 1 = 16", "decision_type" },
        { "regression_l2", "decision_type", 1, "value 1 = 12", "decision_type" },
        { "regression_l2", "decision_type", 1, "value 1 = -1", "decision_type" },
        { "regression_l2", "decision_type", 1, "value 1 = 1", "decision_type" },
        { "regression_l2", "split_feature", 2, "value 3 = 6", "split_feature" },
        { "regression_l2", "left_child", 2, "value 4 = 0", "left_child" },
        { "regression_l2", "right_child", 2, "value 2 = 1", "right_child" },
        { "regression_l2", "right_child", 2, "value 1 = -32", "right_child" },
        { "regression_l2", "leaf_count", 4, "value 1 = 7", "leaf_count" },
        { "regression_l2", "leaf_count", 4, "value 1 = -150", "leaf_count" },
        { "regression_l2", "internal_count", 4, "value 1 = 9999", "internal_count" },
        { "regression_l2", "num_leaves", 0, "value 1 = 0", "num_leaves" },
        { "regression_l2", "num_leaves", 0, "value 1 = 200000", "num_leaves" },
        { "regression_l2", "is_linear", 0, "value 1 = 2", "is_linear" },
        { "regression_l2", "max_feature_idx", 0, "value 1 = -1", "max_feature_idx" },
        { "regression_l2", "num_tree_per_iteration", 0, "value 1 = 2", "num_tree_per_iteration" },
        { "regression_l2", "num_class", 0, "value 1 = 0", "num_class" },
        { "regression_l2", "feature_infos", 0, "value 1 = [x:1]", "feature_infos" },
        { "regression_l2", "tree_sizes", 0, "value 1 = -3", "tree_sizes" },
        { "regression_l2", "version", 0, "value 1 = v9", "version" },
        { "binary", "objective", 0, "value 2 = sigmoid:nan", "objective" },
        { "binary", "objective", 0, "value 2 = sigmoid:0", "objective" },
        { "binary", "objective", 0, "value 2 = sqrt", "objective" },
        { "multiclass", "objective", 0, "value 2 = num_class:4", "objective" },
        { "regression_categorical", "cat_boundaries", 1, "value 11 = 16", "cat_boundaries" },
        { "regression_categorical", "cat_boundaries", 1, "value 2 = 0", "cat_boundaries" },
        { "regression_categorical", "threshold", 1, "value 1 = 10", "threshold" },
        { "regression_categorical", "threshold", 1, "value 1 = 0.5", "threshold" },
        { "regression_categorical", "num_cat", 1, "value 1 = 0", "decision_type" },
        { "linear_tree", "leaf_features", 3, "value 1 = 4", "leaf_features" },
        { "linear_tree", "leaf_coeff", 3, "value 1 = nan", "leaf_coeff" },
        { "linear_tree", "num_features", 3, "value 1 = 4", "leaf_features" },
        { "linear_tree", "num_features", 3, "value 1 = 9", "num_features" },
    };

    [DataTheory("fixtures/lightgbm")]
    [MemberData(nameof(Cases))]
    public void Parse_ValueLightGbmNeverWrites_IsRefusedNamingLineAndField(string fixture, string key, int occurrence, string edit, string field)
    {
        var lines = File.ReadAllText(new LightGbmFixture(fixture).ModelPath).Split('\n');
        var at = Enumerable.Range(0, lines.Length).Where(i => lines[i].StartsWith(key + "=", StringComparison.Ordinal)).ElementAt(occurrence);
        var parts = edit.Split(' ');
        var values = lines[at][(key.Length + 1)..].Split(' ');
        values[int.Parse(parts[1], System.Globalization.CultureInfo.InvariantCulture) - 1] = parts[3];
        lines[at] = key + "=" + string.Join(' ', values);

        var ex = Assert.Throws<LaborMarketFormatException>(() => LightGbmModel.Parse(new StringReader(string.Join('\n', lines)), "edited.txt"));

        Assert.Equal("edited.txt", ex.FileName);
        Assert.True(field == ex.Field, ex.Message);
        Assert.InRange(ex.LineNumber, 1, lines.Length);
    }

    [DataFact("fixtures/lightgbm")]
    public void Parse_EditedLineNumber_IsTheEditedLine()
    {
        var lines = File.ReadAllText(new LightGbmFixture("regression_categorical").ModelPath).Split('\n');
        var at = Array.FindLastIndex(lines, l => l.StartsWith("cat_threshold=", StringComparison.Ordinal));
        lines[at] = "cat_threshold=1";

        var ex = Assert.Throws<LaborMarketFormatException>(() => LightGbmModel.Parse(new StringReader(string.Join('\n', lines)), "cut.txt"));

        // The boundaries reach past the one word left: the boundaries' line, just above, is named.
        Assert.Equal("cat_boundaries", ex.Field);
        Assert.Equal(at, ex.LineNumber);
    }

    [DataFact("fixtures/lightgbm")]
    public void Parse_DuplicateKeyInTree_IsRefused()
    {
        var lines = File.ReadAllText(new LightGbmFixture("regression_l2").ModelPath).Split('\n').ToList();
        var at = lines.FindIndex(l => l.StartsWith("leaf_value=", StringComparison.Ordinal));
        lines.Insert(at + 1, lines[at].Replace("leaf_value=", "leaf_value=1 ", StringComparison.Ordinal)[..(lines[at].Length + 2)]);

        var ex = Assert.Throws<LaborMarketFormatException>(() => LightGbmModel.Parse(new StringReader(string.Join('\n', lines)), "twice.txt"));

        Assert.Equal("leaf_value", ex.Field);
        Assert.Equal(at + 2, ex.LineNumber);
        Assert.Contains("twice", ex.Message, StringComparison.Ordinal);
    }

    [DataFact("fixtures/lightgbm")]
    public void Parse_DuplicateHeaderKey_IsRefused()
    {
        var text = File.ReadAllText(new LightGbmFixture("binary").ModelPath).Replace("num_class=1\n", "num_class=1\nnum_class=2\n", StringComparison.Ordinal);

        var ex = Assert.Throws<LaborMarketFormatException>(() => LightGbmModel.Parse(new StringReader(text), "twice.txt"));

        Assert.Equal("num_class", ex.Field);
        Assert.Equal(4, ex.LineNumber);
    }

    [DataFact("fixtures/lightgbm")]
    public void Parse_TreesOutOfOrder_IsRefused()
    {
        var text = File.ReadAllText(new LightGbmFixture("poisson").ModelPath).Replace("Tree=3\n", "Tree=7\n", StringComparison.Ordinal);

        var ex = Assert.Throws<LaborMarketFormatException>(() => LightGbmModel.Parse(new StringReader(text)));

        Assert.Equal("Tree", ex.Field);
    }

    [DataFact("fixtures/lightgbm")]
    public void Parse_InfiniteThresholdOfNaNSplit_LoadsAsLightGbmWritesIt()
    {
        // LightGBM writes 'inf' for a split that sends every number left and NaN right (decision_type 8).
        var text = File.ReadAllText(new LightGbmFixture("regression_categorical").ModelPath);
        Assert.Contains(" inf ", text, StringComparison.Ordinal);

        var model = LightGbmModel.Parse(new StringReader(text));

        Assert.Contains(model.Trees, t => t.Threshold.Any(double.IsPositiveInfinity));
    }

    [DataFact("fixtures/lightgbm")]
    public void Parse_LineLongerThanLimit_IsRefusedNamingTheLine()
    {
        var text = File.ReadAllText(new LightGbmFixture("regression_categorical").ModelPath);
        var options = new LightGbmModelOptions { MaxLineLength = 1000 };

        var ex = Assert.Throws<LaborMarketFormatException>(() => LightGbmModel.Parse(new StringReader(text), "model.txt", options));

        var first = Array.FindIndex(text.Split('\n'), l => l.Length > 1000) + 1;
        Assert.True(ex.LineNumber == first, ex.Message);
        Assert.Contains("MaxLineLength", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_HundredMegabyteLine_IsRefusedInBoundedMemory()
    {
        var before = GC.GetAllocatedBytesForCurrentThread();

        var ex = Assert.Throws<LaborMarketFormatException>(() =>
            LightGbmModel.Parse(new EndlessLineReader("tree\nversion=v4\nfeature_names=", 100_000_000), "huge.txt"));

        // The default limit is 16 Mi characters: the reader holds at most that much of the line, never the 100 M.
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.Equal(3, ex.LineNumber);
        Assert.True(allocated < 160L << 20, $"allocated {allocated:N0} bytes");
    }

    [Fact]
    public void Parse_OptionsOutOfRange_ThrowArgumentException()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => LightGbmModel.Parse(new StringReader("tree\n"), "m.txt", new LightGbmModelOptions { MaxTreeDepth = 0 }));
    }

    /// <summary>A text of a prefix then one line of <c>length</c> 'x' characters, made as it is read.</summary>
    private sealed class EndlessLineReader(string prefix, long length) : TextReader
    {
        private int _prefix;
        private long _left = length;

        public override int Read(char[] buffer, int index, int count)
        {
            var n = 0;
            while (n < count && _prefix < prefix.Length)
            {
                buffer[index + n++] = prefix[_prefix++];
            }

            var x = (int)Math.Min(count - n, _left);
            buffer.AsSpan(index + n, x).Fill('x');
            _left -= x;
            return n + x;
        }
    }
}
