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
        return ReadColumn(reader, file.Name, column);
    }

    /// <summary>The non-blank values of <paramref name="column"/> (the only column when null).</summary>
    public static List<string> ReadColumn(TextReader reader, string name, string? column) => [.. ReadTable(reader, name, column).Titles.Where(t => t.Length > 0)];

    /// <summary>
    /// Every data row (an empty line too, as the lexical command counts rows): the value of <paramref name="column"/>
    /// and the row's other fields, with the other columns' names.
    /// </summary>
    public static CorpusTable ReadTable(TextReader reader, string name, string? column)
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

        var titles = new List<string>();
        var kept = new List<string[]>();
        while (csv.ReadRecord() is { } record)
        {
            titles.Add(index < record.Count ? record[index].Trim() : "");
            var others = new string[header.Count - 1];
            for (int i = 0, j = 0; i < header.Count; i++)
            {
                if (i != index)
                {
                    others[j++] = i < record.Count ? record[i] : "";
                }
            }

            kept.Add(others);
        }

        return new CorpusTable([.. header.Where((_, i) => i != index)], titles, kept);
    }
}
