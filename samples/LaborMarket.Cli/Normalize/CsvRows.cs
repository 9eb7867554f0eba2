using System.Text;
using LaborMarket.Cli.Hosting;

namespace LaborMarket.Cli.Normalize;

/// <summary>
/// The one place normalize reads and writes CSV text: records through the CLI's CSV reader, fields escaped as RFC 4180.
/// A different CSV parser plugs in here without touching the pipeline.
/// </summary>
internal sealed class CsvRows(TextReader reader, string source)
{
    private const int ChunkSize = 32 * 1024;

    /// <summary>The longest record read: far beyond any real row, small enough that a bad file cannot fill memory.</summary>
    internal const int MaxRecordLength = 16 * 1024 * 1024;

    private bool _started;

    /// <summary>
    /// The next record's fields (the header), or null at the end of the input. The record is taken off the input one
    /// character at a time, so that <see cref="Chunks"/> goes on from exactly where it ends; its fields are then read by
    /// the CLI's CSV reader.
    /// </summary>
    public IReadOnlyList<string>? Read()
    {
        var record = new StringBuilder();
        var quoted = false;
        int c;
        while ((c = reader.Read()) >= 0)
        {
            var ch = (char)c;
            if (ch == '\uFEFF' && !_started)
            {
                // A byte order mark the reader left in (stdin): before a quoted name it would make the quotes text.
                _started = true;
                continue;
            }

            _started = true;
            if (ch == '"')
            {
                quoted = !quoted;
            }
            else if (ch == '\n' && !quoted)
            {
                break;
            }
            else if (ch == '\r' && !quoted)
            {
                // The rows are split at line feeds only: a file whose lines end in a bare CR would be read as one row.
                c = reader.Read();
                if (c is '\n' or < 0)
                {
                    break;
                }

                throw new LaborMarketFormatException(source, 1, null, "lines end in a carriage return alone; save the file with LF or CRLF line endings");
            }

            record.Append(ch);
        }

        if (c < 0 && record.Length == 0)
        {
            return null;
        }

        return new CsvReader(new StringReader(record.ToString()), source).ReadRecord() ?? [""];
    }

    /// <summary>
    /// The rest of the input as chunks of whole records (a record ends at a line break outside quotes). Only quotes and
    /// line breaks are looked at here, with a vectorized search, so one reader keeps up with several workers.
    /// </summary>
    public IEnumerable<CsvChunk> Chunks(long firstRow, CancellationToken cancellationToken)
    {
        var buffer = new char[ChunkSize];
        var length = 0;
        var scanned = 0;
        var quoted = false;
        var boundary = 0;
        var records = 0;
        var row = firstRow;
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (length == buffer.Length)
            {
                // The buffer holds one record at least: a quote never closed would otherwise take in the rest of the file.
                if (buffer.Length >= MaxRecordLength)
                {
                    throw new LaborMarketFormatException(source, 0, null,
                        $"row {row + records} is longer than {MaxRecordLength / (1024 * 1024)} M characters (a quoted field not closed?)");
                }

                Array.Resize(ref buffer, buffer.Length * 2);
            }

            var read = reader.Read(buffer, length, buffer.Length - length);
            if (read == 0)
            {
                if (quoted)
                {
                    throw new LaborMarketFormatException(source, 0, null, $"row {row + records}: a quoted field is not closed before the end of the file");
                }

                var tail = length > boundary ? 1 : 0;
                if (records + tail > 0)
                {
                    yield return new CsvChunk(buffer, length, records + tail);
                }

                yield break;
            }

            length += read;
            var i = scanned;
            while (i < length)
            {
                var rest = buffer.AsSpan(i, length - i);
                var k = quoted ? rest.IndexOf('"') : rest.IndexOfAny('"', '\n');
                if (k < 0)
                {
                    break;
                }

                i += k;
                if (buffer[i] == '"')
                {
                    quoted = !quoted;
                }
                else
                {
                    records++;
                    boundary = i + 1;
                }

                i++;
            }

            scanned = length;
            if (boundary > 0)
            {
                var text = new char[Math.Max(ChunkSize, buffer.Length)];
                Array.Copy(buffer, boundary, text, 0, length - boundary);
                yield return new CsvChunk(buffer, boundary, records);
                row += records;
                (buffer, length, scanned, boundary, records) = (text, length - boundary, length - boundary, 0, 0);
            }
        }
    }

    /// <summary>
    /// Splits the record starting at <paramref name="start"/> into fields: each field's text as written (quotes
    /// included) into <paramref name="raw"/>. Returns the start of the next record.
    /// </summary>
    public static int Split(ReadOnlySpan<char> text, int start, Span<Range> raw, out int count)
    {
        count = 0;
        var i = start;
        while (true)
        {
            var fieldStart = i;
            if (i < text.Length && text[i] == '"')
            {
                i++;
                while (i < text.Length)
                {
                    var k = text[i..].IndexOf('"');
                    if (k < 0)
                    {
                        i = text.Length;
                        break;
                    }

                    i += k + 1;
                    if (i < text.Length && text[i] == '"')
                    {
                        i++;
                        continue;
                    }

                    break;
                }
            }

            var end = text[i..].IndexOfAny(',', '\n');
            i = end < 0 ? text.Length : i + end;
            var fieldEnd = i;
            var last = i >= text.Length || text[i] == '\n';
            if (last && fieldEnd > fieldStart && text[fieldEnd - 1] == '\r')
            {
                fieldEnd--;
            }

            if (count < raw.Length)
            {
                raw[count] = new Range(fieldStart, fieldEnd);
            }

            count++;
            if (last)
            {
                return Math.Min(i + 1, text.Length);
            }

            i++;
        }
    }

    /// <summary>A field's value from its written text: without the surrounding quotes, doubled quotes made single.</summary>
    public static ReadOnlySpan<char> Value(ReadOnlySpan<char> written, out string? unescaped)
    {
        unescaped = null;
        if (written.Length < 2 || written[0] != '"')
        {
            return written;
        }

        var inner = written[1..(written[^1] == '"' ? ^1 : ^0)];
        if (inner.IndexOf('"') < 0)
        {
            return inner;
        }

        unescaped = inner.ToString().Replace("\"\"", "\"", StringComparison.Ordinal);
        return unescaped;
    }

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
