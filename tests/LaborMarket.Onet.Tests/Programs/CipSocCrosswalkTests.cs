using System.IO.Compression;
using System.Text;
using System.Text.RegularExpressions;
using LaborMarket.Onet.Programs;

namespace LaborMarket.Onet.Tests.Programs;

public class CipSocCrosswalkTests
{
    private static CipSocCrosswalk Crosswalk => ProgramsData.Crosswalk;

    [DataFact]
    public void OccupationsFor_RegisteredNursing_ListsRegisteredNursesAndNursingInstructors()
    {
        var occupations = Crosswalk.OccupationsFor(CipCode.Parse("51.3801"));

        Assert.Equal(["25-1072", "29-1141"], occupations.Select(o => o.Soc.ToString()));
        var nurses = occupations.Single(o => o.Soc == SocCode.Parse("29-1141"));
        Assert.Equal("Registered Nurses", nurses.Title);
    }

    [DataFact]
    public void ProgramsFor_RegisteredNurses_ListsRegisteredNursingWithTitleAndDefinition()
    {
        var programs = Crosswalk.ProgramsFor(SocCode.Parse("29-1141"));

        var nursing = Assert.Single(programs, p => p.Code == CipCode.Parse("51.3801"));
        Assert.Equal("Registered Nursing/Registered Nurse", nursing.Title);
        Assert.StartsWith("A program that generally prepares individuals in the knowledge, techniques and procedures for promoting health", nursing.Definition, StringComparison.Ordinal);
        Assert.Equal(21, programs.Count); // the crosswalk's 21 rows for 29-1141
        Assert.Equal(programs.OrderBy(p => p.Code), programs);
    }

    [DataFact]
    public void Load_NoMatchRows_AreKeptOutOfAnswersButReported()
    {
        Assert.Equal(5_723, Crosswalk.PairCount);
        Assert.Equal(194, Crosswalk.Unmatched.Programs.Count);
        Assert.Equal(180, Crosswalk.Unmatched.Occupations.Count);
        Assert.Equal(1_948, Crosswalk.Programs.Count());
        Assert.Equal(687, Crosswalk.Occupations.Count());

        Assert.DoesNotContain(Crosswalk.Occupations, s => s.ToString() == "99-9999");
        Assert.DoesNotContain(Crosswalk.Programs, c => c.ToString() == "99.9999");
        foreach (var program in Crosswalk.Unmatched.Programs)
        {
            Assert.Empty(Crosswalk.OccupationsFor(program.Code));
            Assert.NotEqual("NO MATCH", program.Title);
        }

        foreach (var occupation in Crosswalk.Unmatched.Occupations)
        {
            Assert.Empty(Crosswalk.ProgramsFor(occupation.Soc));
            Assert.Null(Crosswalk.FindOccupation(occupation.Soc));
        }
    }

    [DataFact]
    public void OccupationsFor_SocWithSeveralOnetOccupations_ExpandsToEach()
    {
        var nurses = Crosswalk.FindOccupation(SocCode.Parse("29-1141"))!;
        Assert.Equal(["29-1141.00", "29-1141.01", "29-1141.02", "29-1141.03", "29-1141.04"], nurses.OnetOccupations.Select(o => o.Code.ToString()));
        Assert.Equal("Acute Care Nurses", nurses.OnetOccupations[1].Title);

        var computing = Crosswalk.OccupationsFor(CipCode.Parse("11.0101")).SingleOrDefault(o => o.Soc == SocCode.Parse("15-1299"));
        Assert.NotNull(computing);
        Assert.Equal(10, computing.OnetOccupations.Count); // 15-1299.00 to .09
        Assert.Contains(computing.OnetOccupations, o => o.Code.ToString() == "15-1299.08" && o.Title == "Computer Systems Engineers/Architects");
    }

    [DataFact]
    public void ProgramsFor_Soc2010SplitCode_IsMappedTo2018First()
    {
        // 15-1132 Software Developers, Applications (SOC 2010) became 15-1252 and 15-1253.
        var old = SocCode.Parse("15-1132");
        var expected = Crosswalk.ProgramsFor(SocCode.Parse("15-1252")).Concat(Crosswalk.ProgramsFor(SocCode.Parse("15-1253")))
            .Select(p => p.Code).Distinct().Order().ToArray();

        Assert.Equal(["15-1252", "15-1253"], Crosswalk.ToSoc2018(old).Select(s => s.ToString()));
        Assert.Equal(expected, Crosswalk.ProgramsFor(old).Select(p => p.Code));
        Assert.Contains(Crosswalk.ProgramsFor(old), p => p.Code == CipCode.Parse("11.0701"));

        // A 2010 code that SOC 2018 kept answers for itself only.
        Assert.Equal(["29-1141"], Crosswalk.ToSoc2018(SocCode.Parse("29-1141")).Select(s => s.ToString()));
    }

    [DataFact]
    public void ProgramCounts_EveryOccupation_MatchesItsProgramList()
    {
        var counts = Crosswalk.ProgramCounts();

        Assert.Equal(687, counts.Count);
        Assert.Equal(21, counts[SocCode.Parse("29-1141")]);
        Assert.Equal(Crosswalk.PairCount, counts.Values.Sum()); // the file has no duplicate rows
        foreach (var soc in Crosswalk.Occupations)
        {
            Assert.Equal(Crosswalk.ProgramsFor(soc).Count, counts[soc]);
        }
    }

