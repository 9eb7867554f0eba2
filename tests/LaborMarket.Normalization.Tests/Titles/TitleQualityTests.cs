using LaborMarket.Normalization.Titles;
using Xunit.Abstractions;

namespace LaborMarket.Normalization.Tests.Titles;

/// <summary>
/// Accuracy, coverage and calibration on real labeled titles. The floors sit just under the measured
/// figures (package README) so that a change that makes matching worse fails here.
/// </summary>
public class TitleQualityTests(ITestOutputHelper output)
{
    private static readonly Lazy<TitleNormalizer> HeldOut = new(TitleEvaluation.HeldOutNormalizer);
    private static readonly Lazy<TitleNormalizer> WithOnet = new(() =>
        TitleNormalizer.Create(new TitleNormalizerOptions { OnetDatabasePath = TitleEvaluation.OnetDb }));

    [DataFact]
    public void Normalize_HeldOutOnetAlternateTitles_MeetsAccuracyFloor()
    {
        var set = TitleEvaluation.OnetHeldOut("Alternate Titles.txt", 1);
        var m = TitleEvaluation.Measure(HeldOut.Value, set);
        var any = TitleEvaluation.Measure(HeldOut.Value, TitleEvaluation.AnyCode(set));
        output.WriteLine($"alternate titles held out: {m}; any listed code: {any}");

        Assert.True(set.Count > 5000, $"expected over 5,000 held-out titles, got {set.Count}");
        Assert.True(m.SixDigit >= 0.42, m.ToString());
        Assert.True(m.MajorGroup >= 0.72, m.ToString());
        Assert.True(m.Top5 >= 0.62, m.ToString());
        Assert.True(any.SixDigit >= 0.53, any.ToString());
    }

    [DataFact]
    public void Normalize_HeldOutOnetReportedTitles_MeetsAccuracyFloor()
    {
        var set = TitleEvaluation.OnetHeldOut("Sample of Reported Titles.txt", 1);
        var m = TitleEvaluation.Measure(HeldOut.Value, set);
        output.WriteLine($"reported titles held out: {m}");

        Assert.True(m.SixDigit >= 0.51, m.ToString());
        Assert.True(m.MajorGroup >= 0.79, m.ToString());
    }

    [DataFact]
    public void Normalize_H1bSample_MeetsAccuracyFloor()
    {
        var set = TitleEvaluation.H1b();
        var embedded = TitleEvaluation.Measure(TitleNormalizer.Default, set);
        var onet = TitleEvaluation.Measure(WithOnet.Value, set);
        output.WriteLine($"h1b, embedded catalog: {embedded}");
        output.WriteLine($"h1b, with O*NET 27.0: {onet}");

        Assert.True(set.Count > 3000, $"expected over 3,000 labeled rows, got {set.Count}");
        Assert.True(embedded.SixDigit >= 0.47, embedded.ToString());
        Assert.True(embedded.MajorGroup >= 0.73, embedded.ToString());
        Assert.True(onet.SixDigit >= 0.47, onet.ToString());
    }

    [DataFact]
    public void Normalize_ChicagoPayrollTitles_CoversMostRows()
    {
        var titles = new List<string>();
        using (var reader = new StreamReader(TestData.DataPath("titles/chicago_city_payroll_titles_2023.csv")))
        {
            reader.ReadLine();
            while (reader.ReadLine() is { } line)
            {
                titles.Add(Csv.Split(line)[0]);
            }
        }

        var report = TitleNormalizer.Default.Analyze(titles, top: 10);
        var distinct = TitleNormalizer.Default.Analyze(titles.Distinct(), top: 10);
        output.WriteLine($"chicago rows: {report.Coverage:P1} of {report.Total}; distinct titles: {distinct.Coverage:P1} of {distinct.Total}");
        output.WriteLine("unmatched words: " + string.Join(", ", distinct.TopUnmatchedWords.Select(t => $"{t.Term} ({t.Count})")));

        Assert.Equal(31_133, report.Total);
        Assert.True(report.Coverage >= 0.99, $"row coverage {report.Coverage:P1}");
        Assert.True(distinct.Coverage >= 0.97, $"distinct-title coverage {distinct.Coverage:P1}");
    }

    [DataFact]
    public void Confidence_OnHeldOutTitles_IsCalibrated()
    {
        var items = TitleEvaluation.OnetHeldOut("Alternate Titles.txt", 1)
            .Concat(TitleEvaluation.OnetHeldOut("Sample of Reported Titles.txt", 1))
            .Select(i => (Match: HeldOut.Value.Normalize(i.Title), i.Accept))
            .Where(x => x.Match.IsMatch)
            .ToList();
        var bins = items.GroupBy(x => Math.Min(9, (int)(x.Match.Confidence * 10)))
            .Select(g => (Confidence: g.Average(x => x.Match.Confidence), Accuracy: g.Average(x => x.Accept.Contains(x.Match.SocCode!.Value) ? 1.0 : 0), g.Key, Count: g.Count()))
            .OrderBy(b => b.Key)
            .ToList();
        foreach (var b in bins)
        {
            output.WriteLine($"confidence {b.Confidence:0.00} -> accuracy {b.Accuracy:0.00} (n={b.Count})");
        }

        var ece = bins.Sum(b => b.Count * Math.Abs(b.Confidence - b.Accuracy)) / items.Count;
        output.WriteLine($"expected calibration error {ece:0.000}");
        Assert.True(ece <= 0.06, $"expected calibration error {ece:0.000}");
        foreach (var b in bins.Where(b => b.Count >= 200))
        {
            Assert.True(Math.Abs(b.Confidence - b.Accuracy) <= 0.1, $"bin {b.Key}: confidence {b.Confidence:0.00} vs accuracy {b.Accuracy:0.00}");
        }
    }
}
