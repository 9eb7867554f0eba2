namespace LaborMarket.Inference.Trees;

/// <summary>
/// Reads a model file line by line through a fixed buffer, refusing a line longer than the limit before holding
/// more of it than the limit: a huge malformed line costs the limit, not its own size.
/// </summary>
internal sealed class ModelLineReader(TextReader reader, string source, int maxLineLength)
{
    private readonly char[] _buffer = new char[16 * 1024];
    private char[] _line = new char[1024];
    private int _position;
    private int _length;
    private bool _skipLineFeed;

    /// <summary>The 1-based number of the line last returned.</summary>
    public long LineNumber { get; private set; }

    /// <summary>The next line without its terminator (\n, \r\n or \r), or null at the end of the text.</summary>
    public string? ReadLine()
    {
        var length = 0;
        var any = false;
        while (true)
        {
            if (_position == _length && !Fill())
            {
                if (!any)
                {
                    return null;
                }

                break;
            }

            if (_skipLineFeed)
            {
                _skipLineFeed = false;
                if (_buffer[_position] == '\n')
                {
                    _position++;
                    continue;
                }
            }

            any = true;
            var span = _buffer.AsSpan(_position, _length - _position);
            var end = span.IndexOfAny('\n', '\r');
            var take = end < 0 ? span.Length : end;
            if ((long)length + take > maxLineLength)
            {
                throw new LaborMarketFormatException(source, LineNumber + 1, null,
                    $"the line is longer than {maxLineLength:N0} characters (LightGbmModelOptions.MaxLineLength)");
            }

            if (length + take > _line.Length)
            {
                Array.Resize(ref _line, (int)Math.Min(maxLineLength, Math.Max((long)_line.Length * 2, length + take)));
            }

            span[..take].CopyTo(_line.AsSpan(length));
            length += take;
            _position += take;
            if (end >= 0)
            {
                _skipLineFeed = span[end] == '\r';
                _position++;
                break;
            }
        }

        LineNumber++;
        return new string(_line, 0, length);
    }

    private bool Fill()
    {
        _position = 0;
        _length = reader.Read(_buffer, 0, _buffer.Length);
        return _length > 0;
    }
}
