using System.Buffers;
using System.Text;
using System.Threading.Channels;
using LaborMarket.Cli.Hosting;
using LaborMarket.Normalization.Titles;

namespace LaborMarket.Cli.Normalize;

/// <summary>
/// Reads, normalizes and writes at the same time: one task reads batches, each batch is normalized and formatted on the
/// thread pool (all cores), and the writer takes the batches in input order. The channel between them is bounded, so at
/// most a few batches are in memory whatever the input's size.
/// </summary>
internal sealed class NormalizePipeline(TitleNormalizer normalizer, MatchFormat format, int maxUnmatched = 100_000)
{
    /// <summary>Rows per batch: large enough to amortize the hand-offs, small enough that Ctrl+C is felt at once.</summary>
    public const int BatchSize = 2048;

    // For CSV input: the title column, the header's width, and whether other columns are kept. Set before work starts.
    private (int Title, int Width, bool Keep) _layout = (0, 1, false);

    public async Task<NormalizeTotals> RunAsync(TitleSource source, TextWriter writer, ProgressLine? progress, CancellationToken cancellationToken)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var pending = Channel.CreateBounded<Task<FormattedBatch>>(new BoundedChannelOptions(Math.Max(2, Environment.ProcessorCount * 2))
        {
            SingleReader = true,
            SingleWriter = true,
        });
        var token = stop.Token;
        _layout = (source.TitleColumn, source.Width, source.KeptColumns.Count > 0);
        var reader = Task.Factory.StartNew(() => Read(source, pending.Writer, token), token, TaskCreationOptions.LongRunning, TaskScheduler.Default);

        var totals = new NormalizeTotals();
        try
        {
            await writer.WriteAsync(format.Begin(source.KeptColumns)).ConfigureAwait(false);
            await foreach (var next in pending.Reader.ReadAllAsync(token).ConfigureAwait(false))
            {
                var batch = await next.WaitAsync(token).ConfigureAwait(false);
                await WriteAsync(writer, batch, token).ConfigureAwait(false);
                totals.Add(batch);
                progress?.Report(totals.Rows);
            }

            await writer.WriteAsync(format.End(totals.Rows)).ConfigureAwait(false);
        }
        finally
        {
            // On any failure the reader stops too; it is awaited only when it can finish (a blocked stdin read cannot).
            await stop.CancelAsync().ConfigureAwait(false);
        }

