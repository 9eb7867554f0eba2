using System.Text.Json;

namespace LaborMarket.Cli.Tests.Programs;

public class ProgramsCommandTests
{
    private static string Data => TestData.Path("data");

    [DataFact]
    public async Task Occupations_RegisteredNursing_ListsRegisteredNurses()
    {
        var (code, output, error) = await CliRunner.RunAsync("occupations", "--cip", "51.3801", "--data", Data);

        Assert.True(code == 0, error);
        Assert.StartsWith("51.3801 Registered Nursing/Registered Nurse", output, StringComparison.Ordinal);
        Assert.Matches(@"29-1141\s+crosswalk\s+\d+\s+0\.\d{3}\s+Registered Nurses \[29-1141\.00, 29-1141\.01", output);
    }

    [DataFact]
    public async Task Programs_RegisteredNurses_ListsRegisteredNursing_AndSaysWhichProfile()
    {
        var (code, output, error) = await CliRunner.RunAsync("programs", "--soc", "29-1141", "--data", Data, "--top", "3");

        Assert.True(code == 0, error);
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("29-1141 Registered Nurses", lines[0]);
        Assert.Equal("skill profile: O*NET Skills and Knowledge ratings", lines[1]);
        Assert.Equal(2 + 1 + 3, lines.Length); // heading, profile, column names, three programs
        Assert.Contains(lines, l => l.StartsWith("51.3801  crosswalk", StringComparison.Ordinal) && l.EndsWith("Registered Nursing/Registered Nurse", StringComparison.Ordinal));
    }

    [DataFact]
    public async Task Programs_Soc2010Code_IsMappedFirst_JsonToAFile()
    {
        var file = Path.Combine(Directory.CreateTempSubdirectory().FullName, "programs.json");

        var (code, output, error) = await CliRunner.RunAsync("programs", "--soc", "15-1132", "--data", Data, "--top", "50", "-f", "json", "-o", file);

        Assert.True(code == 0, error);
        Assert.Equal("", output);
        var json = JsonDocument.Parse(File.ReadAllText(file)).RootElement;
        Assert.Equal("15-1132", json.GetProperty("requested").GetString());
        Assert.Equal(["15-1252", "15-1253"], json.GetProperty("occupations").EnumerateArray().Select(o => o.GetProperty("soc").GetString()));
        Assert.Equal("technology_and_tools", json.GetProperty("source").GetString()); // O*NET 29.0 has no ratings for 15-1252.00
        var programs = json.GetProperty("programs").EnumerateArray().ToArray();
        Assert.Contains(programs, p => p.GetProperty("program").GetProperty("code").GetString() == "11.0701" && p.GetProperty("in_crosswalk").GetBoolean());
        Assert.All(programs, p => Assert.InRange(p.GetProperty("overlap").GetProperty("similarity").GetDouble(), 0, 1));
    }

    [DataFact]
    public async Task Occupations_Csv_HasAHeaderAndTheNursesRow()
    {
        var (code, output, error) = await CliRunner.RunAsync("occupations", "--cip", "51.3801", "--data", Data, "-f", "csv", "--top", "2");

        Assert.True(code == 0, error);
        var lines = output.ReplaceLineEndings("\n").Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("cip,soc,title,onet_codes,in_crosswalk,skills_in_common,similarity,profile_source", lines[0]);
        Assert.Equal(3, lines.Length);
        Assert.Contains(lines, l => l.StartsWith("51.3801,29-1141,Registered Nurses,29-1141.00 29-1141.01 29-1141.02 29-1141.03 29-1141.04,true,", StringComparison.Ordinal));
    }

    [DataFact]
    public async Task Programs_Csv_Soc2010Code_NamesTheSoc2018Codes()
    {
        var (code, output, error) = await CliRunner.RunAsync("programs", "--soc", "15-1132", "--data", Data, "-f", "csv", "--top", "1");

        Assert.True(code == 0, error);
        var lines = output.ReplaceLineEndings("\n").Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("soc,soc_2018,cip,title,in_crosswalk,skills_in_common,similarity,profile_source", lines[0]);
        Assert.StartsWith("15-1132,15-1252 15-1253,", lines[1], StringComparison.Ordinal);
        Assert.Equal(2, lines.Length);
    }

    [DataFact]
    public async Task Related_RegisteredNurses_ListsOnetRelatedOccupations_AsJson()
    {
        var (code, output, error) = await CliRunner.RunAsync("related", "29-1141", "--data", Data, "-f", "json", "--top", "5");

        Assert.True(code == 0, error);
        var related = JsonDocument.Parse(output).RootElement.EnumerateArray().ToArray();
        Assert.Equal(5, related.Length);
        Assert.Equal("29-1141.04", related[0].GetProperty("code").GetString());
        Assert.Equal("Clinical Nurse Specialists", related[0].GetProperty("title").GetString());
        Assert.Equal("Primary-Short", related[0].GetProperty("tier").GetString());
        Assert.Equal([1, 2, 3, 4, 5], related.Select(r => r.GetProperty("index").GetInt32()));
        Assert.Equal("29-1171.00", related[1].GetProperty("code").GetString());
    }

    [Theory]
    [InlineData("programs")]
    [InlineData("programs", "--soc", "29-1141", "--top", "0")]
    [InlineData("programs", "--soc", "29-1141", "--format", "xml")]
    [InlineData("occupations", "--cip", "51.3801", "--no-such")]
    [InlineData("related")]
    public async Task Command_BadCommandLine_IsAUsageError(params string[] args)
    {
        var (code, _, error) = await CliRunner.RunAsync(args);

        Assert.Equal(2, code);
        Assert.StartsWith("error: ", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Programs_MissingDataFolder_ExitsOneNamingIt()
    {
        var missing = Path.Combine(Path.GetTempPath(), "no-such-" + Guid.NewGuid());

        var (code, _, error) = await CliRunner.RunAsync("programs", "--soc", "29-1141", "--data", missing);

        Assert.Equal(1, code);
        Assert.Contains(missing, error, StringComparison.Ordinal);
    }

    [DataFact]
    public async Task Programs_MalformedCrosswalk_ExitsOneNamingFileAndLine()
    {
        var dir = Directory.CreateTempSubdirectory().FullName;
        File.WriteAllText(Path.Combine(dir, "CIP2020_SOC2018_Crosswalk.csv"),
            "CIP2020Code,CIP2020Title,SOC2018Code,SOC2018Title\n51.3801,Registered Nursing.,29-1141,Registered Nurses\n51.38X1,Broken.,29-1141,Registered Nurses\n");

        var (code, _, error) = await CliRunner.RunAsync("programs", "--soc", "29-1141", "--data", dir, "--onet-db", TestData.DataPath("onet/db_27_0_text"));

        Assert.Equal(1, code);
        Assert.Contains("CIP2020_SOC2018_Crosswalk.csv:3: field 'CIP2020Code'", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Occupations_NotACipCode_ExitsOne()
    {
        var (code, _, error) = await CliRunner.RunAsync("occupations", "--cip", "nursing", "--data", Path.GetTempPath());

        Assert.Equal(1, code);
        Assert.Contains("'nursing' is not a CIP code", error, StringComparison.Ordinal);
    }
}
