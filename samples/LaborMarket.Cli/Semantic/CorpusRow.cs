namespace LaborMarket.Cli.Semantic;

/// <summary>One input row: its title and its other fields, in the order of <see cref="CorpusTable.KeptColumns"/>.</summary>
internal readonly record struct CorpusRow(string Title, string[] Kept);
