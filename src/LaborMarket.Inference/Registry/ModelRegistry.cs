using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using LaborMarket.Inference.Trees;

namespace LaborMarket.Inference.Registry;

/// <summary>
/// Models on disk as <c>{root}/{name}/{version}/</c> with <c>model.txt</c> (LightGBM's text format),
/// <c>config.json</c>, <c>metrics.json</c> and <c>features.json</c>. Versions are whole numbers, 1 up; the latest
/// is the highest. Names and versions that could leave the root (separators, "..") are refused. Loaded models
/// are kept, so repeated loads cost nothing. Thread-safe.
/// </summary>
public sealed class ModelRegistry
{
    private readonly ConcurrentDictionary<(string, string), RegisteredModel> _loaded = new();
    private readonly object _saveLock = new();

    /// <summary>Opens (and creates) a registry folder.</summary>
    /// <param name="root">The registry folder.</param>
    public ModelRegistry(string root)
    {
        ArgumentException.ThrowIfNullOrEmpty(root);
        Root = Directory.CreateDirectory(root).FullName;
    }

    /// <summary>The registry folder.</summary>
    public string Root { get; }

    /// <summary>The model names held.</summary>
    public IReadOnlyList<string> Names =>
        Directory.EnumerateDirectories(Root).Select(Path.GetFileName).OfType<string>().Where(IsSafe).Order(StringComparer.Ordinal).ToArray();

    /// <summary>A model's versions, oldest first (empty when there is no such model).</summary>
    /// <param name="name">The model name.</param>
    public IReadOnlyList<string> Versions(string name)
    {
        var folder = Folder(name);
        return !Directory.Exists(folder) ? []
            : Directory.EnumerateDirectories(folder).Select(Path.GetFileName).OfType<string>()
                .Where(v => int.TryParse(v, NumberStyles.None, CultureInfo.InvariantCulture, out _) && File.Exists(Path.Combine(folder, v, "model.txt")))
                .OrderBy(v => int.Parse(v, CultureInfo.InvariantCulture)).ToArray();
    }

    /// <summary>Saves a model as the next version of <paramref name="name"/>.</summary>
    /// <param name="name">The model name (letters, digits, '.', '-', '_').</param>
    /// <param name="modelText">The model in LightGBM's text format.</param>
    /// <param name="metrics">Held-out metrics to record.</param>
    /// <param name="configJson">
    /// Anything to record about how it was made, as a JSON object (written to config.json; <c>{}</c> when null).
    /// Serialize it with a source-generated context so that trimmed and AOT hosts save without reflection.
    /// </param>
    /// <returns>The new version.</returns>
    /// <exception cref="ArgumentException"><paramref name="configJson"/> is not a JSON object.</exception>
    public string Save(string name, string modelText, IReadOnlyDictionary<string, double> metrics, string? configJson = null)
    {
        ArgumentNullException.ThrowIfNull(modelText);
        ArgumentNullException.ThrowIfNull(metrics);
        var config = configJson is null ? "{}" : CheckedConfig(configJson);
        var model = LightGbmModel.Parse(new StringReader(modelText), "model.txt"); // refuse a model that would not load
        lock (_saveLock)
        {
            var versions = Versions(name);
            var version = ((versions.Count == 0 ? 0 : int.Parse(versions[^1], CultureInfo.InvariantCulture)) + 1).ToString(CultureInfo.InvariantCulture);
            var folder = Directory.CreateDirectory(Path.Combine(Folder(name), version)).FullName;
            File.WriteAllText(Path.Combine(folder, "model.txt"), modelText);
            File.WriteAllText(Path.Combine(folder, "metrics.json"), JsonSerializer.Serialize(metrics.ToDictionary(p => p.Key, p => p.Value), RegistryJsonContext.Default.DictionaryStringDouble));
            File.WriteAllText(Path.Combine(folder, "features.json"), JsonSerializer.Serialize(model.FeatureNames.ToArray(), RegistryJsonContext.Default.StringArray));
            File.WriteAllText(Path.Combine(folder, "config.json"), config);
            return version;
        }
    }

    /// <summary>Loads a version of a model, or its latest.</summary>
    /// <param name="name">The model name.</param>
    /// <param name="version">The version, or null for the latest.</param>
    /// <exception cref="FileNotFoundException">No such model or version.</exception>
    /// <exception cref="ArgumentException">A name or version that is not a plain folder name.</exception>
    public RegisteredModel Load(string name, string? version = null)
    {
        var versions = Versions(name);
        if (version is null)
        {
            version = versions.Count > 0 ? versions[^1] : throw new FileNotFoundException($"the registry at '{Root}' has no model '{name}'");
        }
        else if (!IsSafe(version))
        {
            throw new ArgumentException($"'{version}' is not a version (a plain folder name)", nameof(version));
        }

        return _loaded.GetOrAdd((name, version), key => Read(key.Item1, key.Item2));
    }

    private RegisteredModel Read(string name, string version)
    {
        var folder = Path.Combine(Folder(name), version);
        var modelFile = Path.Combine(folder, "model.txt");
        if (!File.Exists(modelFile))
        {
            throw new FileNotFoundException($"the registry at '{Root}' has no version '{version}' of model '{name}'", modelFile);
        }

        var text = File.ReadAllText(modelFile);
        var model = LightGbmModel.Parse(new StringReader(text), modelFile);
        var metrics = ReadJson(Path.Combine(folder, "metrics.json"), RegistryJsonContext.Default.DictionaryStringDouble) ?? [];
        var features = ReadJson(Path.Combine(folder, "features.json"), RegistryJsonContext.Default.StringArray) ?? model.FeatureNames.ToArray();
        var config = File.Exists(Path.Combine(folder, "config.json")) ? File.ReadAllText(Path.Combine(folder, "config.json")) : "{}";
        return new RegisteredModel(name, version, model, metrics, features, config, text);
    }

    private static string CheckedConfig(string configJson)
    {
        try
        {
            using var document = JsonDocument.Parse(configJson);
            return document.RootElement.ValueKind == JsonValueKind.Object
                ? configJson
                : throw new ArgumentException($"config must be a JSON object, not {document.RootElement.ValueKind}", nameof(configJson));
        }
        catch (JsonException ex)
        {
            throw new ArgumentException($"config is not JSON: {ex.Message}", nameof(configJson), ex);
        }
    }

    private static T? ReadJson<T>(string path, JsonTypeInfo<T> type)
    {
        if (!File.Exists(path))
        {
            return default;
        }

        try
        {
            return JsonSerializer.Deserialize(File.ReadAllText(path), type);
        }
        catch (JsonException ex)
        {
            throw new LaborMarketFormatException(Path.GetFileName(path), (ex.LineNumber ?? -1) + 1, ex.Path, ex.Message, ex);
        }
    }

    private string Folder(string name)
    {
        if (!IsSafe(name))
        {
            throw new ArgumentException($"'{name}' is not a model name: use letters, digits, '.', '-' and '_' (no path separators or '..')", nameof(name));
        }

        var folder = Path.GetFullPath(Path.Combine(Root, name));
        return Path.GetDirectoryName(folder) == Root.TrimEnd(Path.DirectorySeparatorChar)
            ? folder
            : throw new ArgumentException($"'{name}' would leave the registry folder", nameof(name));
    }

    private static bool IsSafe(string? s) =>
        !string.IsNullOrEmpty(s) && s.Length <= 100 && s != "." && !s.Contains("..", StringComparison.Ordinal)
        && s.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '_');
}
