using LaborMarket.Cli.Hosting;

namespace LaborMarket.Cli.Tests.Semantic;

/// <summary>
/// The semantic commands end to end on real files: the Chicago payroll titles, a real slice of O*NET 27.0 (SOC groups
/// 15, 29, 47 and 53, embedded once into a cache folder the tests share) and the all-MiniLM-L6-v2 model.
/// </summary>
public sealed class SemanticCommandTests : IClassFixture<SemanticCommandTests.CacheFolder>, IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), $"labormarket-cli-semantic-{Guid.NewGuid():N}");
    private readonly string _cache;

    public SemanticCommandTests(CacheFolder cache)
    {
        _cache = cache.Path;
        Directory.CreateDirectory(_dir);
    }

    private static string Chicago => TestData.DataPath("titles/chicago_city_payroll_titles_2023.csv");

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    /// <summary>The O*NET slice's semantic index, embedded once for the class and deleted after it.</summary>
    public sealed class CacheFolder : IDisposable
    {
        public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"labormarket-cli-semantic-cache-{Guid.NewGuid():N}");

        public void Dispose()
        {
            if (Directory.Exists(Path))
            {
                Directory.Delete(Path, recursive: true);
            }
        }
    }

    [DataFact]
    public async Task NormalizeSemantic_CsvFileToCsvFile_KeepsEveryRowWithTheLexicalColumns()
    {
        var input = Path.Combine(_dir, "titles.csv");
        File.WriteAllLines(input, ["id,title,site", "1,Registered Nurse,A", "2,night shift ICU RN float pool,B", "3,,C", "", "5,Driver of 18-wheeler long haul OTR,D"]);
        var output = Path.Combine(_dir, "out.csv");

        var (code, _, error) = await CliRunner.RunAsync("normalize", "--semantic", "--onet-db", OnetSubset.Path, "--cache-dir", _cache,
            "--input", input, "--column", "title", "--top", "3", "--output", output);

        Assert.True(code == 0, error);
        var lines = File.ReadAllLines(output);
        Assert.Equal("row,input,role_id,role,family,seniority,soc_code,onet_soc_code,confidence,needs_review,matched_by,matched_text,candidates,id,site", lines[0]);
        Assert.Equal(6, lines.Length);   // every row, the empty line too, numbered as the lexical command numbers them
        Assert.StartsWith("1,Registered Nurse,", lines[1], StringComparison.Ordinal);
        Assert.Contains(",29-1141,", lines[1], StringComparison.Ordinal);
        Assert.EndsWith(",1,A", lines[1], StringComparison.Ordinal);
        Assert.Contains("+semantic", lines[2] + lines[5], StringComparison.Ordinal);
        Assert.StartsWith("3,,", lines[3], StringComparison.Ordinal);
        Assert.StartsWith("4,,", lines[4], StringComparison.Ordinal);
        Assert.StartsWith("5,Driver", lines[5], StringComparison.Ordinal);
        Assert.Contains(",53-", lines[5], StringComparison.Ordinal);
        Assert.EndsWith(",5,D", lines[5], StringComparison.Ordinal);

        // The lexical command numbers the same rows the same way.
        var lexicalOutput = Path.Combine(_dir, "lexical.csv");
        (code, _, error) = await CliRunner.RunAsync("normalize", "--input", input, "--column", "title", "--output", lexicalOutput);
        Assert.True(code == 0, error);
        Assert.Equal(lines.Skip(1).Select(l => l.Split(',')[0]), File.ReadAllLines(lexicalOutput).Skip(1).Select(l => l.Split(',')[0]));

        // The output is never overwritten without --force, and a missing input is named.
        (code, _, error) = await CliRunner.RunAsync("normalize", "--semantic", "--onet-db", OnetSubset.Path, "--cache-dir", _cache, "--input", input, "--column", "title", "--output", output);
        Assert.Equal(ExitCodes.Usage, code);
        Assert.Contains("--force", error, StringComparison.Ordinal);
        (code, _, error) = await CliRunner.RunAsync("normalize", "--semantic", "--onet-db", OnetSubset.Path, "--input", Path.Combine(_dir, "missing.csv"), "--column", "title");
        Assert.Equal(ExitCodes.UserError, code);
        Assert.Contains("missing.csv", error, StringComparison.Ordinal);
    }

    [DataFact]
    public async Task NormalizeSemantic_WithoutOnetDb_IsAUserError()
    {
        var (code, _, error) = await CliRunner.RunAsync("normalize", "--semantic", "Registered Nurse");

        Assert.Equal(ExitCodes.UserError, code);
        Assert.Contains("--onet-db", error, StringComparison.Ordinal);
    }

    [DataFact]
    public async Task NormalizeSemantic_TitlesAndInputTogether_IsAUsageError()
    {
        var (code, _, error) = await CliRunner.RunAsync("normalize", "--semantic", "--onet-db", OnetSubset.Path, "Registered Nurse", "--input", Chicago);

        Assert.Equal(ExitCodes.Usage, code);
        Assert.Contains("not both", error, StringComparison.Ordinal);
    }

    [DataFact]
    public async Task Similar_OverTheChicagoPayrollTitles_RanksPoliceTitlesFirst()
    {
        var (code, output, error) = await CliRunner.RunAsync("similar", "police sergeant", "--corpus", Chicago, "--column", "Job Titles", "--top", "3");

        Assert.True(code == 0, error);
        var lines = output.Trim().Split('\n').Select(l => l.TrimEnd('\r')).ToArray();
        Assert.Equal("rank,similarity,text,onet_soc_code", lines[0]);
        Assert.Equal(4, lines.Length);
        Assert.Contains("SERGEANT", lines[1], StringComparison.Ordinal);
        var similarities = lines[1..].Select(l => double.Parse(l.Split(',')[1], System.Globalization.CultureInfo.InvariantCulture)).ToArray();
        Assert.Equal(similarities.OrderDescending(), similarities);
    }

    [DataFact]
    public async Task Similar_OverOnet_GivesCodesInTheRightGroup()
    {
        var (code, output, error) = await CliRunner.RunAsync("similar", "ICU nurse", "--onet-db", OnetSubset.Path, "--cache-dir", _cache, "--top", "3");

        Assert.True(code == 0, error);
        var first = output.Trim().Split('\n')[1];
        Assert.Contains(",29-", first, StringComparison.Ordinal);
    }

    [DataFact]
    public async Task Cluster_ChicagoPayrollTitles_WritesAssignmentsSummaryAndPngWithSilhouette()
    {
        var output = Path.Combine(_dir, "clusters");

        var (code, stdout, error) = await CliRunner.RunAsync("cluster", "--input", Chicago, "--column", "Job Titles", "--k-min", "8", "--k-max", "9", "--output", output);

        Assert.True(code == 0, error);
        Assert.Matches(@"1,086 distinct titles, k=(8|9) \(silhouette 0\.\d+", stdout);
        var assignments = File.ReadAllLines(Path.Combine(output, "assignments.csv"));
        Assert.Equal(1087, assignments.Length);
        var summary = File.ReadAllLines(Path.Combine(output, "clusters.csv"));
        Assert.InRange(summary.Length - 1, 8, 9);
        Assert.DoesNotContain(summary.Skip(1), l => l.Contains(" the ", StringComparison.Ordinal) || l.Contains("/ the", StringComparison.Ordinal));
        var png = File.ReadAllBytes(Path.Combine(output, "map.png"));
        Assert.True(png.Length > 10_000);
        Assert.Equal(new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G' }, png[..4]);
    }

    [DataFact]
    public async Task SuggestSoc_TitleAndDescription_SuggestsTheOccupationWithEvidence()
    {
        var (code, output, error) = await CliRunner.RunAsync("suggest-soc", "--title", "Charge Nurse",
            "--description", "Coordinate patient care on a hospital ward, give medications, assess patients and supervise the nursing staff on the shift.",
            "--onet-db", OnetSubset.Path, "--cache-dir", _cache, "--top", "3");

        Assert.True(code == 0, error);
        var lines = output.Split('\n');
        Assert.StartsWith("1. 29-1141", lines[0], StringComparison.Ordinal);
        Assert.Contains(lines, l => l.TrimStart().StartsWith("task", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("3. ", StringComparison.Ordinal));
    }
}
