using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json;
using LaborMarket.Inference.Trees;

namespace LaborMarket.Inference.Registry;

/// <summary>A model in the registry with what was recorded beside it.</summary>
/// <param name="Name">The model's name.</param>
/// <param name="Version">Its version.</param>
/// <param name="Model">The loaded model (thread-safe; shared by every caller).</param>
/// <param name="Metrics">metrics.json: the held-out metrics recorded when it was saved.</param>
/// <param name="Features">features.json: the feature names, in the model's order.</param>
/// <param name="Config">config.json, as written (parameters and anything else the trainer recorded).</param>
/// <param name="ModelText">model.txt, as written (LightGBM's text format).</param>
public sealed record RegisteredModel(string Name, string Version, LightGbmModel Model, IReadOnlyDictionary<string, double> Metrics,
    IReadOnlyList<string> Features, string Config, string ModelText);

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
    /// <param name="config">Anything to record about how it was made (serialized to config.json).</param>
    /// <returns>The new version.</returns>
    public string Save(string name, string modelText, IReadOnlyDictionary<string, double> metrics, object? config = null)
    {
        ArgumentNullException.ThrowIfNull(modelText);
        ArgumentNullException.ThrowIfNull(metrics);
        var model = LightGbmModel.Parse(new StringReader(modelText), "model.txt"); // refuse a model that would not load
        lock (_saveLock)
        {
            var versions = Versions(name);
            var version = ((versions.Count == 0 ? 0 : int.Parse(versions[^1], CultureInfo.InvariantCulture)) + 1).ToString(CultureInfo.InvariantCulture);
            var folder = Directory.CreateDirectory(Path.Combine(Folder(name), version)).FullName;
            File.WriteAllText(Path.Combine(folder, "model.txt"), modelText);
            File.WriteAllText(Path.Combine(folder, "metrics.json"), JsonSerializer.Serialize(metrics.ToDictionary(p => p.Key, p => p.Value), Indented));
            File.WriteAllText(Path.Combine(folder, "features.json"), JsonSerializer.Serialize(model.FeatureNames, Indented));
            File.WriteAllText(Path.Combine(folder, "config.json"), JsonSerializer.Serialize(config ?? new Dictionary<string, string>(), Indented));
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
        var metrics = ReadJson<Dictionary<string, double>>(Path.Combine(folder, "metrics.json")) ?? [];
        var features = ReadJson<string[]>(Path.Combine(folder, "features.json")) ?? model.FeatureNames.ToArray();
        var config = File.Exists(Path.Combine(folder, "config.json")) ? File.ReadAllText(Path.Combine(folder, "config.json")) : "{}";
        return new RegisteredModel(name, version, model, metrics, features, config, text);
    }

    private static T? ReadJson<T>(string path)
    {
        if (!File.Exists(path))
        {
            return default;
        }

        try
        {
            return JsonSerializer.Deserialize<T>(File.ReadAllText(path));
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

    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };
}
