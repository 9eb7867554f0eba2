using Xunit.Abstractions;
using LaborMarket.Onet.Database;
using LaborMarket.Onet.Enrichment;

namespace LaborMarket.Onet.Tests.Enrichment;

public class OccupationEnrichmentTests(ITestOutputHelper output)
{
    private sealed class ListProgress : IProgress<EnrichmentProgress>
    {
        public List<EnrichmentProgress> Reports { get; } = [];

        public void Report(EnrichmentProgress value)
        {
            lock (Reports)
            {
                Reports.Add(value);
            }
        }
    }

    [DataFact]
    public async Task EnrichAsync_EveryRealOccupation_ReportsCoverage()
    {
        var db = OnetDatabase.Load(TestData.DataPath("onet/db_27_0_text"));
        var codes = db.Codes.Select(c => c.ToString()).Append("15-1252").Append("99-9999").Append("not a code").ToList();
        var progress = new ListProgress();

        var report = await OccupationEnrichment.EnrichAsync(db, codes, maxConcurrency: 8, progress);

        output.WriteLine($"found {report.FoundPercent:0.0}% coverage {report.Coverage}");
        Assert.Equal(1019, report.Requested);
        Assert.Equal(1017, report.Profiles.Count); // 1,016 codes and 15-1252 as 15-1252.00
        Assert.Equal(["99-9999"], report.NotFound);
        Assert.Equal(["not a code"], report.Invalid);
        Assert.Empty(report.Failures);
        Assert.Equal(1018, progress.Reports.Count);
        Assert.Equal(1018, progress.Reports.Max(p => p.Completed));
        // Shares measured on O*NET 27.0: every occupation with task ratings has tasks; tools and technology are sparser.
        Assert.Equal(Math.Round(100.0 * report.Profiles.Count(p => p.Tasks.Count > 0) / 1017, 1), report.Coverage.Tasks);
        Assert.InRange(report.Coverage.Tasks, 85, 100);
        Assert.InRange(report.Coverage.TechnologySkills, 80, 100);
        Assert.InRange(report.Coverage.JobZone, 85, 95);
        Assert.Equal(0, report.Coverage.Outlook); // the database release carries no outlook
    }

    private sealed class FlakySource : IOccupationContentSource
    {
        public string Name => "flaky";

        public Task<OccupationProfile?> GetProfileAsync(OnetSocCode code, CancellationToken cancellationToken = default) =>
            code.ToString() == "15-1252.00"
                ? throw new LaborMarketApiException("service answered with an error")
                : Task.FromResult<OccupationProfile?>(new OccupationProfile { Code = code, Title = "t", Description = "d", Tasks = [new OccupationTask(1, "x", true)] });
    }

    [Fact]
    public async Task EnrichAsync_OneFailure_KeepsTheOthersAndListsIt()
    {
        var report = await OccupationEnrichment.EnrichAsync(new FlakySource(), ["29-1141", "15-1252", "11-1011.00"]);

        Assert.Equal(["29-1141.00", "11-1011.00"], report.Profiles.Select(p => p.Code.ToString()));
        Assert.Equal("15-1252", report.Failures.Single().Code);
        Assert.Empty(report.NotFound);
        Assert.Equal(100, report.Coverage.Tasks);
        Assert.Equal(0, report.Coverage.Tools);
    }
}
