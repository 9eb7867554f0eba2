using System.Text.Json;

namespace LaborMarket.Cli.Tests.Occupations;

public class ProfileCommandTests
{
    [DataFact]
    public async Task Profile_NurseInPinellas_JoinsRoleOnetAndTampaWages()
    {
        var (code, output, _) = await CliRunner.RunAsync("profile", "RN - ICU Nights", "--place", "Pinellas County, FL", "--data", TestData.DataPath(""), "--format", "json");

        Assert.Equal(0, code);
        var json = JsonDocument.Parse(output).RootElement;
        Assert.Equal("RN - ICU Nights", json.GetProperty("title").GetString());
        Assert.Equal("29-1141", json.GetProperty("match").GetProperty("soc_code").GetString());
        Assert.Equal("mid", json.GetProperty("match").GetProperty("seniority").GetString());
        Assert.Equal("registered-nurse", json.GetProperty("match").GetProperty("role").GetProperty("id").GetString());
        Assert.Equal("Registered Nurses", json.GetProperty("occupation").GetProperty("title").GetString());
        Assert.True(json.GetProperty("occupation").GetProperty("tasks").GetArrayLength() > 10);
        Assert.Equal("45300", json.GetProperty("wages").GetProperty("area").GetString());
        Assert.Equal("metro", json.GetProperty("wages").GetProperty("area_level").GetString());
        Assert.True(json.GetProperty("wages").GetProperty("annual_median").GetProperty("value").GetProperty("value").GetDouble() > 50_000);
        Assert.NotEmpty(json.GetProperty("wages").GetProperty("steps").EnumerateArray());
        Assert.Equal(JsonValueKind.Null, json.GetProperty("estimate").ValueKind);
    }

    [DataFact]
    public async Task Profile_NonsenseTitle_ExitsOneWithReason()
    {
        var (code, _, error) = await CliRunner.RunAsync("profile", "qwxz zzyq", "--place", "Pinellas County, FL", "--data", TestData.DataPath(""));

        Assert.Equal(1, code);
        Assert.Contains("matched no occupation", error, StringComparison.Ordinal);
    }
}
