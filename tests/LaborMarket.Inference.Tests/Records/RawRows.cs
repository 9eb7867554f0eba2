using System.Globalization;
using LaborMarket.Files;
using LaborMarket.Inference.Records;

namespace LaborMarket.Inference.Tests.Records;

/// <summary>Raw rows from the real files in ../shared/data/titles, as a CLI or a host would read them.</summary>
internal static class RawRows
{
    /// <summary>The H-1B sample: title, worksite ("SAN JOSE, CALIFORNIA"), prevailing wage, employer and year.</summary>
    public static RawJobRow[] H1b() => Read("titles/h1b_lca_fy2016_sample_train.csv", r => new RawJobRow(
        r.GetString(r.Require("JOB_TITLE")), r.GetString(r.Require("WORKSITE")), Number(r.GetString(r.Require("PREVAILING_WAGE"))),
        r.GetString(r.Require("EMPLOYER_NAME")), int.TryParse(r.GetString(r.Require("YEAR")), CultureInfo.InvariantCulture, out var y) ? new DateOnly(y, 1, 1) : null));

    /// <summary>The Chicago payroll: title, no place, the annual salary (blank for hourly staff), department.</summary>
    public static RawJobRow[] ChicagoPayroll() => Read("titles/chicago_city_payroll_titles_2023.csv", r => new RawJobRow(
        r.GetString(r.Require("Job Titles")), null, Number(r.GetString(r.Require("Annual Salary"))), r.GetString(r.Require("Department"))));

    /// <summary>A column of the same file, row by row.</summary>
    public static string[] Column(string file, string column)
    {
        return Read(file, r => r.GetString(r.Require(column)));
    }

    public static double? Number(string text) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) ? v : null;

    private static T[] Read<T>(string file, Func<DelimitedTextReader, T> row)
    {
        using var reader = DelimitedTextReader.OpenFile(TestData.DataPath(file), DelimitedTextOptions.Csv);
        var rows = new List<T>();
        while (reader.Read())
        {
            rows.Add(row(reader));
        }

        return [.. rows];
    }
}
