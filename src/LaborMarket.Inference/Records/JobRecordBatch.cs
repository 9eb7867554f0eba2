using LaborMarket.Inference.Models;

namespace LaborMarket.Inference.Records;

/// <summary>
/// The records built from raw rows, with where each came from and how many rows were dropped or will be left out of
/// the salary model, by reason: nothing is lost silently.
/// </summary>
/// <param name="Records">The records, in row order.</param>
/// <param name="SourceRows">For each record, the index of its row in the input (0-based).</param>
/// <param name="Rows">Rows read.</param>
/// <param name="MatchedRows">Rows whose title normalized to a role.</param>
/// <param name="DistinctTitles">Distinct titles (each normalized once).</param>
/// <param name="MatchedTitles">Distinct titles that normalized to a role.</param>
/// <param name="NoRole">Rows dropped because their title normalized to no role.</param>
/// <param name="NoPlace">Rows dropped because their place names no US state (and no default state was given).</param>
/// <param name="BlankPay">Records kept without pay (the archetype and headcount models use them; the salary model leaves them out).</param>
/// <param name="ImplausiblePay">Records kept whose pay is outside <see cref="SalaryModel.IsPlausible"/> (left out of the salary model).</param>
public sealed record JobRecordBatch(IReadOnlyList<JobRecord> Records, IReadOnlyList<int> SourceRows, int Rows, int MatchedRows, int DistinctTitles,
    int MatchedTitles, int NoRole, int NoPlace, int BlankPay, int ImplausiblePay);
