using System.Text;

namespace LaborMarket.Inference.Trees;

/// <summary>Passes a reader through and keeps what was read, up to a maximum length (past it, nothing is kept).</summary>
internal sealed class RecordingTextReader(TextReader inner, int maxLength) : TextReader
{
    private StringBuilder? _text = new();

    /// <summary>What was read, or null when it was longer than the maximum.</summary>
    public string? Text => _text?.ToString();

    public override int Peek() => inner.Peek();

    public override int Read()
    {
        var c = inner.Read();
        if (c >= 0)
        {
            Keep([(char)c]);
        }

        return c;
    }

    public override int Read(char[] buffer, int index, int count) => Read(buffer.AsSpan(index, count));

    public override int Read(Span<char> buffer)
    {
        var n = inner.Read(buffer);
        Keep(buffer[..n]);
        return n;
    }

    public override string? ReadLine()
    {
        var line = inner.ReadLine();
        if (line is not null)
        {
            Keep(line);
            Keep("\n");
        }

        return line;
    }

    private void Keep(ReadOnlySpan<char> chars)
    {
        if (_text is null)
        {
            return;
        }

        if (_text.Length + chars.Length > maxLength)
        {
            _text = null;
            return;
        }

        _text.Append(chars);
    }
}
