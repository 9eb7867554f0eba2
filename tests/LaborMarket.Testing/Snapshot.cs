using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Xunit.Sdk;

namespace LaborMarket.Testing;

/// <summary>
/// Approval testing: a value is serialized (indented JSON, object keys sorted) and compared with
/// <c>&lt;Class&gt;.&lt;Test&gt;.verified.json</c> beside the test file. A mismatch writes
/// <c>.received.json</c> and fails with a short diff; <c>LABORMARKET_ACCEPT=1</c> accepts it instead.
/// </summary>
public static class Snapshot
{
    private static readonly JsonSerializerOptions SerializerOptions = new()
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };

    /// <summary>Compares <paramref name="value"/> with the verified snapshot for the calling test.</summary>
    public static void Verify(
        object? value,
        string? name = null,
        [CallerFilePath] string sourceFile = "",
        [CallerMemberName] string testName = "")
    {
        var text = Serialize(value);
        var dir = System.IO.Path.GetDirectoryName(ResolveSource(sourceFile))!;
        var cls = System.IO.Path.GetFileNameWithoutExtension(sourceFile);
        var stem = System.IO.Path.Combine(dir, $"{cls}.{name ?? testName}");
        var verified = stem + ".verified.json";
        var received = stem + ".received.json";

        var expected = File.Exists(verified) ? File.ReadAllText(verified).ReplaceLineEndings("\n") : null;
        if (expected == text)
        {
            if (File.Exists(received))
            {
                File.Delete(received);
            }

            return;
        }

        if (Environment.GetEnvironmentVariable("LABORMARKET_ACCEPT") is "1" or "true")
        {
            File.WriteAllText(verified, text);
            return;
        }

        File.WriteAllText(received, text);
        throw new XunitException(expected is null
            ? $"No verified snapshot yet. Review {received} and rename it to .verified.json (or run with LABORMARKET_ACCEPT=1)."
            : $"Snapshot mismatch; wrote {received}.\n{Diff(expected, text)}");
    }

    /// <summary>Serializes the way snapshots are stored: indented, snake_case, object keys sorted.</summary>
    public static string Serialize(object? value)
    {
        var node = JsonSerializer.SerializeToNode(value, SerializerOptions);
        return (Sort(node)?.ToJsonString(SerializerOptions) ?? "null") + "\n";
    }

    private static JsonNode? Sort(JsonNode? node) => node switch
    {
        JsonObject obj => new JsonObject(obj.OrderBy(p => p.Key, StringComparer.Ordinal)
            .Select(p => KeyValuePair.Create(p.Key, Sort(p.Value?.DeepClone())))),
        JsonArray arr => new JsonArray(arr.Select(n => Sort(n?.DeepClone())).ToArray()),
        _ => node?.DeepClone(),
    };

    // Deterministic CI builds map source paths to "/_/"; map them back onto the checkout.
    private static string ResolveSource(string sourceFile)
    {
        var normalized = sourceFile.Replace('\\', '/');
        return normalized.StartsWith("/_/", StringComparison.Ordinal)
            ? System.IO.Path.Combine(TestData.RepoRoot, normalized[3..])
            : sourceFile;
    }

    private static string Diff(string expected, string actual)
    {
        var e = expected.Split('\n');
        var a = actual.Split('\n');
        var sb = new StringBuilder();
        var shown = 0;
        for (var i = 0; i < Math.Max(e.Length, a.Length) && shown < 10; i++)
        {
            var el = i < e.Length ? e[i] : "<end>";
            var al = i < a.Length ? a[i] : "<end>";
            if (el != al)
            {
                sb.Append("line ").Append(i + 1).Append(":\n  - ").Append(el).Append("\n  + ").Append(al).Append('\n');
                shown++;
            }
        }

        return sb.ToString();
    }
}
