using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace LaborMarket.Bls.Oews;

/// <summary>The CSV plumbing the OEWS and OFLC readers share: lines read in blocks and fields found fast.</summary>
internal static class CsvText
{
    /// <summary>
    /// Lines of a text stream read in large blocks: no string per line. A line is a range of <see cref="Chars"/>,
    /// valid until the next fill; a line longer than the block grows it.
    /// </summary>
    internal sealed class LineBuffer
    {
        private int _start;
        private int _end;
        private bool _eof;

        public char[] Chars { get; private set; } = new char[1 << 16];

        public async ValueTask<bool> FillAsync(TextReader reader, CancellationToken cancellationToken)
        {
            if (_eof)
            {
                return false;
            }

            // Keep the unfinished line, moved to the front.
            var pending = _end - _start;
            if (pending > 0 && _start > 0)
            {
                Array.Copy(Chars, _start, Chars, 0, pending);
            }

            _start = 0;
            _end = pending;
            if (_end == Chars.Length)
            {
                var larger = new char[Chars.Length * 2];
                Array.Copy(Chars, larger, _end);
                Chars = larger;
            }

            var read = await reader.ReadAsync(Chars.AsMemory(_end), cancellationToken).ConfigureAwait(false);
            if (read == 0)
            {
                _eof = true;
                return _end > _start;
            }

            _end += read;
            return true;
        }

        public bool TryTakeLine(out int start, out int length)
        {
            var span = Chars.AsSpan(_start, _end - _start);
            var newline = span.IndexOf('\n');
            if (newline < 0)
            {
                if (!_eof || span.IsEmpty)
                {
                    start = length = 0;
                    return false;
                }

                newline = span.Length; // last line without a newline
            }

            start = _start;
            length = newline > 0 && span[newline - 1] == '\r' ? newline - 1 : newline;
            _start += Math.Min(newline + 1, span.Length);
            return true;
        }
    }

    // Field boundaries of one CSV line; quoted fields may hold commas (doubled quotes stay in the slice).
    public static int Split(ReadOnlySpan<char> line, ref (int Start, int Length)[] fields)
    {
        var needed = line.Count(',') + 1;
        if (needed > fields.Length)
        {
            Array.Resize(ref fields, needed * 2);
        }

        return line.Contains('"') ? SplitQuoted(line, fields) : SplitPlain(line, fields);
    }

    // No quotes: every comma separates. Eight characters are compared at a time and each comma found is a set bit.
    private static int SplitPlain(ReadOnlySpan<char> line, (int Start, int Length)[] fields)
    {
        var count = 0;
        var start = 0;
        var i = 0;
        ref var first = ref Unsafe.As<char, ushort>(ref MemoryMarshal.GetReference(line));
        var comma = Vector128.Create((ushort)',');
        for (; i + Vector128<ushort>.Count <= line.Length; i += Vector128<ushort>.Count)
        {
            var mask = Vector128.Equals(Vector128.LoadUnsafe(ref first, (nuint)i), comma).ExtractMostSignificantBits();
            while (mask != 0)
            {
                var at = i + BitOperations.TrailingZeroCount(mask);
                fields[count++] = (start, at - start);
                start = at + 1;
                mask &= mask - 1;
            }
        }

        for (; i < line.Length; i++)
        {
            if (line[i] == ',')
            {
                fields[count++] = (start, i - start);
                start = i + 1;
            }
        }

        fields[count++] = (start, line.Length - start);
        return count;
    }

    private static int SplitQuoted(ReadOnlySpan<char> line, (int Start, int Length)[] fields)
    {
        var count = 0;
        var start = 0;
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (c == '"')
            {
                quoted = !quoted;
            }
            else if (c == ',' && !quoted)
            {
                fields[count++] = (start, i - start);
                start = i + 1;
            }
        }

        fields[count++] = (start, line.Length - start);
        return count;
    }

    private static readonly double[] Pow10 = [1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15];

    /// <summary>
    /// The common cell shapes ("103,000", "45.67") without the general parser: at most 15 digits, so the digits
    /// are an exact integer and one division by an exact power of ten rounds exactly as double.Parse does.
    /// </summary>
    public static bool TryParseSimple(ReadOnlySpan<char> s, out double value)
    {
        long mantissa = 0;
        var digits = 0;
        var decimals = -1;
        foreach (var c in s)
        {
            if ((uint)(c - '0') <= 9)
            {
                if (++digits > 15)
                {
                    value = 0;
                    return false;
                }

                mantissa = (mantissa * 10) + (c - '0');
                if (decimals >= 0)
                {
                    decimals++;
                }
            }
            else if (c == ',' && decimals < 0 && digits > 0)
            {
                continue;
            }
            else if (c == '.' && decimals < 0)
            {
                decimals = 0;
            }
            else
            {
                value = 0;
                return false;
            }
        }

        value = decimals <= 0 ? mantissa : mantissa / Pow10[decimals];
        return digits > 0;
    }

    /// <summary>One line's fields as strings, quotes removed and doubled quotes made single (small files only).</summary>
    public static string[] Fields(string line)
    {
        var bounds = new (int Start, int Length)[16];
        var count = Split(line, ref bounds);
        var fields = new string[count];
        for (var i = 0; i < count; i++)
        {
            var f = line.AsSpan(bounds[i].Start, bounds[i].Length);
            fields[i] = f.Length >= 2 && f[0] == '"' && f[^1] == '"' ? f[1..^1].ToString().Replace("\"\"", "\"", StringComparison.Ordinal) : f.ToString();
        }

        return fields;
    }
}
