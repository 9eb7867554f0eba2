using System.Text.Json;

namespace LaborMarket.Cli.Tests.Normalize;

public class NormalizeCommandTests
{
    [Fact]
    public async Task Normalize_Titles_WritesCsvInInputOrder()
    {
        var (code, output, _) = await CliRunner.RunAsync("normalize", "SR. SOFTWARE ENGR II - BACKEND (REMOTE)", "RN - ICU Nights", "Dir., Talent Acq.");

        Assert.Equal(0, code);
        var lines = output.TrimEnd().Split('\n');
        Assert.Equal(4, lines.Length);
        Assert.StartsWith("row,input,role_id,role,family,seniority,soc_code,onet_soc_code,confidence,needs_review,matched_by", lines[0], StringComparison.Ordinal);
        Assert.StartsWith("1,SR. SOFTWARE ENGR II - BACKEND (REMOTE),software-engineer,Software Engineer,Engineering,senior,15-1252,15-1252.00,", lines[1], StringComparison.Ordinal);
        Assert.StartsWith("2,RN - ICU Nights,registered-nurse,", lines[2], StringComparison.Ordinal);
        Assert.StartsWith("3,\"Dir., Talent Acq.\",hr-manager,", lines[3], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Normalize_InputColumn_KeepsEveryRowIncludingQuotedAndShortOnes()
    {
        var file = Path.GetTempFileName();
        await File.WriteAllTextAsync(file, "id,title,dept\n1,Registered Nurse,ER\n2,\"Analyst, Budget\",FIN\n3\n4,\"Line\nCook\",KITCHEN\n5,Welder,SHOP\n");

        var (code, output, _) = await CliRunner.RunAsync("normalize", "--input", file, "--column", "TITLE", "--format", "json");

        Assert.Equal(0, code);
        var rows = JsonDocument.Parse(output).RootElement.EnumerateArray().ToList();
        Assert.Equal(["Registered Nurse", "Analyst, Budget", "", "Line\nCook", "Welder"], rows.Select(r => r.GetProperty("input").GetString()));
        Assert.Equal("budget-analyst", rows[1].GetProperty("role_id").GetString());
        Assert.Equal(JsonValueKind.Null, rows[2].GetProperty("role_id").ValueKind);
        Assert.Equal("restaurant-cook", rows[3].GetProperty("role_id").GetString());
        Assert.Equal("51-4121", rows[4].GetProperty("soc_code").GetString());
        Assert.True(rows[2].GetProperty("needs_review").GetBoolean());
    }

    [Fact]
    public async Task Normalize_Stdin_ReadsOneTitlePerLine()
    {
        var (code, output, _) = await CliRunner.RunWithInputAsync("Plumber\nSr Welder\n", "normalize", "--format", "table");

        Assert.Equal(0, code);
        Assert.Contains("Plumber", output, StringComparison.Ordinal);
        Assert.Contains("47-2152", output, StringComparison.Ordinal);
        Assert.Contains("senior", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Normalize_Top3_ListsOtherCandidates()
    {
        var (code, output, _) = await CliRunner.RunAsync("normalize", "--top", "3", "Marketing Data Engineer");

        Assert.Equal(0, code);
        var row = output.TrimEnd().Split('\n')[1];
        Assert.Matches(@",[a-z0-9-]+:\d\d-\d{4}:[0-9.]+;[a-z0-9-]+:\d\d-\d{4}:[0-9.]+$", row);
    }

    [Fact]
    public async Task Normalize_CustomCatalog_UsesItsRoles()
    {
        var catalog = Path.GetTempFileName();
        await File.WriteAllTextAsync(catalog, """{ "roles": [ { "id": "prompt-engineer", "name": "Prompt Engineer", "onet_soc": "15-1252.00", "aliases": ["prompt engineer"] } ] }""");

        var (code, output, _) = await CliRunner.RunAsync("normalize", "--catalog", catalog, "Senior Prompt Engineer");

        Assert.Equal(0, code);
        Assert.Contains(",prompt-engineer,Prompt Engineer,", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Normalize_BrokenCatalog_ExitsOneNamingFileAndLine()
    {
        var catalog = Path.GetTempFileName();
        await File.WriteAllTextAsync(catalog, "{\n \"roles\": [\n { \"id\": \"x\", \"name\": \"X\", \"onet_soc\": \"nope\" } ] }");

        var (code, _, error) = await CliRunner.RunAsync("normalize", "--catalog", catalog, "Welder");

        Assert.Equal(1, code);
        Assert.Contains($"{catalog}:3", error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Normalize_MissingInput_ExitsOneWithOneLine()
    {
        var (code, output, error) = await CliRunner.RunAsync("normalize", "--input", "/no/such/file.csv");

        Assert.Equal(1, code);
        Assert.Equal("", output);
        Assert.Single(error.TrimEnd().Split('\n'));
        Assert.Contains("does not exist", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Normalize_UnknownColumn_ListsTheColumns()
    {
        var file = Path.GetTempFileName();
        await File.WriteAllTextAsync(file, "id,title\n1,Welder\n");

        var (code, _, error) = await CliRunner.RunAsync("normalize", "--input", file, "--column", "job");

        Assert.Equal(1, code);
        Assert.Contains("no column 'job' (columns: id, title)", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Normalize_OutputAndReport_WritesFileAndCoverage()
    {
        var output = Path.Combine(Path.GetTempPath(), Guid.NewGuid() + ".csv");

        var (code, stdout, error) = await CliRunner.RunAsync("normalize", "--output", output, "--report-unmatched", "Welder", "Zorblax Wrangler");

        Assert.Equal(0, code);
        Assert.Equal("", stdout);
        Assert.Equal(3, (await File.ReadAllLinesAsync(output)).Length);
        Assert.Contains("coverage: 1 of 2 titles matched (50.0%)", error, StringComparison.Ordinal);
        Assert.Contains("zorblax", error, StringComparison.Ordinal);
    }

    [DataFact]
    public async Task Normalize_OnetDb_ReachesOnetOnlyOccupations()
    {
        var (code, output, _) = await CliRunner.RunAsync("normalize", "--onet-db", TestData.DataPath("onet/db_27_0_text"), "Brownfield Redevelopment Specialist");

        Assert.Equal(0, code);
        Assert.Contains(",11-9199.11,", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Normalize_CsvInput_KeepsTheOtherColumnsAndNumbersTheRows()
    {
        var file = Path.Combine(Directory.CreateTempSubdirectory().FullName, "t.csv");
        await File.WriteAllTextAsync(file, "id,title,dept\n7,Registered Nurse,\"ER, north\"\n9\n11,Welder,SHOP\n");

        var (code, output, _) = await CliRunner.RunAsync("normalize", "--input", file, "--column", "title");

        Assert.Equal(0, code);
        var lines = output.TrimEnd().Split('\n');
        Assert.EndsWith(",candidates,id,dept", lines[0], StringComparison.Ordinal);
        Assert.StartsWith("1,Registered Nurse,registered-nurse,", lines[1], StringComparison.Ordinal);
        Assert.EndsWith(",7,\"ER, north\"", lines[1], StringComparison.Ordinal);
        Assert.StartsWith("2,,", lines[2], StringComparison.Ordinal);
        Assert.EndsWith(",9,", lines[2], StringComparison.Ordinal);
        Assert.StartsWith("3,Welder,welder,", lines[3], StringComparison.Ordinal);
        Assert.EndsWith(",11,SHOP", lines[3], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Normalize_Jsonl_WritesOneNumberedObjectPerLineWithTheOtherColumns()
    {
        var file = Path.Combine(Directory.CreateTempSubdirectory().FullName, "t.csv");
        await File.WriteAllTextAsync(file, "id,title\n7,Registered Nurse\n8,Welder\n");

        var (code, output, _) = await CliRunner.RunAsync("normalize", "--input", file, "--column", "title", "--format", "jsonl");

        Assert.Equal(0, code);
        var rows = output.TrimEnd().Split('\n').Select(l => JsonDocument.Parse(l).RootElement).ToList();
        Assert.Equal([1, 2], rows.Select(r => r.GetProperty("row").GetInt32()));
        Assert.Equal(["7", "8"], rows.Select(r => r.GetProperty("columns").GetProperty("id").GetString()));
        Assert.Equal("welder", rows[1].GetProperty("role_id").GetString());
    }

    [Fact]
    public async Task Normalize_ManyRows_KeepsInputOrderAcrossBatches()
    {
        var titles = Enumerable.Range(0, 5000).Select(i => i % 3 == 0 ? "Welder" : i % 3 == 1 ? $"Zorblax {i}" : "Registered Nurse").ToList();

        var (code, output, _) = await CliRunner.RunWithInputAsync(string.Join('\n', titles) + "\n", "normalize");

        Assert.Equal(0, code);
        var lines = output.TrimEnd().Split('\n').Skip(1).ToList();
        Assert.Equal(titles.Count, lines.Count);
        for (var i = 0; i < titles.Count; i++)
        {
            Assert.StartsWith($"{i + 1},{titles[i]},", lines[i], StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Normalize_CsvWithBareCrLineEnds_ExitsOneInsteadOfReadingOneRow()
    {
        var file = Path.GetTempFileName();
        await File.WriteAllTextAsync(file, "id,title\r1,Welder\r2,Plumber\r");

        var (code, output, error) = await CliRunner.RunAsync("normalize", "--input", file, "--column", "title");

        Assert.Equal(1, code);
        Assert.Equal("", output);
        Assert.Contains($"{Path.GetFileName(file)}:1: lines end in a carriage return alone", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Normalize_CsvWithUnclosedQuote_ExitsOneNamingFileAndRow()
    {
        var file = Path.GetTempFileName();
        await File.WriteAllTextAsync(file, "id,title\n1,Welder\n2,\"Plumber\n3,Roofer\n");

        var (code, _, error) = await CliRunner.RunAsync("normalize", "--input", file, "--column", "title");

        Assert.Equal(1, code);
        Assert.Single(error.TrimEnd().Split('\n'));
        Assert.Contains($"{Path.GetFileName(file)}: row 2: a quoted field is not closed", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Normalize_StdinCsvWithBomAndQuotedHeader_FindsTheColumn()
    {
        var (code, output, error) = await CliRunner.RunWithInputAsync("\uFEFF\"job, title\",id\r\nWelder,1\r\n", "normalize", "--input", "-", "--column", "job, title");

        Assert.True(code == 0, error);
        Assert.StartsWith("1,Welder,", output.Split('\n')[1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Normalize_QuoteNeverClosedInAHugeFile_StopsAtTheRecordLimit()
    {
        var file = Path.GetTempFileName();
        await using (var writer = new StreamWriter(file))
        {
            await writer.WriteAsync("title\nWelder\n\"Plumber\n");
            var line = new string('x', 1023) + "\n";
            for (var i = 0; i < 17 * 1024; i++)
            {
                await writer.WriteAsync(line);
            }
        }

        var (code, _, error) = await CliRunner.RunAsync("normalize", "--input", file);

        Assert.Equal(1, code);
        Assert.Contains($"{Path.GetFileName(file)}: row 2 is longer than 16 M characters", error, StringComparison.Ordinal);
        File.Delete(file);
    }

    [Fact]
    public async Task Normalize_ReportUnmatched_SaysHowManyRowsNeedReview()
    {
        var (code, _, error) = await CliRunner.RunAsync("normalize", "--report-unmatched", "Welder", "Zorblax Qwerty", "Blorpfizz Quuxly");

        Assert.Equal(0, code);
        Assert.Contains("coverage: 1 of 3 titles matched", error, StringComparison.Ordinal);
        Assert.Contains("rows need review", error, StringComparison.Ordinal);
    }
}
