using System.Text;
using LaborMarket.Cli.Hosting;

namespace LaborMarket.Cli.Semantic;

/// <summary>Reads one column of a CSV file with a header row.</summary>
internal static class CorpusFile
{
    /// <summary>The non-blank values of <paramref name="column"/> (the only column when null).</summary>
    public static List<string> ReadColumn(FileInfo file, string? column)
    {
        if (!file.Exists)
        {
            throw new CliUserException($"input file '{file.FullName}' does not exist.");
        }

        using var reader = new StreamReader(file.FullName, Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        return [.. Open(reader, file.Name, column, keepOthers: false).Rows.Select(r => r.Title).Where(t => t.Length > 0)];
    }

    /// <summary>
    /// Reads the header now (so a missing column is reported before any work) and the rows as they are asked for:
    /// every data row, an empty line too (as the lexical command counts rows), with the value of
    /// <paramref name="column"/> and, when <paramref name="keepOthers"/>, the row's other fields.
    /// </summary>
    public static CorpusTable Open(TextReader reader, string name, string? column, bool keepOthers = true)
    {
        var csv = new CsvReader(reader, name, skipBlankLines: false);
        var header = csv.ReadRecord() ?? throw new CliUserException($"{name} is empty: expected a header row.");
        header[0] = header[0].TrimStart('\uFEFF');
        int index;
        if (column is null)
        {
            index = header.Count == 1 ? 0 : throw new CliUserException($"{name} has {header.Count} columns; name one with --column ({string.Join(", ", header)}).");
        }
        else
        {
            index = header.FindIndex(h => h.Trim().Equals(column, StringComparison.OrdinalIgnoreCase));
            if (index < 0)
            {
                throw new CliUserException($"{name} has no column '{column}' (columns: {string.Join(", ", header)}).");
            }
        }

        return new CorpusTable(keepOthers ? [.. header.Where((_, i) => i != index)] : [], Rows(csv, index, keepOthers ? header.Count : 0));
    }

    private static IEnumerable<CorpusRow> Rows(CsvReader csv, int index, int width)
    {
        while (csv.ReadRecord() is { } record)
        {
            var others = width == 0 ? [] : new string[width - 1];
            for (int i = 0, j = 0; j < others.Length; i++)
            {
                if (i != index)
                {
                    others[j++] = i < record.Count ? record[i] : "";
                }
            }

            yield return new CorpusRow(index < record.Count ? record[index].Trim() : "", others);
        }
    }
}