        await reader.ConfigureAwait(false);
        return totals;
    }

    // The workers encoded the text; a file or stdout takes the bytes as they are (a test's StringWriter takes text).
    private static async Task WriteAsync(TextWriter writer, FormattedBatch batch, CancellationToken cancellationToken)
    {
        try
        {
            if (writer is StreamWriter { Encoding: UTF8Encoding } stream)
            {
                await stream.FlushAsync(cancellationToken).ConfigureAwait(false);
                await stream.BaseStream.WriteAsync(batch.Bytes.AsMemory(0, batch.Length), cancellationToken).ConfigureAwait(false);
            }
            else
            {
                await writer.WriteAsync(Encoding.UTF8.GetString(batch.Bytes, 0, batch.Length).AsMemory(), cancellationToken).ConfigureAwait(false);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(batch.Bytes);
        }
    }

    private void Read(TitleSource source, ChannelWriter<Task<FormattedBatch>> pending, CancellationToken cancellationToken)
    {
        try
        {
            foreach (var batch in source.Batches(BatchSize, cancellationToken))
            {
                var work = Task.Run(() => Format(batch, cancellationToken), cancellationToken);
                while (!pending.TryWrite(work))
                {
                    pending.WaitToWriteAsync(cancellationToken).AsTask().GetAwaiter().GetResult();
                }
            }

            pending.Complete();
        }
        catch (Exception ex)
        {
            pending.Complete(ex);
        }
    }

    private FormattedBatch Format(TitleBatch batch, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        if (batch.Raw is { } raw)
        {
            if (format is CsvMatchFormat csv)
            {
                return FormatCsv(batch.FirstRow, raw, csv);
            }

            batch = Split(batch.FirstRow, raw);
        }

        var text = Builder();
        var matched = 0;
        var review = 0;
        List<string>? unmatched = null;
        for (var i = 0; i < batch.Titles.Length; i++)
        {
            var title = batch.Titles[i];
            var summary = format.Append(text, batch.FirstRow + i, title, batch.Kept?[i], Normalize);
            matched += summary.IsMatch ? 1 : 0;
            review += summary.NeedsReview ? 1 : 0;
            if (!summary.IsMatch && maxUnmatched > 0)
            {
                (unmatched ??= []).Add(title);
            }
        }

        return Encode(text, batch.Titles.Length, matched, review, unmatched);
    }

    // CSV to CSV: the workers split the records and copy the fields they keep as written; nothing is unquoted and quoted
    // again, and a title seen before is one lookup.
    private FormattedBatch FormatCsv(long firstRow, CsvChunk chunk, CsvMatchFormat csv)
    {
        var text = Builder();
        var record = chunk.Text.AsSpan(0, chunk.Length);
        var fields = new Range[_layout.Width];
        var matched = 0;
        var review = 0;
        List<string>? unmatched = null;
        var start = 0;
        for (var r = 0; r < chunk.Records; r++)
        {
            var next = CsvRows.Split(record, start, fields, out var count);
            var summary = csv.AppendRaw(text, firstRow + r, record, fields, Math.Min(count, fields.Length), _layout.Title, _layout.Keep ? _layout.Width : 0, Normalize, unmatched: maxUnmatched > 0 ? (unmatched ??= []) : null);
            matched += summary.IsMatch ? 1 : 0;
            review += summary.NeedsReview ? 1 : 0;
            start = next;
        }

        return Encode(text, chunk.Records, matched, review, unmatched);
    }

    // Other formats: the chunk's records as strings.
    private TitleBatch Split(long firstRow, CsvChunk chunk)
    {
        var layout = _layout;
        var record = chunk.Text.AsSpan(0, chunk.Length);
        var fields = new Range[layout.Width];
        var titles = new string[chunk.Records];
        var kept = layout.Keep ? new string[chunk.Records][] : null;
        var start = 0;
        for (var r = 0; r < chunk.Records; r++)
        {
            var next = CsvRows.Split(record, start, fields, out var count);
            count = Math.Min(count, fields.Length);
            titles[r] = layout.Title < count ? Text(record[fields[layout.Title]]) : "";
            if (kept is not null)
            {
                var values = new string[layout.Width - 1];
                for (int i = 0, j = 0; i < layout.Width; i++)
                {
                    if (i != layout.Title)
                    {
                        // A short row keeps its place (empty fields) rather than disappearing.
                        values[j++] = i < count ? Text(record[fields[i]]) : "";
                    }
                }

                kept[r] = values;
            }

            start = next;
        }

        return new TitleBatch(firstRow, titles, kept);
    }

    private static string Text(ReadOnlySpan<char> written)
    {
        var value = CsvRows.Value(written, out var unescaped);
        return unescaped ?? value.ToString();
    }

    private TitleMatch Normalize(string title) => normalizer.Normalize(title);

    // One builder per worker thread, reused: a batch's text is tens of kilobytes and would otherwise be allocated each time.
    private static StringBuilder Builder() => (_builder ??= new StringBuilder(1 << 16)).Clear();

    // UTF-8 into a pooled buffer, returned to the pool once written.
    private static FormattedBatch Encode(StringBuilder text, int rows, int matched, int review, List<string>? unmatched)
    {
        var bytes = ArrayPool<byte>.Shared.Rent(Encoding.UTF8.GetMaxByteCount(text.Length));
        var length = 0;
        foreach (var chunk in text.GetChunks())
        {
            length += Encoding.UTF8.GetBytes(chunk.Span, bytes.AsSpan(length));
        }

        return new FormattedBatch(bytes, length, rows, matched, review, unmatched);
    }

    [ThreadStatic]
    private static StringBuilder? _builder;

    /// <summary>A batch ready to write (UTF-8, in a pooled buffer), with its counts.</summary>
    internal sealed record FormattedBatch(byte[] Bytes, int Length, int Rows, int Matched, int NeedsReview, List<string>? Unmatched);

    /// <summary>The counts of a whole run, and a bounded sample of unmatched titles for the report.</summary>
    internal sealed class NormalizeTotals
    {
        public long Rows { get; private set; }

        public long Matched { get; private set; }

        public long NeedsReview { get; private set; }

        public List<string?> Unmatched { get; } = [];

        public bool UnmatchedCut { get; private set; }

        internal void Add(FormattedBatch batch)
        {
            Rows += batch.Rows;
            Matched += batch.Matched;
            NeedsReview += batch.NeedsReview;
            if (batch.Unmatched is { } titles)
            {
                var room = 100_000 - Unmatched.Count;
                Unmatched.AddRange(titles.Take(Math.Max(0, room)));
                UnmatchedCut |= titles.Count > room;
            }
        }
    }
}
