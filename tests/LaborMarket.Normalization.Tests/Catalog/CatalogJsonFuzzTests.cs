using System.Text;
using System.Text.Json;
using LaborMarket.Normalization.Catalog;

namespace LaborMarket.Normalization.Tests.Catalog;

/// <summary>
/// A seeded fuzz of the custom catalog reader over a real catalog: the embedded catalog's roles written as a custom
/// catalog file (ids, names, families, codes, aliases, an alias move), then truncated, byte-flipped, cut, repeated and
/// edited (150 mutations; 2,000 with LABORMARKET_LONG_FUZZ set). The only error a caller sees is <see cref="LaborMarketFormatException"/> naming the file and a line in it.
/// </summary>
public class CatalogJsonFuzzTests
{
    private const string Source = "fuzz.json";

    [Fact]
    public void MergeJson_MutatedRealCatalog_ThrowsOnlyFormatErrorsWithLine()
    {
        var original = RealCatalogJson();
        var lines = original.Count(b => b == (byte)'\n') + 1;
        Assert.Equal(RoleCatalog.Embedded.Roles.Count, RoleCatalog.Embedded.MergeJson(new MemoryStream(original), Source).Roles.Count);

        var random = new Random(20261203);
        var failures = new List<string>();
        int typed = 0, merged = 0;
        var rounds = Environment.GetEnvironmentVariable("LABORMARKET_LONG_FUZZ") is { Length: > 0 } ? 2_000 : 150;
        for (var i = 0; i < rounds; i++)
        {
            var (kind, bytes) = Mutate(original, random);
            try
            {
                RoleCatalog.Embedded.MergeJson(new MemoryStream(bytes), Source);
                merged++;
            }
            catch (LaborMarketFormatException ex)
            {
                typed++;
                var extent = bytes.Count(b => b == (byte)'\n') + 1;
                if (ex.FileName != Source || ex.LineNumber < 1 || ex.LineNumber > Math.Max(lines, extent)
                    || !ex.Message.Contains($"{Source}:{ex.LineNumber}", StringComparison.Ordinal))
                {
                    failures.Add($"{kind}: unplaced error '{ex.Message}' (line {ex.LineNumber})");
                }
            }
            catch (Exception ex)
            {
                failures.Add($"{kind}: {ex.GetType().Name}: {ex.Message}");
            }
        }

        Assert.Empty(failures);
        Assert.True(typed > rounds / 4, $"{typed} mutations refused, {merged} merged: the mutations do not reach the reader's checks");
    }

    [Theory]
    [InlineData(new byte[] { 0xC3, 0x28 })] // invalid UTF-8 in a property name and in a value
    [InlineData(new byte[] { 0xFF })]
    [InlineData(new byte[] { 0xED, 0xA0, 0x80 })] // an encoded surrogate
    public void MergeJson_InvalidUtf8InNames_IsAFormatErrorWithLine(byte[] bad)
    {
        byte[] Json(string before, string after) => [.. Encoding.UTF8.GetBytes(before), .. bad, .. Encoding.UTF8.GetBytes(after)];

        var inAlias = Assert.Throws<LaborMarketFormatException>(() =>
            RoleCatalog.Embedded.MergeJson(new MemoryStream(Json("{\n\"aliases\": {\n\"", "\": \"software-engineer\" } }")), Source));
        var inId = Assert.Throws<LaborMarketFormatException>(() =>
            RoleCatalog.Embedded.MergeJson(new MemoryStream(Json("{\n\"roles\": [\n{ \"id\": \"", "\" } ] }")), Source));

        Assert.Equal(3, inAlias.LineNumber);
        Assert.Equal(3, inId.LineNumber);
    }

    // The embedded catalog as a custom catalog file, one role per line, with a few alias moves.
    private static byte[] RealCatalogJson()
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartObject();
            json.WriteStartArray("roles");
            foreach (var role in RoleCatalog.Embedded.Roles)
            {
                json.WriteStartObject();
                json.WriteString("id", role.Id);
                json.WriteString("name", role.Name);
                json.WriteString("family", role.Family);
                json.WriteString("onet_soc", role.OnetSoc.ToString());
                json.WriteStartArray("aliases");
                foreach (var alias in role.Aliases)
                {
                    json.WriteStringValue(alias);
                }

                json.WriteEndArray();
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteStartObject("aliases");
            foreach (var role in RoleCatalog.Embedded.Roles.Where((_, i) => i == 7))
            {
                json.WriteString(role.Aliases[0], role.Id);
            }

            json.WriteEndObject();
            json.WriteEndObject();
        }

        return stream.ToArray();
    }

    private static (string Kind, byte[] Bytes) Mutate(byte[] original, Random random)
    {
        var at = random.Next(original.Length);
        switch (random.Next(7))
        {
            case 0:
                return ("truncate", original[..at]);
            case 1:
            {
                var bytes = (byte[])original.Clone();
                for (var n = random.Next(1, 8); n > 0; n--)
                {
                    bytes[random.Next(bytes.Length)] = (byte)random.Next(256);
                }

                return ("flip", bytes);
            }

            case 2:
                return ("cut", [.. original[..at], .. original[Math.Min(original.Length, at + random.Next(1, 400))..]]);
            case 3:
                return ("repeat", [.. original[..at], .. original[at..Math.Min(original.Length, at + random.Next(1, 400))], .. original[at..]]);
            case 4:
            {
                // One structural character or value replaced by another kind of token.
                string[] tokens = ["null", "1e400", "-0", "true", "{}", "[]", "\"\"", "\"x\"", ",", ":", "}", "]", "{", "[", "\"\\ud800\"", "\"\\u0000\""];
                var bytes = original.ToList();
                var index = bytes.FindIndex(at, b => b is (byte)'"' or (byte)'[' or (byte)'{' or (byte)',' or (byte)':');
                index = index < 0 ? at : index;
                bytes.RemoveAt(index);
                bytes.InsertRange(index, Encoding.UTF8.GetBytes(tokens[random.Next(tokens.Length)]));
                return ("edit", [.. bytes]);
            }

            case 5:
            {
                byte[] junk = [0xC0, 0x80, 0xFF, 0xFE, 0xED, 0xA0, 0x80, 0xF4, 0x90, 0x80, 0x80, 0xE2, 0x82];
                var start = random.Next(junk.Length);
                return ("utf8", [.. original[..at], .. junk[start..], .. original[at..]]);
            }

            default:
            {
                // An edited code, id or alias: the value inside the next string is replaced by random text.
                var bytes = original.ToList();
                var open = bytes.IndexOf((byte)'"', at);
                var close = open < 0 ? -1 : bytes.IndexOf((byte)'"', open + 1);
                if (close < 0)
                {
                    return ("edit-string", original);
                }

                var text = new string(Enumerable.Range(0, random.Next(0, 12)).Select(_ => (char)random.Next(0x20, 0x7F)).Where(c => c is not ('"' or '\\')).ToArray());
                bytes.RemoveRange(open + 1, close - open - 1);
                bytes.InsertRange(open + 1, Encoding.UTF8.GetBytes(text));
                return ("edit-string", [.. bytes]);
            }
        }
    }
}
