using LaborMarket.Files;

namespace LaborMarket.Cli.Hosting;

/// <summary>
/// The CLI's CSV input, record by record, through the family's delimited-text reader (quoted fields, line breaks
/// inside quotes, CRLF/LF/CR, BOM or none; errors name the file, line and column). Rows may differ in width:
/// each command says what a short row means.
/// </summary>
/// <param name="reader">The text.</param>
/// <param name="source">The name used in messages.</param>
/// <param name="skipBlankLines">False to read an empty line as a record of one empty field (so rows keep their numbers).</param>
internal sealed class CsvReader(TextReader reader, string source, bool skipBlankLines = true)
{
    private readonly DelimitedTextReader _reader = new(reader, source,
        DelimitedTextOptions.Csv with { HasHeader = false, AllowRaggedRecords = true, SkipBlankLines = skipBlankLines }, leaveOpen: true);

    public string Source => source;

    /// <summary>The 1-based line the last record started on.</summary>
    public long Line => _reader.LineNumber;

    public List<string>? ReadRecord()
    {
        if (!_reader.Read())
        {
            return null;
        }

        var fields = new List<string>(_reader.FieldCount);
        for (var i = 0; i < _reader.FieldCount; i++)
        {
            fields.Add(_reader.GetString(i));
        }

        return fields;
    }
}

/// <summary>Writes CSV through the family's delimited-text writer (fields quoted only where needed).</summary>
internal static class CsvText
{
    public static void WriteRow(TextWriter writer, IReadOnlyList<string?> fields) => new DelimitedTextWriter(writer).WriteRecord(fields);
}
