using System.Text.Json;

namespace LaborMarket.Cli.Tests.Occupations;

public class OccupationCommandTests
{
    [DataFact]
    public async Task Occupation_SocCode_WritesProfileJson()
    {
        var (code, output, _) = await CliRunner.RunAsync("occupation", "29-1141", "--onet-db", TestData.DataPath("onet/db_27_0_text"));

        Assert.Equal(0, code);
        var json = JsonDocument.Parse(output).RootElement;
        Assert.Equal("29-1141.00", json.GetProperty("code").GetString());
        Assert.Equal("Registered Nurses", json.GetProperty("title").GetString());
        Assert.False(string.IsNullOrEmpty(json.GetProperty("description").GetString()));
        Assert.True(json.GetProperty("tasks").GetArrayLength() > 10);
        Assert.True(json.GetProperty("technology_skills").GetArrayLength() > 5);
        Assert.True(json.GetProperty("tools").GetArrayLength() > 5);
        Assert.True(json.GetProperty("education").GetArrayLength() > 0);
        Assert.Equal(4, json.GetProperty("job_zone").GetInt32());
        Assert.True(json.GetProperty("related").GetArrayLength() > 0);
    }

    [DataFact]
    public async Task Occupation_UnknownCode_ExitsOne()
    {
        var (code, _, error) = await CliRunner.RunAsync("occupation", "99-9999", "--onet-db", TestData.DataPath("onet/db_27_0_text"));

        Assert.Equal(1, code);
        Assert.Contains("not an occupation", error, StringComparison.Ordinal);
    }
}
