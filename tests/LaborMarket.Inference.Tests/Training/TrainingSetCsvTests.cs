using System.Text;
using LaborMarket.Inference.Training;

namespace LaborMarket.Inference.Tests.Training;

/// <summary>
/// Training CSV through the Core reader: line ends, BOM, quoted line breaks, refused numbers, and a seeded
/// hostile-input suite over a slice of a real training file (<c>LABORMARKET_FUZZ_LONG=1</c> for ten times more).
/// </summary>
public class TrainingSetCsvTests
{
    private static TrainingSet Read(byte[] bytes)
    {
        var path = Path.Combine(Directory.CreateTempSubdirectory().FullName, "train.csv");
        File.WriteAllBytes(path, bytes);
        try
        {
            return TrainingSet.ReadCsvAsync(path, "salary").GetAwaiter().GetResult();
        }
        finally
        {
            File.Delete(path);
        }
    }

    private static byte[] Slice() => FileMutations.Head(TestData.FixturePath("lightgbm/regression_l2/train.csv"), 200);

    [DataFact]
    public void ReadCsv_CrOnlyCrLfAndBom_ReadTheSameRows()
    {
        var slice = Slice();
        var text = Encoding.UTF8.GetString(slice);

        var lf = Read(slice);

        Assert.Equal(199, lf.RowCount);
        foreach (var variant in new[] { text.Replace("\n", "\r", StringComparison.Ordinal), text.Replace("\n", "\r\n", StringComparison.Ordinal) })
        {
            var other = Read(Encoding.UTF8.GetBytes(variant));
            Assert.Equal(lf.Labels, other.Labels);
            Assert.Equal(lf.FeatureNames, other.FeatureNames);
        }

        Assert.Equal(lf.FeatureNames, Read([.. Encoding.UTF8.GetPreamble(), .. slice]).FeatureNames);
    }

    [Fact]
    public void ReadCsv_QuotedHeaderWithLineBreak_IsOneColumn()
    {
        var set = Read(Encoding.UTF8.GetBytes("salary,\"years\nof service\"\n100,2\n"));

        Assert.Equal(["years\nof service"], set.FeatureNames);
        Assert.Equal([100.0], set.Labels);
    }

    [Theory]
    [InlineData("1e-400")]
    [InlineData("1e400")]
    [InlineData("12x")]
    public void ReadCsv_NumberThatWouldBeRounded_IsRefusedWithLineAndColumn(string value)
    {
        var ex = Assert.Throws<LaborMarket.LaborMarketFormatException>(() => Read(Encoding.UTF8.GetBytes($"salary,x\n100,1\n200,{value}\n")));

        Assert.Equal((3L, "x"), (ex.LineNumber, ex.Field));
    }

    [DataFact]
    public void Fuzz_TruncatedChangedAndEdited_OnlyTypedErrorsAndNoSilentChange()
    {
        var slice = Slice();
        var expected = Read(slice);
        foreach (var (name, bytes) in FileMutations.Truncations(slice, seed: 31, FileMutations.Cases(25)))
        {
            var set = FileMutations.Run<TrainingSet, LaborMarket.LaborMarketFormatException>(name, () => Read(bytes));
            if (set is { RowCount: > 0 })
            {
                Assert.Equal(expected.Labels.Take(set.RowCount - 1), set.Labels.Take(set.RowCount - 1)); // only the last row may differ
            }
        }

        foreach (var (name, bytes) in FileMutations.ByteFlips(slice, seed: 32, FileMutations.Cases(40)))
        {
            FileMutations.Run<TrainingSet, LaborMarket.LaborMarketFormatException>(name, () => Read(bytes));
        }

        var seed = 33;
        var columns = Enumerable.Range(0, expected.FeatureCount + 1).ToArray();
        foreach (var value in new[] { "1e-400", "1e400", "12x", "1.2.3", "0x1F", "--" })
        {
            var (bytes, line, _) = FileMutations.EditField(slice, seed++, value, columns);

            var ex = Assert.Throws<LaborMarket.LaborMarketFormatException>(() => Read(bytes));

            Assert.Equal(line, ex.LineNumber);
        }
    }
}
