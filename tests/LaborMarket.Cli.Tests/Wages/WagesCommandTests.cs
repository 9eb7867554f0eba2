using System.Text.Json;

namespace LaborMarket.Cli.Tests.Wages;

public class WagesCommandTests
{
    [DataFact]
    public async Task Wages_NursesInPinellas_JsonNamesTampaMetroAndSteps()
    {
        var (code, output, _) = await CliRunner.RunAsync("wages", "--soc", "29-1141", "--county", "12103", "--data", TestData.DataPath(""));

        Assert.Equal(0, code);
        var json = JsonDocument.Parse(output).RootElement;
        Assert.Equal("29-1141", json.GetProperty("soc").GetString());
        Assert.Equal("45300", json.GetProperty("area").GetString());
        Assert.Equal("Tampa-St. Petersburg-Clearwater, FL", json.GetProperty("area_title").GetString());
        Assert.Equal("metro", json.GetProperty("area_level").GetString());
        Assert.Equal("detailed", json.GetProperty("soc_level").GetString());
        Assert.Equal(2024, json.GetProperty("year").GetInt32());
        Assert.True(Figure(json, "annual_p10") < Figure(json, "annual_median"));
        Assert.True(Figure(json, "annual_median") < Figure(json, "annual_p90"));
        Assert.True(Figure(json, "employment") > 1000);
        Assert.NotEmpty(json.GetProperty("steps").EnumerateArray());

        // The whole answer as the library serializes it (snake_case): figures, their sources and every step.
        Snapshot.Verify(System.Text.Json.Nodes.JsonNode.Parse(output));
    }

