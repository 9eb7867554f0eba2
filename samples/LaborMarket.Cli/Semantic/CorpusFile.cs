using System.Text;
using LaborMarket.Cli.Hosting;

namespace LaborMarket.Cli.Semantic;

/// <summary>Reads one column of a CSV file with a header row.</summary>
internal static class CorpusFile
{
    public static List<string> ReadColumn(FileInfo file, string? column)
    {
        if (!file.Exists)
        {
            throw new CliUserException($"input file '{file.FullName}' does not exist.");
        }

        using var reader = new StreamReader(file.FullName, Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        var csv = new CsvReader(reader, file.Name);
        var header = csv.ReadRecord() ?? throw new CliUserException($"{file.Name} is empty: expected a header row.");
        header[0] = header[0].TrimStart('\uFEFF');
        int index;
        if (column is null)
        {
            index = header.Count == 1 ? 0 : throw new CliUserException($"{file.Name} has {header.Count} columns; name one with --column ({string.Join(", ", header)}).");
        }
        else
        {
            index = header.FindIndex(h => h.Trim().Equals(column, StringComparison.OrdinalIgnoreCase));
            if (index < 0)
            {
                throw new CliUserException($"{file.Name} has no column '{column}' (columns: {string.Join(", ", header)}).");
            }
        }

        var values = new List<string>();
        while (csv.ReadRecord() is { } record)
        {
            if (index < record.Count && !string.IsNullOrWhiteSpace(record[index]))
            {
                values.Add(record[index].Trim());
            }
        }

        return values;
    }
}
