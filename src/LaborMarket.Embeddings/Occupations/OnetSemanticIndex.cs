using System.Security.Cryptography;
using System.Text;
using LaborMarket.Embeddings.Embedding;
using LaborMarket.Embeddings.Search;
using LaborMarket.Files;

namespace LaborMarket.Embeddings.Occupations;

/// <summary>
/// O*NET embedded once: every occupation title, alternate title and reported title (<see cref="Titles"/>), and
/// every occupation's title + description and task statements (<see cref="Occupations"/>). Built from the O*NET
/// database text files and cached on disk; later loads read the cache.
/// </summary>
public sealed class OnetSemanticIndex
{
    /// <summary>Entry kind of an occupation's own title.</summary>
    public const string OccupationTitleKind = "occupation";

    /// <summary>Entry kind of an alternate or reported title.</summary>
    public const string TitleKind = "title";

    /// <summary>Entry kind of an occupation's title and description.</summary>
    public const string DescriptionKind = "description";

    /// <summary>Entry kind of a task statement.</summary>
    public const string TaskKind = "task";

    private const string CacheFormat = "onet-semantic-1";

    internal OnetSemanticIndex(VectorIndex titles, VectorIndex occupations, IReadOnlyDictionary<OnetSocCode, string> names)
    {
        Titles = titles;
        Occupations = occupations;
        OccupationNames = names;
    }

    /// <summary>Occupation, alternate and reported titles, one entry per title and code.</summary>
    public VectorIndex Titles { get; }

    /// <summary>Each occupation's title + description, and its task statements.</summary>
    public VectorIndex Occupations { get; }

    /// <summary>O*NET occupation titles by code.</summary>
    public IReadOnlyDictionary<OnetSocCode, string> OccupationNames { get; }

    /// <summary>
    /// Loads the index from <paramref name="cacheDirectory"/> when a cache made from the same files and model is there;
    /// otherwise embeds the O*NET files (reporting progress) and writes the cache.
    /// </summary>
    /// <param name="embedder">The model.</param>
    /// <param name="onetDatabasePath">An O*NET database text release (folder or .zip).</param>
    /// <param name="cacheDirectory">Where the cache files live; null to build in memory only.</param>
    /// <param name="includeOccupations">Whether to embed descriptions and task statements too (needed for SOC suggestions,
    /// not for title normalization or similar titles); otherwise <see cref="Occupations"/> is empty.</param>
    /// <param name="progress">Told after each batch while building; may be null.</param>
    /// <param name="cancellationToken">Cancels the build between batches.</param>
    public static Task<OnetSemanticIndex> LoadOrBuildAsync(ITextEmbedder embedder, string onetDatabasePath, string? cacheDirectory,
        bool includeOccupations = true, IProgress<EmbeddingProgress>? progress = null, CancellationToken cancellationToken = default) =>
        LoadOrBuildAsync(embedder, onetDatabasePath, cacheDirectory, null, includeOccupations, progress, cancellationToken);

