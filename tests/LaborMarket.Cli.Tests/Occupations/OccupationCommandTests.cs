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

    [DataFact]
    public async Task Occupation_Soc2010Code_ShowsItsSoc2018OccupationAndSaysSo()
    {
        var (code, output, error) = await CliRunner.RunAsync("occupation", "15-1132", "--onet-db", TestData.DataPath("onet/db_27_0_text"));

        Assert.True(code == 0, error);
        Assert.Equal("15-1252.00", JsonDocument.Parse(output).RootElement.GetProperty("code").GetString());
        Assert.Contains("15-1132 is an older SOC code (SOC 2010 or before); showing SOC 2018 15-1252 (SOC 2018 split it: also 15-1253)", error, StringComparison.Ordinal);
    }

    [DataFact]
    public async Task Occupation_Soc2010CodeAsTable_SaysSoOnTheFirstLine()
    {
        var (code, output, _) = await CliRunner.RunAsync("occupation", "29-1111", "--onet-db", TestData.DataPath("onet/db_27_0_text"), "--format", "table");

        Assert.Equal(0, code);
        var lines = output.Split('\n');
        Assert.StartsWith("note: 29-1111 is an older SOC code (SOC 2010 or before); showing SOC 2018 29-1141", lines[0], StringComparison.Ordinal);
        Assert.StartsWith("29-1141.00  Registered Nurses", lines[1], StringComparison.Ordinal);
    }

    [DataFact]
    public async Task Occupation_TableOfLongLists_SaysHowManyMoreWhereItCuts()
    {
        var (code, json, _) = await CliRunner.RunAsync("occupation", "29-1141", "--onet-db", TestData.DataPath("onet/db_27_0_text"));
        var (tableCode, table, _) = await CliRunner.RunAsync("occupation", "29-1141", "--onet-db", TestData.DataPath("onet/db_27_0_text"), "--format", "table");

        Assert.Equal(0, code);
        Assert.Equal(0, tableCode);
        var profile = JsonDocument.Parse(json).RootElement;
        var tasks = profile.GetProperty("tasks").GetArrayLength();
        var tools = profile.GetProperty("tools").GetArrayLength();
        Assert.True(tasks > 10 && tools > 12);
        Assert.Contains($"tasks ({tasks}):", table, StringComparison.Ordinal);
        Assert.Contains($"  +{tasks - 10} more", table, StringComparison.Ordinal);
        var toolsLine = table.Split('\n').Single(l => l.StartsWith("tools: ", StringComparison.Ordinal));
        Assert.EndsWith($", +{tools - 12} more", toolsLine.TrimEnd(), StringComparison.Ordinal);
    }
}
