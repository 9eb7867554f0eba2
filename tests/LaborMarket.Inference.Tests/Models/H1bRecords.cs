using System.Globalization;
using LaborMarket.Inference.Models;
using LaborMarket.Inference.Records;
using LaborMarket.Normalization.Seniority;

namespace LaborMarket.Inference.Tests.Models;

/// <summary>
/// Job records from the real H-1B sample, with the filed SOC code as the role (the labelled code, so no normalizer is
/// needed), the state of the worksite, the employer and the prevailing wage.
/// </summary>
internal static class H1bRecords
{
    private static readonly Lazy<JobRecord[]> All = new(Read);
    private static readonly Lazy<ArchetypeModel> Archetype = new(() => ArchetypeModel.Train(Records));
    private static readonly Lazy<HeadcountModel> Headcount = new(() => HeadcountModel.Train(Records));
    private static readonly Lazy<SalaryModel> Salary = new(() => SalaryModel.Train(Records));

    public static IReadOnlyList<JobRecord> Records => All.Value;

    /// <summary>The archetype model trained once on the records (default options; training is seeded, so every test sees the same model).</summary>
    public static ArchetypeModel ArchetypeModel => Archetype.Value;

    /// <summary>The headcount model trained once on the records.</summary>
    public static HeadcountModel HeadcountModel => Headcount.Value;

    /// <summary>The salary model trained once on the records.</summary>
    public static SalaryModel SalaryModel => Salary.Value;

    private static JobRecord[] Read()
    {
        var lines = File.ReadAllLines(TestData.DataPath("titles/h1b_lca_fy2016_sample_train.csv"));
        var header = Csv.Split(lines[0]);
        int Col(string name) => Array.IndexOf(header, name);
        var (soc, employer, wage, worksite) = (Col("SOC_CODE_MAPPED"), Col("EMPLOYER_NAME"), Col("PREVAILING_WAGE"), Col("WORKSITE"));
        var records = new List<JobRecord>();
        foreach (var line in lines.Skip(1))
        {
            var f = Csv.Split(line);
            if (!SocCode.TryParse(f[soc], out var code) || !JobRecords.TryParseState(f[worksite], out var state))
            {
                continue;
            }

            double? pay = double.TryParse(f[wage], NumberStyles.Float, CultureInfo.InvariantCulture, out var v) ? v : null;
            records.Add(new JobRecord(f[soc], code, SeniorityLevel.Mid, state, f[employer], "h1b", pay));
        }

        return [.. records];
    }
}
