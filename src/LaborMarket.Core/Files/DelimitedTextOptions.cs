using System.Text;

namespace LaborMarket.Files;

/// <summary>
/// How <see cref="DelimitedTextReader"/> reads a file, and the limits that bound its memory: a record longer than
/// <see cref="MaxRecordLength"/> or wider than <see cref="MaxFieldCount"/> is an error, so the reader never holds
/// more than about <c>2 * MaxRecordLength</c> characters however the input is shaped.
/// </summary>
public sealed record DelimitedTextOptions
{
    /// <summary>Comma-separated values with a header row (the defaults).</summary>
    public static DelimitedTextOptions Csv { get; } = new();

    /// <summary>Tab-separated values with a header row and no quoting (the O*NET release files).</summary>
    public static DelimitedTextOptions Tsv { get; } = new() { Separator = '\t', Quoting = false };

    /// <summary>The field separator; a comma unless changed. Not a quote, CR or LF.</summary>
    public char Separator { get; init; } = ',';

    /// <summary>
    /// Whether a field that starts with a double quote is quoted (RFC 4180; the default). Off, quotes are plain
    /// characters and a record ends at the first line break (tab-separated files that never quote).
    /// </summary>
    public bool Quoting { get; init; } = true;

    /// <summary>
    /// Whether the first record is a header. With a header, every later record must have as many fields as the
    /// header (unless <see cref="AllowRaggedRecords"/>), and errors name the column by its header.
    /// </summary>
    public bool HasHeader { get; init; } = true;

    /// <summary>Records whose field count differs from the header's are returned instead of refused.</summary>
    public bool AllowRaggedRecords { get; init; }

    /// <summary>
    /// Whether a quote inside a quoted field that is not doubled (<c>"a "b" c"</c>) is kept as text instead of being an
    /// error; a quote is then closing only before a separator or a line break. Off by default; the NCES CIP code list
    /// needs it.
    /// </summary>
    public bool AcceptStrayQuotes { get; init; }

    /// <summary>Empty lines are skipped (the default) instead of returned as a record of one empty field.</summary>
    public bool SkipBlankLines { get; init; } = true;

    /// <summary>The longest record, in characters, quoted line breaks included. Default 1,048,576 (1 Mi).</summary>
    public int MaxRecordLength { get; init; } = 1 << 20;

    /// <summary>The most fields in a record. Default 4,096.</summary>
    public int MaxFieldCount { get; init; } = 4096;

    /// <summary>
    /// The encoding used when a file has no byte order mark; default UTF-8 (a UTF-8, UTF-16 or UTF-32 byte order
    /// mark is always honoured and never part of the first field). Bytes that are not valid in it become U+FFFD.
    /// </summary>
    public Encoding Encoding { get; init; } = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);

    internal void Validate()
    {
        if (Separator is '"' or '\r' or '\n')
        {
            throw new ArgumentException($"'{Separator}' cannot separate fields.", nameof(Separator));
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(MaxRecordLength, 16, nameof(MaxRecordLength));
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxFieldCount, 1, nameof(MaxFieldCount));
        ArgumentNullException.ThrowIfNull(Encoding, nameof(Encoding));
    }
}
