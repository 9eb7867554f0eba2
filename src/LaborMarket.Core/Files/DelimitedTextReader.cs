using System.Buffers;

namespace LaborMarket.Files;

/// <summary>
/// Reads delimited text (CSV, TSV) record by record into spans: RFC 4180 quoting (separators, quotes and line
/// breaks inside quoted fields, doubled quotes), CRLF, LF and CR-only line ends, with or without a byte order
/// mark, and <c>.gz</c> files whose trailer is checked so a cut file is an error. Every error is a
/// <see cref="LaborMarketFormatException"/> naming the file, line and column; memory is bounded by
/// <see cref="DelimitedTextOptions.MaxRecordLength"/>, not by the input.
/// </summary>
/// <remarks>
/// The family's one delimited-text reader. It is the project's own rather than Sep's, measured
/// (benchmarks/README.md, "Delimited text"): Sep 0.18 parses the real OEWS and OFLC files about three times faster,
/// but on a record past its fixed 16 Mi-character buffer it throws NotSupportedException with no file or line, and
/// its limits cannot be set per file; here every limit is an option and every error a LaborMarketFormatException
/// with file, line and column. Where parse speed matters more than that, wrap Sep behind this API.
/// </remarks>
public sealed class DelimitedTextReader : IDisposable
{
    private const int InitialBuffer = 1 << 16;

    private readonly TextReader _reader;
    private readonly bool _leaveOpen;
    private readonly DelimitedTextOptions _options;
    private readonly SearchValues<char> _fieldEnds;
    private readonly char _separator;
    private char[] _buffer;
    private int _start;
    private int _end;
    private bool _eof;
    private Field[] _fields = new Field[32];
    private int _fieldCount;
    private long _nextLine = 1;
    private string[]? _header;
    private LaborMarketFormatException? _fault;

