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
    public async Task Wages_BadArguments_ExitOneWithOneLine(params string[] args)
    {
        var (code, _, error) = await CliRunner.RunAsync(["wages", .. args]);

        Assert.Equal(1, code);
        Assert.Single(error.TrimEnd().Split('\n'));
    }

    private static double Figure(JsonElement answer, string name) => answer.GetProperty(name).GetProperty("value").GetProperty("value").GetDouble();
}