    /// <summary>The same, leaving out the alternate and reported titles <paramref name="excludeTitle"/> says to (held-out evaluation).</summary>
    internal static async Task<OnetSemanticIndex> LoadOrBuildAsync(ITextEmbedder embedder, string onetDatabasePath, string? cacheDirectory,
        (string Name, Func<string, bool> Exclude)? excludeTitle, bool includeOccupations, IProgress<EmbeddingProgress>? progress,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(embedder);
        ArgumentException.ThrowIfNullOrEmpty(onetDatabasePath);
        var source = OnetSource.Read(onetDatabasePath, excludeTitle?.Exclude);
        var tag = $"{CacheFormat};{embedder.ModelId};{excludeTitle?.Name ?? "all"};{source.Fingerprint}";
        var key = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(tag)))[..16].ToLowerInvariant();
        var titlesPath = cacheDirectory is null ? null : Path.Combine(cacheDirectory, $"onet-titles-{key}.lmvi");
        var occupationsPath = cacheDirectory is null ? null : Path.Combine(cacheDirectory, $"onet-occupations-{key}.lmvi");

        var titles = await LoadOrEmbedAsync(embedder, titlesPath, tag, source.Titles, "O*NET titles", progress, cancellationToken).ConfigureAwait(false);
        var occupations = !includeOccupations ? new VectorIndex(embedder.ModelId, embedder.Dimensions, [], [])
            : await LoadOrEmbedAsync(embedder, occupationsPath, tag, source.Occupations, "O*NET descriptions and tasks", progress, cancellationToken).ConfigureAwait(false);
        return new OnetSemanticIndex(titles, occupations, source.Names);
    }

    private static async Task<VectorIndex> LoadOrEmbedAsync(ITextEmbedder embedder, string? path, string tag, List<VectorEntry> entries,
        string stage, IProgress<EmbeddingProgress>? progress, CancellationToken cancellationToken)
    {
        if (path is not null && VectorIndexFile.ReadHeader(path) is { } header && header.Tag == tag && header.ModelId == embedder.ModelId)
        {
            return VectorIndexFile.Load(path).Index;
        }

        // Each distinct text is embedded once, however many occupations share it.
        var distinct = new Dictionary<string, int>(StringComparer.Ordinal);
        var texts = new List<string>();
        var rowOf = new int[entries.Count];
        for (var i = 0; i < entries.Count; i++)
        {
            if (!distinct.TryGetValue(entries[i].Text, out var row))
            {
                row = texts.Count;
                distinct.Add(entries[i].Text, row);
                texts.Add(entries[i].Text);
            }

            rowOf[i] = row;
        }

        var dims = embedder.Dimensions;
        var unique = await embedder.EmbedManyAsync(texts, 64, progress, stage, cancellationToken).ConfigureAwait(false);
        var vectors = new float[(long)entries.Count * dims];
        for (var i = 0; i < entries.Count; i++)
        {
            unique.AsSpan(rowOf[i] * dims, dims).CopyTo(vectors.AsSpan(i * dims, dims));
        }

        var index = new VectorIndex(embedder.ModelId, dims, entries, vectors);
        if (path is not null)
        {
            VectorIndexFile.Save(index, path, tag);
        }

        return index;
    }

    /// <summary>What the index is made of, read from the O*NET files.</summary>
    private sealed record OnetSource(List<VectorEntry> Titles, List<VectorEntry> Occupations, Dictionary<OnetSocCode, string> Names, string Fingerprint)
    {
        public static OnetSource Read(string path, Func<string, bool>? exclude)
        {
            using var files = OnetDatabaseFiles.Open(path);
            var names = new Dictionary<OnetSocCode, string>();
            var titles = new List<VectorEntry>();
            var occupations = new List<VectorEntry>();
            var seen = new HashSet<(OnetSocCode, string)>();
            using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);

            void AddTitle(OnetSocCode code, string title, string kind)
            {
                title = title.Trim();
                if (title.Length > 0 && title != "n/a" && seen.Add((code, title.ToLowerInvariant())))
                {
                    titles.Add(new VectorEntry(title, code, kind));
                    hash.AppendData(Encoding.UTF8.GetBytes($"{code}\t{title}\n"));
                }
            }

            foreach (var row in files.Rows("Occupation Data.txt", ["O*NET-SOC Code", "Title", "Description"], required: true))
            {
                names[row.Code] = row.Fields[1];
                AddTitle(row.Code, row.Fields[1], OccupationTitleKind);
                var text = $"{row.Fields[1]}. {row.Fields[2]}";
                occupations.Add(new VectorEntry(text, row.Code, DescriptionKind));
                hash.AppendData(Encoding.UTF8.GetBytes($"{row.Code}\t{text}\n"));
            }

            foreach (var (file, column) in new[] { ("Alternate Titles.txt", "Alternate Title"), ("Sample of Reported Titles.txt", "Reported Job Title") })
            {
                foreach (var row in files.Rows(file, ["O*NET-SOC Code", column], required: false))
                {
                    if (exclude?.Invoke(row.Fields[1]) != true)
                    {
                        AddTitle(row.Code, row.Fields[1], TitleKind);
                    }
                }
            }

            foreach (var row in files.Rows("Task Statements.txt", ["O*NET-SOC Code", "Task"], required: false))
            {
                if (row.Fields[1].Length > 0)
                {
                    occupations.Add(new VectorEntry(row.Fields[1], row.Code, TaskKind));
                    hash.AppendData(Encoding.UTF8.GetBytes($"{row.Code}\t{row.Fields[1]}\n"));
                }
            }

            return new OnetSource(titles, occupations, names, Convert.ToHexString(hash.GetHashAndReset())[..16]);
        }
    }
}
