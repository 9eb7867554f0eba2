using System.Buffers.Binary;
using System.IO.Compression;

namespace LaborMarket.Files;

/// <summary>
/// Decompresses a gzip file and, at its end, checks the trailer (CRC-32 and length of the data) that
/// <see cref="GZipStream"/> leaves unchecked: a file cut short or damaged then throws
/// <see cref="InvalidDataException"/> instead of ending early. Files of one gzip member (what gzip and every
/// data publisher write) are checked; a file of several members fails the check.
/// </summary>
internal sealed class CheckedGZipStream : ReadOnlyForwardStream
{
    private static readonly uint[] Table = CrcTable();

    private readonly TailStream _raw;
    private readonly GZipStream _gzip;
    private uint _crc = 0xFFFFFFFF;
    private long _length;
    private bool _checked;

    public CheckedGZipStream(Stream compressed)
    {
        _raw = new TailStream(compressed);
        _gzip = new GZipStream(_raw, CompressionMode.Decompress);
    }

    public override int Read(Span<byte> buffer)
    {
        var n = _gzip.Read(buffer);
        return Account(buffer[..n]);
    }

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        var n = await _gzip.ReadAsync(buffer, cancellationToken).ConfigureAwait(false);
        return Account(buffer.Span[..n]);
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _gzip.Dispose();
            _raw.Dispose();
        }

        base.Dispose(disposing);
    }

    private int Account(ReadOnlySpan<byte> data)
    {
        if (data.IsEmpty)
        {
            Check();
            return 0;
        }

        var crc = _crc;
        foreach (var b in data)
        {
            crc = Table[(crc ^ b) & 0xFF] ^ (crc >> 8);
        }

        _crc = crc;
        _length += data.Length;
        return data.Length;
    }

    private void Check()
    {
        if (_checked)
        {
            return;
        }

        _checked = true;
        if (!_raw.TryGetTrailer(out var crc, out var size))
        {
            throw new InvalidDataException("the .gz file is too short to be gzip data");
        }

        if (size != (uint)_length || crc != ~_crc)
        {
            throw new InvalidDataException("the .gz file ends early or is damaged: its data does not match its trailer (CRC-32 and length)");
        }
    }

    private static uint[] CrcTable()
    {
        var table = new uint[256];
        for (uint i = 0; i < 256; i++)
        {
            var c = i;
            for (var k = 0; k < 8; k++)
            {
                c = (c & 1) != 0 ? 0xEDB88320 ^ (c >> 1) : c >> 1;
            }

            table[i] = c;
        }

        return table;
    }

    /// <summary>Passes bytes through and keeps the last eight read (the gzip trailer once the file is read).</summary>
    private sealed class TailStream(Stream inner) : ReadOnlyForwardStream
    {
        private readonly byte[] _tail = new byte[8];
        private long _total;

        public bool TryGetTrailer(out uint crc, out uint size)
        {
            // The inflater may stop before the file's end: read what is left so the tail is the file's last 8 bytes.
            Span<byte> rest = stackalloc byte[4096];
            while (Read(rest) > 0)
            {
            }

            crc = BinaryPrimitives.ReadUInt32LittleEndian(_tail);
            size = BinaryPrimitives.ReadUInt32LittleEndian(_tail.AsSpan(4));
            return _total >= 18;
        }

        public override int Read(Span<byte> buffer)
        {
            var n = inner.Read(buffer);
            Keep(buffer[..n]);
            return n;
        }

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            var n = await inner.ReadAsync(buffer, cancellationToken).ConfigureAwait(false);
            Keep(buffer.Span[..n]);
            return n;
        }

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                inner.Dispose();
            }

            base.Dispose(disposing);
        }

        private void Keep(ReadOnlySpan<byte> data)
        {
            _total += data.Length;
            if (data.Length >= 8)
            {
                data[^8..].CopyTo(_tail);
            }
            else if (!data.IsEmpty)
            {
                _tail.AsSpan(data.Length).CopyTo(_tail);
                data.CopyTo(_tail.AsSpan(8 - data.Length));
            }
        }
    }
}
