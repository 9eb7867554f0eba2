using System.Text;
using LaborMarket.Cli.Hosting;

namespace LaborMarket.Cli.Normalize;

/// <summary>
/// The one place normalize reads and writes CSV text: records through the CLI's CSV reader, fields escaped as RFC 4180.
/// A different CSV parser plugs in here without touching the pipeline.
/// </summary>
internal sealed class CsvRows(TextReader reader, string source)
{
    private readonly CsvReader _reader = new(reader, source);

    /// <summary>The next record's fields, or null at the end of the input.</summary>
    public IReadOnlyList<string>? Read() => _reader.ReadRecord();

    /// <summary>Appends one field, quoted only when it holds a comma, a quote or a line break.</summary>
    public static void AppendField(StringBuilder text, string? field)
    {
        if (string.IsNullOrEmpty(field))
        {
            return;
        }

        if (field.AsSpan().IndexOfAny(",\"\r\n") < 0)
        {
            text.Append(field);
            return;
        }

        text.Append('"');
        foreach (var c in field)
        {
            text.Append(c);
            if (c == '"')
            {
                text.Append('"');
            }
        }

        text.Append('"');
    }
}
