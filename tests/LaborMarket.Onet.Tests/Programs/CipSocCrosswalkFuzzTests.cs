using LaborMarket.Onet.Programs;

namespace LaborMarket.Onet.Tests.Programs;

/// <summary>Hostile copies of the real crosswalk files: only typed errors, bounded time and memory, nothing silently changed.</summary>
public class CipSocCrosswalkFuzzTests
{
    private static bool Typed(Exception ex) => ex is LaborMarketFormatException;

    [DataFact]
    public void Fuzz_Csv_TruncatedChangedAndEdited_OnlyTypedErrorsAndNoSilentChange()
    {
        var slice = FileMutations.Head(ProgramsData.CsvPath, 300);
        var expected = Pairs(Load(slice, ".csv"));

        foreach (var (name, bytes) in FileMutations.Truncations(slice, seed: 31, FileMutations.Cases(20)))
        {
            if (FileMutations.Run(name, () => Load(bytes, ".csv"), Typed) is { } crosswalk)
            {
                var pairs = Pairs(crosswalk);
                Assert.True(pairs.Length <= expected.Length, name);
                Assert.Equal(expected.Take(Math.Max(0, pairs.Length - 1)), pairs.Take(Math.Max(0, pairs.Length - 1))); // only the cut row may differ
            }
        }

        foreach (var (name, bytes) in FileMutations.ByteFlips(slice, seed: 32, FileMutations.Cases(30)))
        {
            FileMutations.Run(name, () => Load(bytes, ".csv"), Typed);
        }

        var seed = 33;
        foreach (var value in FileMutations.RefusedValues)
        {
            var (bytes, line, field) = FileMutations.EditField(slice, seed++, value, [0, 2]);
            var ex = Assert.Throws<LaborMarketFormatException>(() => Load(bytes, ".csv"));
            Assert.Equal((line, field == 0 ? "CIP2020Code" : "SOC2018Code"), (ex.LineNumber, ex.Field));
        }

        var misspelt = Assert.Throws<LaborMarketFormatException>(() => Load(FileMutations.MisspellHeader(slice, 2), ".csv"));
        Assert.Contains("SOC2018Code", misspelt.Message, StringComparison.Ordinal);
    }

    [DataFact]
    public void Fuzz_Xlsx_TruncatedAndChanged_OnlyTypedErrors()
    {
        var workbook = File.ReadAllBytes(ProgramsData.XlsxPath);

        foreach (var (name, bytes) in FileMutations.Truncations(workbook, seed: 41, FileMutations.Cases(8)))
        {
            Assert.Null(FileMutations.Run(name, () => Load(bytes, ".xlsx"), Typed)); // a cut zip has no central directory
        }

        foreach (var (name, bytes) in FileMutations.ByteFlips(workbook, seed: 42, FileMutations.Cases(12)))
        {
            FileMutations.Run(name, () => Load(bytes, ".xlsx"), Typed);
        }
    }

    private static CipSocCrosswalk Load(byte[] bytes, string extension)
    {
        var path = Path.Combine(Directory.CreateTempSubdirectory().FullName, "CIP2020_SOC2018_Crosswalk" + extension);
        File.WriteAllBytes(path, bytes);
        return CipSocCrosswalk.Load(path);
    }

    private static string[] Pairs(CipSocCrosswalk crosswalk) =>
        crosswalk.Programs.SelectMany(cip => crosswalk.OccupationsFor(cip).Select(o => $"{cip} {o.Soc} {o.Title}")).ToArray();
}
