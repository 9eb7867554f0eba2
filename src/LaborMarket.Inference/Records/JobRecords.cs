using LaborMarket.Inference.Models;
using LaborMarket.Normalization.Titles;

namespace LaborMarket.Inference.Records;

/// <summary>Builds <see cref="JobRecord"/>s from raw rows: each distinct title normalized once, the place read as a state.</summary>
public static class JobRecords
{
    /// <summary>
    /// Normalizes each distinct title once and keeps the rows whose title has a role and whose place names a state;
    /// the dropped rows and the records without usable pay are counted by reason.
    /// </summary>
    /// <param name="rows">The raw rows.</param>
    /// <param name="normalizer">The title normalizer (<see cref="TitleNormalizer.Default"/> or the one from DI).</param>
    /// <param name="options">The source's name and a default state, or null for none.</param>
    /// <param name="progress">Told how many distinct titles are normalized so far, or null.</param>
    public static JobRecordBatch FromRows(IReadOnlyList<RawJobRow> rows, TitleNormalizer normalizer, JobRecordOptions? options = null, IProgress<int>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(normalizer);
        options ??= new JobRecordOptions();
        var matches = new Dictionary<string, TitleMatch>(StringComparer.Ordinal);
        foreach (var row in rows)
        {
            ArgumentNullException.ThrowIfNull(row, nameof(rows));
            var title = row.Title ?? "";
            if (!matches.ContainsKey(title))
            {
                matches[title] = normalizer.Normalize(title);
                progress?.Report(matches.Count);
            }
        }

        var records = new List<JobRecord>(rows.Count);
        var sourceRows = new List<int>(rows.Count);
        int matchedRows = 0, noRole = 0, noPlace = 0, blankPay = 0, implausiblePay = 0;
        for (var i = 0; i < rows.Count; i++)
        {
            var row = rows[i];
            var match = matches[row.Title ?? ""];
            if (match.Role is not { } role)
            {
                noRole++;
                continue;
            }

            matchedRows++;
            UsState state;
            if (TryParseState(row.Place, out var parsed))
            {
                state = parsed;
            }
            else if (options.State is { } fallback)
            {
                state = fallback;
            }
            else
            {
                noPlace++;
                continue;
            }

            if (row.Pay is null)
            {
                blankPay++;
            }
            else if (!SalaryModel.IsPlausible(row.Pay))
            {
                implausiblePay++;
            }

            records.Add(new JobRecord(role.Id, role.Soc, match.Seniority, state, row.Employer ?? "", options.Source, row.Pay, row.Date));
            sourceRows.Add(i);
        }

        return new JobRecordBatch(records, sourceRows, rows.Count, matchedRows, matches.Count, matches.Values.Count(m => m.IsMatch),
            noRole, noPlace, blankPay, implausiblePay);
    }

    /// <summary>
    /// The state a place names: a worksite ("Tampa, FL 33601", "SAN JOSE, CALIFORNIA"), the text after its last comma,
    /// or a state alone ("CA", "Texas").
    /// </summary>
    /// <param name="place">The place, or null.</param>
    /// <param name="state">The state.</param>
    /// <returns>True when the place names a state.</returns>
    public static bool TryParseState(string? place, out UsState state)
    {
        if (WorksiteLocation.TryParse(place, out var location))
        {
            state = location.State;
            return true;
        }

        if (string.IsNullOrWhiteSpace(place))
        {
            state = default;
            return false;
        }

        var comma = place.LastIndexOf(',');
        return UsState.TryParse(place.AsSpan(comma + 1).Trim(), out state);
    }
}
