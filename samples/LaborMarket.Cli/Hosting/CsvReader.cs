using System.Text;

namespace LaborMarket.Cli.Hosting;

/// <summary>Streams RFC 4180 records (quoted fields, doubled quotes, newlines inside quotes) from a reader.</summary>
internal sealed class CsvReader(TextReader reader, string source)
{
    private readonly StringBuilder _field = new();

    public string Source => source;

    /// <summary>The 1-based line the last record started on.</summary>
    public long Line { get; private set; }

    private long _nextLine = 1;

    public List<string>? ReadRecord()
    {
        var c = reader.Read();
        if (c < 0)
        {
            return null;
        }

        Line = _nextLine;
        var fields = new List<string>();
        var quoted = false;
        _field.Clear();
        while (true)
        {
            if (c < 0)
            {
                if (quoted)
                {
                    throw new FormatException($"{source}:{Line}: a quoted field is not closed before the end of the file");
                }

                fields.Add(_field.ToString());
                return fields;
            }

            var ch = (char)c;
            if (quoted)
            {
                if (ch == '"')
                {
                    if (reader.Peek() == '"')
                    {
                        reader.Read();
                        _field.Append('"');
                    }
                    else
                    {
                        quoted = false;
                    }
                }
                else
                {
                    if (ch == '\n')
                    {
                        _nextLine++;
                    }

                    _field.Append(ch);
                }
            }
            else if (ch == '"' && _field.Length == 0)
            {
                quoted = true;
            }
            else if (ch == ',')
            {
                fields.Add(_field.ToString());
                _field.Clear();
            }
            else if (ch is '\n' or '\r')
            {
                if (ch == '\r' && reader.Peek() == '\n')
                {
                    reader.Read();
                }

                _nextLine++;
                fields.Add(_field.ToString());
                return fields;
            }
            else
            {
                _field.Append(ch);
            }

            c = reader.Read();
        }
    }
}

/// <summary>Writes CSV fields, quoting only where needed.</summary>
internal static class CsvText
{
    public static void WriteRow(TextWriter writer, IReadOnlyList<string?> fields)
    {
        for (var i = 0; i < fields.Count; i++)
        {
            if (i > 0)
            {
                writer.Write(',');
            }

            var f = fields[i] ?? "";
            if (f.AsSpan().IndexOfAny(",\"\r\n") >= 0)
            {
                writer.Write('"');
                writer.Write(f.Replace("\"", "\"\"", StringComparison.Ordinal));
                writer.Write('"');
            }
            else
            {
                writer.Write(f);
            }
        }

        writer.Write('\n');
    }
}
