namespace LaborMarket.Cli.Normalize;

/// <summary>A run of consecutive input rows: the titles, the other columns kept beside them, and the first row's number.</summary>
/// <param name="FirstRow">The 1-based number of the first row (the header is not counted).</param>
/// <param name="Titles">The titles, in input order (empty when the rows are still <paramref name="Raw"/> text).</param>
/// <param name="Kept">For CSV input, the values of the other columns of each row; else null.</param>
/// <param name="Raw">For CSV input, the records as read, split by the worker that takes the batch.</param>
internal sealed record TitleBatch(long FirstRow, string[] Titles, string[][]? Kept, CsvChunk? Raw = null)
{
    /// <summary>The number of rows in the batch.</summary>
    public int Count => Raw?.Records ?? Titles.Length;
}
