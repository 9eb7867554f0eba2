using LaborMarket.Cli.Hosting;

namespace LaborMarket.Cli.Normalize;

/// <summary>Where normalize's titles come from: arguments, lines of text, or one column of a CSV (whose other columns are kept).</summary>
internal sealed class TitleSource
{
    private readonly Func<int, CancellationToken, IEnumerable<TitleBatch>> _batches;

    private TitleSource(IReadOnlyList<string> keptColumns, Func<int, CancellationToken, IEnumerable<TitleBatch>> batches)
    {
        KeptColumns = keptColumns;
        _batches = batches;
    }

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
        header[0] = header[0].TrimStart('\uFEFF');
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
        return new(kept, (size, cancellationToken) => CsvBatches(csv, index, header.Length, size, kept.Length > 0, cancellationToken));
    }

    private static IEnumerable<TitleBatch> CsvBatches(CsvRows csv, int index, int width, int size, bool keep, CancellationToken cancellationToken)
    {
        long row = 1;
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var titles = new List<string>(size);
            var others = keep ? new List<string[]>(size) : null;
            while (titles.Count < size && csv.Read() is { } record)
            {
                // A short row keeps its place in the output (empty title, empty fields) rather than disappearing.
                titles.Add(index < record.Count ? record[index] : "");
                if (others is not null)
                {
                    var values = new string[width - 1];
                    for (int i = 0, j = 0; i < width; i++)
                    {
                        if (i != index)
                        {
                            values[j++] = i < record.Count ? record[i] : "";
                        }
                    }

                    others.Add(values);
                }
            }

            if (titles.Count == 0)
            {
                yield break;
            }

            yield return new TitleBatch(row, [.. titles], others?.ToArray());
            row += titles.Count;
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
