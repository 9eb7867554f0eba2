namespace LaborMarket.Cli.Semantic;

/// <summary>One column of a CSV file as titles, and the other columns kept beside them.</summary>
internal sealed record CorpusTable(string[] KeptColumns, List<string> Titles, List<string[]> Kept);
