namespace LaborMarket.Cli.Normalize;

/// <summary>A run of consecutive input rows: the titles, the other columns kept beside them, and the first row's number.</summary>
/// <param name="FirstRow">The 1-based number of the first row (the header is not counted).</param>
/// <param name="Titles">The titles, in input order.</param>
/// <param name="Kept">For CSV input, the values of the other columns of each row; else null.</param>
internal sealed record TitleBatch(long FirstRow, string[] Titles, string[][]? Kept);