    /// <summary>Creates a reader over text.</summary>
    /// <param name="reader">The text.</param>
    /// <param name="sourceName">The file name, used in errors.</param>
    /// <param name="options">Separator, header and limits; <see cref="DelimitedTextOptions.Csv"/> when null.</param>
    /// <param name="leaveOpen">Leave <paramref name="reader"/> open when this reader is disposed.</param>
    public DelimitedTextReader(TextReader reader, string sourceName, DelimitedTextOptions? options = null, bool leaveOpen = false)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentException.ThrowIfNullOrEmpty(sourceName);
        _options = options ?? DelimitedTextOptions.Csv;
        _options.Validate();
        _reader = reader;
        _leaveOpen = leaveOpen;
        SourceName = sourceName;
        _separator = _options.Separator;
        _fieldEnds = SearchValues.Create([_separator, '\r', '\n']);
        _buffer = new char[Math.Min(InitialBuffer, _options.MaxRecordLength)];
    }

    /// <summary>The file name used in errors.</summary>
    public string SourceName { get; }

    /// <summary>The 1-based line on which the current record starts.</summary>
    public long LineNumber { get; private set; }

    /// <summary>The fields of the current record.</summary>
    public int FieldCount => _fieldCount;

    /// <summary>The header's names (trimmed), once <see cref="ReadHeader"/> has run; else null.</summary>
    public IReadOnlyList<string>? Header => _header;

    /// <summary>
    /// True after an error that ends the file (an unclosed quote, a record over the limits, damaged compressed
    /// data): the next read would not be meaningful. After any other error the reader stands on the next record.
    /// </summary>
    public bool IsFaulted => _fault is not null;

    /// <summary>A field of the current record (quotes removed, doubled quotes made single), valid until the next read.</summary>
    /// <param name="index">The 0-based field index, below <see cref="FieldCount"/>.</param>
    public ReadOnlySpan<char> this[int index]
    {
        get
        {
            if ((uint)index >= (uint)_fieldCount)
            {
                throw new ArgumentOutOfRangeException(nameof(index), index, $"the record has {_fieldCount} fields");
            }

            var f = _fields[index];
            return _buffer.AsSpan(f.Start, f.Length);
        }
    }

    /// <summary>
    /// Opens a file: <c>.gz</c> files are decompressed and their CRC and length checked at the end; the encoding
    /// follows the byte order mark, else <see cref="DelimitedTextOptions.Encoding"/>.
    /// </summary>
    /// <param name="path">The file.</param>
    /// <param name="options">Separator, header and limits; <see cref="DelimitedTextOptions.Csv"/> when null.</param>
    public static DelimitedTextReader OpenFile(string path, DelimitedTextOptions? options = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        options ??= DelimitedTextOptions.Csv;
        var stream = OpenStream(path);
        return new DelimitedTextReader(new StreamReader(stream, options.Encoding, detectEncodingFromByteOrderMarks: true, 1 << 16), Path.GetFileName(path), options);
    }

    /// <summary>
    /// A file's bytes, decompressed when its name ends in <c>.gz</c>; the decompressed stream checks the gzip
    /// trailer (CRC-32 and length) and throws <see cref="InvalidDataException"/> when the file was cut or damaged.
    /// </summary>
    /// <param name="path">The file.</param>
    public static Stream OpenStream(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        Stream stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan | FileOptions.Asynchronous);
        return path.EndsWith(".gz", StringComparison.OrdinalIgnoreCase) ? new CheckedGZipStream(stream) : stream;
    }

    /// <summary>
    /// Reads the first record as the header: its names, trimmed, without a byte order mark. Later records must have
    /// as many fields unless <see cref="DelimitedTextOptions.AllowRaggedRecords"/>.
    /// </summary>
    /// <exception cref="LaborMarketFormatException">The file is empty or the header is malformed.</exception>
    public IReadOnlyList<string> ReadHeader()
    {
        if (!ReadRecord())
        {
            throw new LaborMarketFormatException(SourceName, 1, null, "the file is empty (no header row)");
        }

        return SetHeader();
    }

    /// <summary>As <see cref="ReadHeader"/>, reading asynchronously.</summary>
    /// <param name="cancellationToken">Cancels the read.</param>
    public async ValueTask<IReadOnlyList<string>> ReadHeaderAsync(CancellationToken cancellationToken = default)
    {
        if (!await ReadRecordAsync(cancellationToken).ConfigureAwait(false))
        {
            throw new LaborMarketFormatException(SourceName, 1, null, "the file is empty (no header row)");
        }

        return SetHeader();
    }

    /// <summary>Moves to the next record; false at the end of the file.</summary>
    /// <exception cref="LaborMarketFormatException">The record is malformed, over a limit, or its field count differs from the header's.</exception>
    public bool Read()
    {
        if (_options.HasHeader && _header is null)
        {
            ReadHeader();
        }

        return ReadRecord() && CheckFieldCount();
    }

    /// <summary>As <see cref="Read"/>, reading asynchronously.</summary>
    /// <param name="cancellationToken">Cancels the read.</param>
    public async ValueTask<bool> ReadAsync(CancellationToken cancellationToken = default)
    {
        if (_options.HasHeader && _header is null)
        {
            await ReadHeaderAsync(cancellationToken).ConfigureAwait(false);
        }

        return await ReadRecordAsync(cancellationToken).ConfigureAwait(false) && CheckFieldCount();
    }

    /// <summary>The index of a header column (case-insensitive, trimmed), or -1.</summary>
    /// <param name="name">The column name.</param>
    public int IndexOf(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (_header is null)
        {
            return -1;
        }

        for (var i = 0; i < _header.Length; i++)
        {
            if (_header[i].Equals(name, StringComparison.OrdinalIgnoreCase))
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>The index of a header column that must be present.</summary>
    /// <param name="name">The column name.</param>
    /// <exception cref="LaborMarketFormatException">The header has no such column (line 1).</exception>
    public int Require(string name)
    {
        var i = IndexOf(name);
        return i >= 0 ? i
            : throw new LaborMarketFormatException(SourceName, 1, name, $"column missing from the header ({string.Join(", ", (_header ?? []).Take(12))}{((_header?.Length ?? 0) > 12 ? ", ..." : "")})");
    }

    /// <summary>A field as a string.</summary>
    /// <param name="index">The 0-based field index.</param>
    public string GetString(int index) => this[index].ToString();

    /// <summary>An error at a field of the current record: the file, the record's line and the column's name.</summary>
    /// <param name="index">The 0-based field index.</param>
    /// <param name="message">What is wrong.</param>
    public LaborMarketFormatException Error(int index, string message) =>
        new(SourceName, LineNumber, ColumnName(index), message);

    /// <summary>The name of a column: its header name, else "column N" (1-based).</summary>
    /// <param name="index">The 0-based field index.</param>
    public string ColumnName(int index) =>
        _header is not null && (uint)index < (uint)_header.Length && _header[index].Length > 0 ? _header[index] : $"column {index + 1}";

    /// <inheritdoc/>
    public void Dispose()
    {
        if (!_leaveOpen)
        {
            _reader.Dispose();
        }
    }

    private string[] SetHeader()
    {
        var names = new string[_fieldCount];
        for (var i = 0; i < names.Length; i++)
        {
            names[i] = this[i].Trim().TrimStart('\uFEFF').Trim().ToString();
        }

        _header = names;
        return names;
    }

    private bool CheckFieldCount()
    {
        if (_header is null || _options.AllowRaggedRecords || _fieldCount == _header.Length)
        {
            return true;
        }

        var column = _fieldCount < _header.Length ? _fieldCount : _header.Length;
        var what = _fieldCount < _header.Length ? "it is cut short" : "it has more fields than columns";
        throw Error(column, $"the row has {_fieldCount} fields; the header has {_header.Length}: {what}");
    }

    // Damaged compressed data surfaces from the text reader as InvalidDataException; it ends the file.
    private bool ReadRecord()
    {
        try
        {
            Parse result;
            while ((result = TryParse()) == Parse.NeedMore)
            {
                MakeRoom();
                Filled(_reader.Read(_buffer, _end, _buffer.Length - _end));
            }

            return result == Parse.Record;
        }
        catch (InvalidDataException ex)
        {
            throw Damaged(ex);
        }
    }

    private async ValueTask<bool> ReadRecordAsync(CancellationToken cancellationToken)
    {
        try
        {
            Parse result;
            while ((result = TryParse()) == Parse.NeedMore)
            {
                MakeRoom();
                Filled(await _reader.ReadAsync(_buffer.AsMemory(_end), cancellationToken).ConfigureAwait(false));
            }

            return result == Parse.Record;
        }
        catch (InvalidDataException ex)
        {
            throw Damaged(ex);
        }
    }

    private Parse TryParse()
    {
        if (_fault is not null)
        {
            throw _fault;
        }

        while (true)
        {
            var result = TryParseOne();
            if (result != Parse.Record || !_options.SkipBlankLines || _fieldCount != 1 || _fields[0].Length != 0 || _fields[0].Quoted)
            {
                return result;
            }
        }
    }

    // One record from _start, or NeedMore when the buffer ends inside it (the record is then parsed again after
    // the fill: the buffer is not changed until the whole record is there).
    private Parse TryParseOne()
    {
        if (_start == _end)
        {
            return _eof ? Parse.End : Parse.NeedMore;
        }

        var buffer = _buffer;
        var pos = _start;
        var count = 0;
        long breaks = 0; // line breaks inside quoted fields
        while (true)
        {
            var field = new Field { Start = pos };
            if (pos < _end && buffer[pos] == '"' && _options.Quoting)
            {
                pos++;
                field.Start = pos;
                field.Quoted = true;
                while (true)
                {
                    var q = buffer.AsSpan(pos, _end - pos).IndexOf('"');
                    if (q < 0)
                    {
                        return _eof ? throw Fault(_nextLine + breaks + LineBreaks(buffer.AsSpan(pos, _end - pos)), count, "a quoted field is not closed before the end of the file") : Parse.NeedMore;
                    }

                    breaks += LineBreaks(buffer.AsSpan(pos, q));
                    pos += q + 1;
                    if (pos == _end && !_eof)
                    {
                        return Parse.NeedMore; // the next character may double the quote
                    }

                    if (pos < _end && buffer[pos] == '"')
                    {
                        field.Escaped = true;
                        pos++;
                        continue;
                    }

                    if (_options.AcceptStrayQuotes && pos < _end && buffer[pos] != _separator && buffer[pos] is not '\r' and not '\n')
                    {
                        field.Escaped = true; // a quote inside the field that was not doubled: kept as text
                        continue;
                    }

                    break;
                }

                field.Length = pos - 1 - field.Start;
                if (pos < _end && buffer[pos] != _separator && buffer[pos] is not '\r' and not '\n')
                {
                    throw Fault(_nextLine + breaks, count, $"'{buffer[pos]}' after a closing quote (a quote inside a quoted field is written twice)");
                }
            }
            else
            {
                var i = buffer.AsSpan(pos, _end - pos).IndexOfAny(_fieldEnds);
                if (i < 0)
                {
                    if (!_eof)
                    {
                        return Parse.NeedMore;
                    }

                    i = _end - pos;
                }

                pos += i;
                field.Length = pos - field.Start;
            }

            if (count == _fields.Length)
            {
                if (count >= _options.MaxFieldCount)
                {
                    throw Fault(_nextLine + breaks, count, $"the record has more than {_options.MaxFieldCount} fields (DelimitedTextOptions.MaxFieldCount)");
                }

                Array.Resize(ref _fields, Math.Min(count * 2, _options.MaxFieldCount));
            }

            _fields[count++] = field;
            if (pos == _end)
            {
                break; // end of file (NeedMore was returned above otherwise)
            }

            var c = buffer[pos];
            if (c == _separator)
            {
                pos++;
                continue;
            }

            if (c == '\r')
            {
                if (pos + 1 == _end && !_eof)
                {
                    return Parse.NeedMore; // CR LF split by the fill
                }

                pos += pos + 1 < _end && buffer[pos + 1] == '\n' ? 2 : 1;
            }
            else
            {
                pos++;
            }

            breaks++;
            break;
        }

        _fieldCount = count;
        LineNumber = _nextLine;
        _nextLine += breaks;
        _start = pos;
        for (var f = 0; f < count; f++)
        {
            if (_fields[f].Escaped)
            {
                _fields[f].Length = Unescape(buffer.AsSpan(_fields[f].Start, _fields[f].Length));
            }
        }

        return Parse.Record;
    }

    private static int Unescape(Span<char> field)
    {
        var w = 0;
        for (var r = 0; r < field.Length; r++, w++)
        {
            field[w] = field[r];
            if (field[r] == '"' && r + 1 < field.Length && field[r + 1] == '"')
            {
                r++; // the doubled quote (a lone one is kept only with AcceptStrayQuotes)
            }
        }

        return w;
    }

    // CR LF, LF and a lone CR each end a line.
    private static long LineBreaks(ReadOnlySpan<char> text)
    {
        if (text.IndexOfAny('\r', '\n') < 0)
        {
            return 0;
        }

        long n = 0;
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '\n' || (text[i] == '\r' && (i + 1 == text.Length || text[i + 1] != '\n')))
            {
                n++;
            }
        }

        return n;
    }

    // Moves the unfinished record to the front and grows the buffer if the record fills it, up to the limit.
    private void MakeRoom()
    {
        var pending = _end - _start;
        if (_start > 0)
        {
            Array.Copy(_buffer, _start, _buffer, 0, pending);
            _start = 0;
            _end = pending;
        }

        if (_end == _buffer.Length)
        {
            if (_buffer.Length >= _options.MaxRecordLength)
            {
                throw Fault(_nextLine, -1, $"a record is longer than {_options.MaxRecordLength:N0} characters (DelimitedTextOptions.MaxRecordLength)");
            }

            var larger = new char[(int)Math.Min(_buffer.Length * 2L, _options.MaxRecordLength)];
            Array.Copy(_buffer, larger, _end);
            _buffer = larger;
        }
    }

    private void Filled(int read)
    {
        _eof = read == 0;
        _end += read;
    }

    private LaborMarketFormatException Damaged(InvalidDataException ex) =>
        Fault(_nextLine, -1, $"the compressed data is damaged or cut short ({ex.Message})", ex);

    private LaborMarketFormatException Fault(long line, int field, string message, Exception? inner = null)
    {
        _fault = new LaborMarketFormatException(SourceName, line, field >= 0 ? ColumnName(field) : null, message, inner);
        return _fault;
    }

    private enum Parse
    {
        NeedMore,
        Record,
        End,
    }

    private struct Field
    {
        public int Start;
        public int Length;
        public bool Quoted;
        public bool Escaped;
    }
}
