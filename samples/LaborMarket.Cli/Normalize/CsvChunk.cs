namespace LaborMarket.Cli.Normalize;

/// <summary>
/// Whole CSV records as read, not yet split into fields: the reader only finds where records end, and the workers
/// split them (in parallel), copying the fields they keep as they were written.
/// </summary>
/// <param name="Text">The records' text; <paramref name="Length"/> characters are used.</param>
/// <param name="Length">The characters of <paramref name="Text"/> that hold records.</param>
/// <param name="Records">How many records the text holds.</param>
internal sealed record CsvChunk(char[] Text, int Length, int Records);
