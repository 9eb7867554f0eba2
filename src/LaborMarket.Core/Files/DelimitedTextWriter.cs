namespace LaborMarket.Files;

/// <summary>
/// Writes delimited text that <see cref="DelimitedTextReader"/> (and any RFC 4180 reader) reads back to the same
/// fields: a field holding the separator, a quote, CR or LF is quoted with its quotes doubled; records end in LF.
/// </summary>
public sealed class DelimitedTextWriter(TextWriter writer, char separator = ',')
{
    private readonly char[] _special = ['"', '\r', '\n', separator];

    /// <summary>Writes one record.</summary>
    /// <param name="fields">The fields; null is written as an empty field.</param>
    public void WriteRecord(IReadOnlyList<string?> fields)
    {
        ArgumentNullException.ThrowIfNull(fields);
        for (var i = 0; i < fields.Count; i++)
        {
            if (i > 0)
            {
                writer.Write(separator);
            }

            var f = fields[i] ?? "";
            if (f.AsSpan().IndexOfAny(_special) >= 0)
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
