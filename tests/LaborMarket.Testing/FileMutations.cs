using System.Diagnostics;
using System.Text;

namespace LaborMarket.Testing;

/// <summary>
/// Seeded mutations of a real file for the hostile-input suites: truncations at many points, flipped bytes, and
/// edits of fields into values a reader must refuse. Each suite runs a few dozen cases; with
/// <c>LABORMARKET_FUZZ_LONG=1</c> it runs many more.
/// </summary>
public static class FileMutations
{
    /// <summary>True when the long fuzz run is asked for (<c>LABORMARKET_FUZZ_LONG=1</c>).</summary>
    public static bool LongRun => Environment.GetEnvironmentVariable("LABORMARKET_FUZZ_LONG") == "1";

    /// <summary>The cases per mutation kind: <paramref name="quick"/> normally, ten times as many in the long run.</summary>
    public static int Cases(int quick) => LongRun ? quick * 10 : quick;

    /// <summary>Values that are never a valid number, code or marker in a data file.</summary>
    public static IReadOnlyList<string> RefusedValues { get; } = ["1e-400", "-5", "1e308", "NaN", "12x", "--", "Infinity", "0x1F", "1.2.3"];

    /// <summary>The first <paramref name="lines"/> lines of a text file (line ends kept).</summary>
    public static byte[] Head(string path, int lines)
    {
        var text = File.ReadAllText(path);
        var end = 0;
        for (var n = 0; n < lines && end < text.Length; n++)
        {
            var next = text.IndexOf('\n', end);
            end = next < 0 ? text.Length : next + 1;
        }

        return Encoding.UTF8.GetBytes(text[..end]);
    }

    /// <summary>The file cut at <paramref name="count"/> seeded points (never at its full length).</summary>
    public static IEnumerable<(string Case, byte[] Bytes)> Truncations(byte[] data, int seed, int count)
    {
        var random = new Random(seed);
        for (var i = 0; i < count; i++)
        {
            var at = random.Next(0, data.Length);
            yield return ($"cut at {at} of {data.Length}", data[..at]);
        }
    }

    /// <summary>The file with one to three seeded bytes changed.</summary>
    public static IEnumerable<(string Case, byte[] Bytes)> ByteFlips(byte[] data, int seed, int count)
    {
        var random = new Random(seed);
        for (var i = 0; i < count; i++)
        {
            var copy = (byte[])data.Clone();
            var flips = random.Next(1, 4);
            var where = new List<int>();
            for (var f = 0; f < flips; f++)
            {
                var at = random.Next(copy.Length);
                var b = (byte)random.Next(256);
                copy[at] = b == copy[at] ? (byte)(b ^ 0x55) : b;
                where.Add(at);
            }

            yield return ($"bytes changed at {string.Join(",", where)}", copy);
        }
    }

    /// <summary>
    /// Delimited text with one field of a seeded data record (never the header) set to <paramref name="value"/>,
    /// chosen among <paramref name="fields"/>; also the record's 1-based line (records of one line each) and the field.
    /// </summary>
    public static (byte[] Bytes, long Line, int Field) EditField(byte[] data, int seed, string value, IReadOnlyList<int> fields, char separator = ',')
    {
        var records = Records(data, separator);
        var random = new Random(seed);
        var line = random.Next(1, records.Count);
        var field = fields[random.Next(fields.Count)];
        records[line][field] = value;
        return (Write(records, separator), line + 1, field);
    }

    /// <summary>Delimited text with the header name at <paramref name="field"/> misspelt (two letters swapped).</summary>
    public static byte[] MisspellHeader(byte[] data, int field, char separator = ',')
    {
        var records = Records(data, separator);
        var name = records[0][field];
        var i = Math.Max(0, name.Length - 3);
        records[0][field] = string.Concat(name.AsSpan(0, i), name.AsSpan(i + 1, 1), name.AsSpan(i, 1), name.AsSpan(i + 2));
        return Write(records, separator);
    }

    private static List<string[]> Records(byte[] data, char separator)
    {
        using var reader = new LaborMarket.Files.DelimitedTextReader(new StringReader(Encoding.UTF8.GetString(data)), "edit",
            LaborMarket.Files.DelimitedTextOptions.Csv with { Separator = separator, HasHeader = false, AllowRaggedRecords = true, Quoting = separator != '\t' });
        var records = new List<string[]>();
        while (reader.Read())
        {
            records.Add(Enumerable.Range(0, reader.FieldCount).Select(reader.GetString).ToArray());
        }

        return records;
    }

    private static byte[] Write(List<string[]> records, char separator)
    {
        var text = new StringWriter();
        if (separator == '\t')
        {
            foreach (var r in records)
            {
                text.Write(string.Join('\t', r));
                text.Write('\n');
            }
        }
        else
        {
            var writer = new LaborMarket.Files.DelimitedTextWriter(text, separator);
            foreach (var r in records)
            {
                writer.WriteRecord(r);
            }
        }

        return Encoding.UTF8.GetBytes(text.ToString());
    }

    /// <summary>gzip of the bytes.</summary>
    public static byte[] Gzip(byte[] data)
    {
        using var output = new MemoryStream();
        using (var z = new System.IO.Compression.GZipStream(output, System.IO.Compression.CompressionLevel.Optimal, leaveOpen: true))
        {
            z.Write(data);
        }

        return output.ToArray();
    }

    /// <summary>
    /// Runs one hostile case: only <typeparamref name="TAllowed"/> may escape, within a generous time and memory
    /// bound (a hang or an unbounded allocation fails the case, not a slow machine).
    /// </summary>
    /// <returns>The result, or null when the case was refused with an allowed exception.</returns>
    public static T? Run<T, TAllowed>(string name, Func<T> parse, long maxAllocatedBytes = 1L << 30, int maxSeconds = 60)
        where T : class
        where TAllowed : Exception =>
        Run(name, parse, ex => ex is TAllowed, maxAllocatedBytes, maxSeconds);

    /// <summary>As <see cref="Run{T, TAllowed}"/>, with the allowed exceptions told by <paramref name="allowed"/>.</summary>
    public static T? Run<T>(string name, Func<T> parse, Func<Exception, bool> allowed, long maxAllocatedBytes = 1L << 30, int maxSeconds = 60)
        where T : class
    {
        var before = GC.GetTotalAllocatedBytes(precise: false);
        var clock = Stopwatch.StartNew();
        T? result = null;
        try
        {
            result = parse();
        }
        catch (Exception ex) when (allowed(ex))
        {
        }
        catch (Exception ex)
        {
            throw new Xunit.Sdk.XunitException($"{name}: {ex.GetType().Name} escaped: {ex.Message}\n{ex.StackTrace}");
        }

        var allocated = GC.GetTotalAllocatedBytes(precise: false) - before;
        if (allocated > maxAllocatedBytes)
        {
            throw new Xunit.Sdk.XunitException($"{name}: allocated {allocated:N0} bytes (bound {maxAllocatedBytes:N0})");
        }

        if (clock.Elapsed.TotalSeconds > maxSeconds)
        {
            throw new Xunit.Sdk.XunitException($"{name}: took {clock.Elapsed.TotalSeconds:N0} s (bound {maxSeconds} s)");
        }

        return result;
    }
}
