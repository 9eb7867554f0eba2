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
        return ReadColumn(reader, file.Name, column, keepBlank: false);
    }

    /// <summary>The values of <paramref name="column"/>, one per data row; blank values are kept (as "") when <paramref name="keepBlank"/>.</summary>
    public static List<string> ReadColumn(TextReader reader, string name, string? column, bool keepBlank)
    {
        var csv = new CsvReader(reader, name);
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

        var values = new List<string>();
        while (csv.ReadRecord() is { } record)
        {
            var value = index < record.Count ? record[index].Trim() : "";
            if (value.Length > 0 || keepBlank)
            {
                values.Add(value);
            }
        }

        return values;
    }
}
