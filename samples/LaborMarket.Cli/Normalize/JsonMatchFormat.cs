using System.Buffers;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using LaborMarket.Normalization.Titles;

namespace LaborMarket.Cli.Normalize;

/// <summary>
/// JSON: one object per row, either as lines (<c>jsonl</c>) or inside one array written as it goes (<c>json</c>),
/// so neither holds more than a batch in memory.
/// </summary>
internal sealed class JsonMatchFormat(IReadOnlyList<string> keptColumns, bool array, Func<string, TitleExplanation> explain) : MatchFormat
{
    private static readonly JsonWriterOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    // One buffer and writer per worker thread, reset for each row.
    [ThreadStatic]
    private static ArrayBufferWriter<byte>? _buffer;

    [ThreadStatic]
    private static Utf8JsonWriter? _json;

    public override string Begin(IReadOnlyList<string> keptColumns) => array ? "[\n" : "";

    public override MatchSummary Append(StringBuilder text, long row, string title, string[]? kept, Func<string, TitleMatch> normalize)
    {
        var e = explain(title);
        var m = e.Match;
        var buffer = _buffer ??= new ArrayBufferWriter<byte>(1024);
        buffer.ResetWrittenCount();
        var json = _json ??= new Utf8JsonWriter(buffer, Options);
        json.Reset(buffer);
        WriteJson(json, row, e, kept);
        json.Flush();

        if (array && row > 1)
        {
            text.Append(",\n");
        }

        text.Append(Encoding.UTF8.GetString(buffer.WrittenSpan));
        if (!array)
        {
            text.Append('\n');
        }

        return new MatchSummary(m.IsMatch, m.NeedsReview);
    }

    public override string End(long rows) => array ? (rows > 0 ? "\n]\n" : "]\n") : "";

    private void WriteJson(Utf8JsonWriter json, long row, TitleExplanation e, string[]? kept)
    {
        var m = e.Match;
        json.WriteStartObject();
        json.WriteNumber("row", row);
        json.WriteString("input", m.Input);
        json.WriteString("cleaned_title", e.CleanedTitle);
        json.WriteString("role_id", m.Role?.Id);
        json.WriteString("role", m.Role?.Name);
        json.WriteString("family", m.Role?.Family);
        json.WriteString("seniority", Seniority(m));
        json.WriteString("soc_code", m.SocCode?.ToString());
        json.WriteString("onet_soc_code", m.OnetSocCode?.ToString());
        json.WriteNumber("confidence", m.Confidence);
        json.WriteBoolean("needs_review", m.NeedsReview);
        json.WriteString("matched_by", Method(m.MatchedBy));
        json.WriteString("matched_text", m.MatchedText);
        json.WriteString("explanation", e.Summary);
        json.WriteStartArray("candidates");
        foreach (var c in e.Candidates)
        {
            json.WriteStartObject();
            json.WriteString("role_id", c.Role.Id);
            json.WriteString("role", c.Role.Name);
            json.WriteString("soc_code", c.Role.Soc.ToString());
            json.WriteNumber("score", c.Score);
            json.WriteString("matched_text", c.MatchedText);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        if (kept is not null)
        {
            json.WriteStartObject("columns");
            for (var i = 0; i < kept.Length && i < keptColumns.Count; i++)
            {
                json.WriteString(keptColumns[i], kept[i]);
            }

            json.WriteEndObject();
        }

        json.WriteEndObject();
    }
}
