using LaborMarket.Cli.Hosting;

namespace LaborMarket.Cli.Normalize;

/// <summary>Where normalize's titles come from: arguments, lines of text, or one column of a CSV (whose other columns are kept).</summary>
internal sealed class TitleSource
{
    private readonly Func<int, CancellationToken, IEnumerable<TitleBatch>> _batches;

    private TitleSource(IReadOnlyList<string> keptColumns, Func<int, CancellationToken, IEnumerable<TitleBatch>> batches, int titleColumn = 0, int width = 1)
    {
        KeptColumns = keptColumns;
        _batches = batches;
        TitleColumn = titleColumn;
        Width = width;
    }

    /// <summary>For CSV input, the index of the title column among the header's.</summary>
    public int TitleColumn { get; }

    /// <summary>For CSV input, the number of columns in the header.</summary>
    public int Width { get; }

    /// <summary>The names of the input's other columns, written after the results.</summary>
    public IReadOnlyList<string> KeptColumns { get; }

    /// <summary>The rows in batches of <paramref name="size"/>, read as they are asked for.</summary>
    public IEnumerable<TitleBatch> Batches(int size, CancellationToken cancellationToken) => _batches(size, cancellationToken);

    public static TitleSource FromTitles(IReadOnlyList<string> titles) =>
        new([], (size, _) => Chunk(titles, size));

    public static TitleSource FromLines(TextReader reader) =>
        new([], (size, cancellationToken) => Chunk(Lines(reader, cancellationToken), size));

    /// <summary>Reads the header now (so a missing column is reported before any output), the rows later.</summary>
    public static TitleSource FromCsv(TextReader reader, string source, string? column)
    {
        var csv = new CsvRows(reader, source);
        var header = csv.Read()?.ToArray() ?? throw new CliUserException($"{source} is empty: expected a header row.");
        int index;
        if (column is null)
        {
            index = header.Length == 1 ? 0
                : throw new CliUserException($"{source} has {header.Length} columns; name one with --column ({string.Join(", ", header)}).");
        }
        else
        {
            index = Array.FindIndex(header, h => h.Trim().Equals(column, StringComparison.OrdinalIgnoreCase));
            if (index < 0)
            {
                throw new CliUserException($"{source} has no column '{column}' (columns: {string.Join(", ", header)}).");
            }
        }

        var kept = header.Where((_, i) => i != index).ToArray();
        return new(kept, (_, cancellationToken) => CsvBatches(csv, cancellationToken), index, header.Length);
    }

    // The records go to the workers as text; they split them into fields.
    private static IEnumerable<TitleBatch> CsvBatches(CsvRows csv, CancellationToken cancellationToken)
    {
        long row = 1;
        foreach (var chunk in csv.Chunks(row, cancellationToken))
        {
            yield return new TitleBatch(row, [], null, chunk);
            row += chunk.Records;
        }
    }

    private static IEnumerable<string> Lines(TextReader reader, CancellationToken cancellationToken)
    {
        while (reader.ReadLine() is { } line)
        {
            cancellationToken.ThrowIfCancellationRequested();
            yield return line;
        }
    }

    private static IEnumerable<TitleBatch> Chunk(IEnumerable<string> titles, int size)
    {
        long row = 1;
        foreach (var chunk in titles.Chunk(size))
        {
            yield return new TitleBatch(row, chunk, null);
            row += chunk.Length;
        }
    }
}
