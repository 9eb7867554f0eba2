using System.Numerics.Tensors;
using System.Runtime.InteropServices;
using System.Text;

namespace LaborMarket.Embeddings.Search;

/// <summary>
/// Saves and loads a <see cref="VectorIndex"/> as a compact binary file: a header (model, dimensions, count and a
/// caller's tag, such as a fingerprint of the source files), the entries, then the vectors as float16 (half the size of
/// float32; top-10 search results agree with float32 on real titles, see the package README).
/// </summary>
public static class VectorIndexFile
{
    private const int Magic = 0x49564D4C; // "LMVI"
    private const int Version = 1;

    /// <summary>Writes the index to <paramref name="path"/> (atomically: a temporary file is renamed over it).</summary>
    /// <param name="index">The index.</param>
    /// <param name="path">The file.</param>
    /// <param name="tag">A caller's string kept in the header (for example what the vectors were made from).</param>
    public static void Save(VectorIndex index, string path, string tag = "")
    {
        ArgumentNullException.ThrowIfNull(index);
        ArgumentException.ThrowIfNullOrEmpty(path);
        ArgumentNullException.ThrowIfNull(tag);
        var directory = Path.GetDirectoryName(Path.GetFullPath(path));
        if (!string.IsNullOrEmpty(directory))
        {
            Directory.CreateDirectory(directory);
        }

        var temp = path + "." + Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture) + ".tmp";
        using (var stream = new FileStream(temp, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16))
        using (var writer = new BinaryWriter(stream, Encoding.UTF8))
        {
            writer.Write(Magic);
            writer.Write(Version);
            writer.Write(index.ModelId);
            writer.Write(index.Dimensions);
            writer.Write(index.Count);
            writer.Write(tag);
            foreach (var e in index.Entries)
            {
                writer.Write(e.Text);
                writer.Write(e.Kind);
                writer.Write(e.Code?.ToString() ?? "");
            }

            var halves = new Half[index.Dimensions];
            for (var i = 0; i < index.Count; i++)
            {
                TensorPrimitives.ConvertToHalf(index.Vector(i), halves);
                writer.Write(MemoryMarshal.AsBytes(halves.AsSpan()));
            }
        }

        File.Move(temp, path, overwrite: true);
    }

    /// <summary>Reads the header's tag and model without loading the vectors; null when the file is missing.</summary>
    /// <exception cref="LaborMarketFormatException">The file is not a vector index file.</exception>
    public static (string ModelId, string Tag)? ReadHeader(string path)
    {
        if (!File.Exists(path))
        {
            return null;
        }

        using var stream = File.OpenRead(path);
        using var reader = new BinaryReader(stream, Encoding.UTF8);
        var (model, _, _, tag) = Header(reader, path);
        return (model, tag);
    }

    /// <summary>Loads an index written by <see cref="Save"/>, with the tag it was saved with.</summary>
    /// <exception cref="FileNotFoundException">No file at the path.</exception>
    /// <exception cref="LaborMarketFormatException">The file is truncated or not a vector index file.</exception>
    public static (VectorIndex Index, string Tag) Load(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
        using var reader = new BinaryReader(stream, Encoding.UTF8);
        var field = "header";
        try
        {
            var (model, dims, count, tag) = Header(reader, path);
            field = "entries";
            var entries = new VectorEntry[count];
            for (var i = 0; i < count; i++)
            {
                var text = reader.ReadString();
                var kind = reader.ReadString();
                var code = reader.ReadString();
                OnetSocCode? parsed = null;
                if (code.Length > 0)
                {
                    parsed = OnetSocCode.TryParse(code, null, out var c) ? c
                        : throw new LaborMarketFormatException(path, i + 1, "code", $"'{code}' is not an O*NET-SOC code");
                }

                entries[i] = new VectorEntry(text, parsed, kind);
            }

            field = "vectors";
            var expected = (long)count * dims * 2;
            if (stream.Length - stream.Position != expected)
            {
                throw new LaborMarketFormatException(path, 0, field, $"expected {expected} bytes of float16 vectors, found {stream.Length - stream.Position}");
            }

            var halves = new Half[(long)count * dims];
            stream.ReadExactly(MemoryMarshal.AsBytes(halves.AsSpan()));
            var vectors = new float[halves.Length];
            TensorPrimitives.ConvertToSingle(halves, vectors);
            return (new VectorIndex(model, dims, entries, vectors), tag);
        }
        catch (Exception ex) when (ex is EndOfStreamException || (ex is FormatException && ex is not LaborMarketFormatException))
        {
            throw new LaborMarketFormatException(path, 0, field, "the file is truncated or damaged", ex);
        }
    }

    private static (string Model, int Dims, int Count, string Tag) Header(BinaryReader reader, string path)
    {
        try
        {
            if (reader.BaseStream.Length < 8 || reader.ReadInt32() != Magic)
            {
                throw new LaborMarketFormatException(path, 0, "header", "not a LaborMarket vector index file");
            }

            var version = reader.ReadInt32();
            if (version != Version)
            {
                throw new LaborMarketFormatException(path, 0, "version", $"version {version} is not supported (expected {Version})");
            }

            var model = reader.ReadString();
            var dims = reader.ReadInt32();
            var count = reader.ReadInt32();
            if (dims is < 1 or > 65536 || count < 0 || (long)count * dims * 2 > reader.BaseStream.Length)
            {
                throw new LaborMarketFormatException(path, 0, "header", $"{count} vectors of {dims} dimensions do not fit in the file");
            }

            return (model, dims, count, reader.ReadString());
        }
        catch (Exception ex) when (ex is EndOfStreamException || (ex is FormatException && ex is not LaborMarketFormatException))
        {
            throw new LaborMarketFormatException(path, 0, "header", "the file is truncated or damaged", ex);
        }
    }
}