    [DataFact]
    public void Load_Xlsx_AnswersExactlyAsTheCsv()
    {
        var xlsx = CipSocCrosswalk.Load(ProgramsData.XlsxPath, ProgramsData.CipCodesPath, ProgramsData.Onet);

        Assert.Equal(Crosswalk.PairCount, xlsx.PairCount);
        Assert.Equal(Crosswalk.Programs, xlsx.Programs);
        Assert.Equal(Crosswalk.Occupations, xlsx.Occupations);
        Assert.Equal(Describe(Crosswalk.Unmatched.Programs), Describe(xlsx.Unmatched.Programs));
        Assert.Equal(Describe(Crosswalk.Unmatched.Occupations), Describe(xlsx.Unmatched.Occupations));
        foreach (var cip in Crosswalk.Programs)
        {
            Assert.Equal(Describe(Crosswalk.OccupationsFor(cip)), Describe(xlsx.OccupationsFor(cip)));
            Assert.Equal(Crosswalk.FindProgram(cip), xlsx.FindProgram(cip));
        }

        foreach (var soc in Crosswalk.Occupations)
        {
            Assert.Equal(Crosswalk.ProgramsFor(soc), xlsx.ProgramsFor(soc));
        }
    }

    [DataFact]
    public void Load_XlsxWithoutTheSheet_NamesTheFileAndItsSheets()
    {
        var path = EditedWorkbook("xl/workbook.xml", xml => xml.Replace("name=\"CIP-SOC\"", "name=\"Renamed\"", StringComparison.Ordinal));

        var ex = Assert.Throws<LaborMarketFormatException>(() => CipSocCrosswalk.Load(path));

        Assert.Equal(Path.GetFileName(path), ex.FileName);
        Assert.Contains("no worksheet named 'CIP-SOC'", ex.Message, StringComparison.Ordinal);
        Assert.Contains("Renamed", ex.Message, StringComparison.Ordinal);
    }

    [DataFact]
    public void Load_XlsxBadCipCell_NamesSheetRowAndColumn()
    {
        // Row 7's CIP cell replaced by an inline string that is not a CIP code.
        var path = EditedWorkbook("xl/worksheets/sheet2.xml", xml => Regex.Replace(xml, "<c r=\"A7\"[^>]*>.*?</c>", "<c r=\"A7\" t=\"inlineStr\"><is><t>5X.3801</t></is></c>"));

        var ex = Assert.Throws<LaborMarketFormatException>(() => CipSocCrosswalk.Load(path));

        Assert.Equal(Path.GetFileName(path) + " [CIP-SOC]", ex.FileName);
        Assert.Equal(7, ex.LineNumber);
        Assert.Equal("CIP2020Code", ex.Field);
        Assert.Contains("5X.3801", ex.Message, StringComparison.Ordinal);
    }

    [DataFact]
    public void Load_XlsxCutShort_IsATypedError()
    {
        var bytes = File.ReadAllBytes(ProgramsData.XlsxPath);
        var path = Path.Combine(Directory.CreateTempSubdirectory().FullName, "cut.xlsx");
        File.WriteAllBytes(path, bytes[..(bytes.Length / 2)]);

        var ex = Assert.Throws<LaborMarketFormatException>(() => CipSocCrosswalk.Load(path));
        Assert.Equal("cut.xlsx", ex.FileName);
    }

    [Fact]
    public void Load_CsvBadSocCode_NamesFileLineAndColumn_AndMissingColumnIsNamed()
    {
        var dir = Directory.CreateTempSubdirectory().FullName;
        var bad = Path.Combine(dir, "bad.csv");
        File.WriteAllText(bad, "CIP2020Code,CIP2020Title,SOC2018Code,SOC2018Title\n51.3801,Registered Nursing.,29-1141,Registered Nurses\n51.3801,Registered Nursing.,29-11,Nurses\n");
        var ex = Assert.Throws<LaborMarketFormatException>(() => CipSocCrosswalk.Load(bad));
        Assert.Equal(("bad.csv", 3L, "SOC2018Code"), (ex.FileName, ex.LineNumber, ex.Field));

        var header = Path.Combine(dir, "header.csv");
        File.WriteAllText(header, "CIP2020Code,CIP2020Title,SOC2018Title\n51.3801,Registered Nursing.,Registered Nurses\n");
        var missing = Assert.Throws<LaborMarketFormatException>(() => CipSocCrosswalk.Load(header));
        Assert.Contains("SOC2018Code", missing.Message, StringComparison.Ordinal);
    }

    private static string[] Describe(IEnumerable<CrosswalkOccupation> occupations) =>
        occupations.Select(o => $"{o.Soc} {o.Title} [{string.Join(",", o.OnetOccupations)}]").ToArray();

    private static string[] Describe(IEnumerable<CipProgram> programs) => programs.Select(p => p.ToString()).ToArray();

    // A copy of the real workbook with one part edited.
    private static string EditedWorkbook(string part, Func<string, string> edit)
    {
        var path = Path.Combine(Directory.CreateTempSubdirectory().FullName, "CIP2020_SOC2018_Crosswalk.xlsx");
        File.Copy(ProgramsData.XlsxPath, path);
        File.SetAttributes(path, FileAttributes.Normal);
        using (var zip = ZipFile.Open(path, ZipArchiveMode.Update))
        {
            var entry = zip.GetEntry(part)!;
            string text;
            using (var reader = new StreamReader(entry.Open(), Encoding.UTF8))
            {
                text = reader.ReadToEnd();
            }

            entry.Delete();
            using var writer = new StreamWriter(zip.CreateEntry(part).Open(), new UTF8Encoding(false));
            writer.Write(edit(text));
        }

        return path;
    }
}