    [DataFact]
    public async Task Wages_SoftwareDevelopersByPlace_FallsBackToState()
    {
        var (code, output, _) = await CliRunner.RunAsync("wages", "--soc", "15-1252", "--place", "Pinellas County, FL", "--data", TestData.DataPath(""));

        Assert.Equal(0, code);
        var json = JsonDocument.Parse(output).RootElement;
        Assert.Equal("state", json.GetProperty("area_level").GetString());
        Assert.Equal("12", json.GetProperty("area").GetString());
        Assert.Contains(json.GetProperty("steps").EnumerateArray(), s => s.GetString()!.Contains("not published in metro 45300", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("--soc", "nope", "--state", "FL")]
    [InlineData("--soc", "29-1141", "--state", "Atlantis", "--data", ".")]
    [InlineData("--soc", "29-1141", "--data", "/no/such/folder")]
    [InlineData("--soc", "29-1141", "--county", "1210", "--data", ".")]
    [InlineData("--soc", "29-1141", "--county", "121030", "--data", ".")]
    [InlineData("--soc", "29-1141", "--county", "Pinellas", "--data", ".")]
    public async Task Wages_BadArguments_ExitOneWithOneLine(params string[] args)
    {
        var (code, _, error) = await CliRunner.RunAsync(["wages", .. args]);

        Assert.Equal(1, code);
        Assert.Single(error.TrimEnd().Split('\n'));
    }

    [Fact]
    public async Task Wages_FolderWithoutOewsFiles_ExitsOneNamingTheFolder()
    {
        var dir = Directory.CreateTempSubdirectory("wages-");
        try
        {
            await File.WriteAllTextAsync(Path.Combine(dir.FullName, "notes.csv"), "a,b\n1,2\n");

            var (code, output, error) = await CliRunner.RunAsync("wages", "--soc", "29-1141", "--data", dir.FullName);

            Assert.Equal(1, code);
            Assert.Equal("", output);
            Assert.Equal($"error: no OEWS wage file in folder '{dir.FullName}' (1 files; an OEWS file is a .csv, .csv.gz or .xlsx with OCC_CODE and AREA columns).", error.TrimEnd());
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    [DataFact]
    public async Task Wages_OewsFileCutShort_ExitsOneNamingTheFile()
    {
        var dir = Directory.CreateTempSubdirectory("wages-");
        try
        {
            var bytes = await File.ReadAllBytesAsync(TestData.DataPath("oews/nonmetro_M2025_extract.csv.gz"));
            await File.WriteAllBytesAsync(Path.Combine(dir.FullName, "nonmetro_M2025_extract.csv.gz"), bytes[..(bytes.Length / 2)]);

            var (code, output, error) = await CliRunner.RunAsync("wages", "--soc", "29-1141", "--data", dir.FullName);

            Assert.Equal(1, code);
            Assert.Equal("", output);
            Assert.Contains("nonmetro_M2025_extract.csv.gz", error, StringComparison.Ordinal);
            Assert.Single(error.TrimEnd().Split('\n'));
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    [DataFact]
    public async Task Wages_YearNotInTheData_ExitsOneListingTheYearsThere()
    {
        var (code, output, error) = await CliRunner.RunAsync("wages", "--soc", "29-1141", "--state", "FL", "--year", "2019", "--data", TestData.DataPath(""));

        Assert.Equal(1, code);
        Assert.Equal("", output);
        Assert.Equal($"error: --year 2019 is not in the OEWS data under '{TestData.DataPath("")}': it holds 2020, 2021, 2022, 2023, 2024, 2025.", error.TrimEnd());
    }

    [DataTheory]
    [InlineData("15-9999")]
    [InlineData("99-0000")]
    public async Task Wages_CodeThatIsNoOccupation_ExitsOne(string soc)
    {
        var (code, output, error) = await CliRunner.RunAsync("wages", "--soc", soc, "--data", TestData.DataPath(""));

        Assert.Equal(1, code);
        Assert.Equal("", output);
        Assert.Equal($"error: --soc {soc}: {soc} is not a SOC 2018 occupation or group, and no OEWS file holds it.", error.TrimEnd());
    }

    [DataFact]
    public async Task Wages_Soc2010Code_IsMappedAndSaysSo()
    {
        var (code, output, error) = await CliRunner.RunAsync("wages", "--soc", "15-1132", "--state", "FL", "--data", TestData.DataPath(""));

        Assert.True(code == 0, error);
        var json = JsonDocument.Parse(output).RootElement;
        Assert.Equal("15-1252", json.GetProperty("soc").GetString());
        Assert.Equal("found", json.GetProperty("outcome").GetString());
        Assert.Contains(json.GetProperty("steps").EnumerateArray(), s => s.GetString() == "15-1132 is a SOC 2010 code: using SOC 2018 15-1252");
    }

    [DataFact]
    public async Task Wages_RealOccupationPublishedNowhere_ExitsZeroWithTheSteps()
    {
        var (code, output, error) = await CliRunner.RunAsync("wages", "--soc", "55-1011", "--state", "FL", "--data", TestData.DataPath(""));

        Assert.True(code == 0, error);
        var json = JsonDocument.Parse(output).RootElement;
        Assert.Equal("not_published", json.GetProperty("outcome").GetString());
        Assert.Equal(JsonValueKind.Null, json.GetProperty("annual_median").ValueKind);
        var steps = json.GetProperty("steps").EnumerateArray().Select(s => s.GetString()).ToList();
        Assert.Contains("55-1011 not published in state 12 (Florida)", steps);
        Assert.Contains("55-1011 not published in the nation", steps);
    }

    [DataFact]
    public async Task Wages_CountyByName_AnswersAsItsFipsCode()
    {
        var (byName, nameOutput, error) = await CliRunner.RunAsync("wages", "--soc", "29-1141", "--county", "pinellas county, Florida", "--data", TestData.DataPath(""));
        var (byCode, codeOutput, _) = await CliRunner.RunAsync("wages", "--soc", "29-1141", "--county", "12103", "--data", TestData.DataPath(""));

        Assert.True(byName == 0, error);
        Assert.Equal(0, byCode);
        Assert.Equal(codeOutput, nameOutput);
    }

    [DataFact]
    public async Task Wages_CountyNameTheCrosswalksLack_ExitsOne()
    {
        var (code, output, error) = await CliRunner.RunAsync("wages", "--soc", "29-1141", "--county", "Tampa, FL", "--data", TestData.DataPath(""));

        Assert.Equal(1, code);
        Assert.Equal("", output);
        Assert.StartsWith("error: --county 'Tampa, FL' is not a county the crosswalks under the data folder name", error, StringComparison.Ordinal);
    }

    [DataFact]
    public async Task Wages_PlaceThatIsABareState_AnswersForTheState()
    {
        var (code, output, error) = await CliRunner.RunAsync("wages", "--soc", "29-1141", "--place", "California", "--data", TestData.DataPath(""));

        Assert.True(code == 0, error);
        var json = JsonDocument.Parse(output).RootElement;
        Assert.Equal("06", json.GetProperty("area").GetString());
        Assert.Equal("state", json.GetProperty("area_level").GetString());
    }

    [DataFact]
    public async Task Wages_Table_HourlyFiguresKeepCents()
    {
        var (json, jsonOutput, _) = await CliRunner.RunAsync("wages", "--soc", "29-1141", "--state", "CA", "--data", TestData.DataPath(""));
        var (table, tableOutput, _) = await CliRunner.RunAsync("wages", "--soc", "29-1141", "--state", "CA", "--data", TestData.DataPath(""), "--format", "table");

        Assert.Equal(0, json);
        Assert.Equal(0, table);
        var hourly = JsonDocument.Parse(jsonOutput).RootElement.GetProperty("hourly_median").GetProperty("value").GetProperty("value").GetDouble();
        Assert.NotEqual(Math.Round(hourly), hourly);
        Assert.Contains($"hourly       median {hourly.ToString("N2", System.Globalization.CultureInfo.InvariantCulture)}", tableOutput, StringComparison.Ordinal);
    }

    private static double Figure(JsonElement answer, string name) => answer.GetProperty(name).GetProperty("value").GetProperty("value").GetDouble();
}
