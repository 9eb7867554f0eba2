namespace LaborMarket.Cli.Semantic;

/// <summary>Titles with the names of the input's other columns; the rows are read as they are asked for, once.</summary>
internal sealed record CorpusTable(string[] KeptColumns, IEnumerable<CorpusRow> Rows)
{
    /// <summary>Titles that come with no other columns (arguments, or lines of text).</summary>
    public static CorpusTable FromTitles(IEnumerable<string> titles) => new([], titles.Select(t => new CorpusRow(t, [])));
}
