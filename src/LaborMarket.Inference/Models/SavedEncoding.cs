using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using LaborMarket.Inference.Registry;

namespace LaborMarket.Inference.Models;

/// <summary>Reads back a model the archetype and headcount models saved: the registry's model and their encoding (config.json).</summary>
internal static class SavedEncoding
{
    /// <summary>The latest version saved as <paramref name="name"/>, when its config is an encoding of <paramref name="kind"/> over <paramref name="features"/>.</summary>
    /// <param name="registry">The registry.</param>
    /// <param name="name">The model name.</param>
    /// <param name="kind">The config's "kind".</param>
    /// <param name="description">The model for messages ("an archetype model").</param>
    /// <param name="features">The features the model must have.</param>
    /// <param name="type">The encoding's source-generated JSON metadata.</param>
    /// <param name="kindOf">The kind an encoding read says it is.</param>
    /// <exception cref="LaborMarketFormatException">The saved config is not such a model's.</exception>
    public static (RegisteredModel Saved, T Encoding) Load<T>(ModelRegistry registry, string name, string kind, string description,
        IReadOnlyList<string> features, JsonTypeInfo<T> type, Func<T, string> kindOf)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(registry);
        var saved = registry.Load(name);
        T? encoding;
        try
        {
            encoding = JsonSerializer.Deserialize(saved.Config, type);
        }
        catch (JsonException e)
        {
            throw new LaborMarketFormatException("config.json", (e.LineNumber ?? -1) + 1, null, $"not {description}'s config", e);
        }

        return encoding is not null && kindOf(encoding) == kind && saved.Features.SequenceEqual(features)
            ? (saved, encoding)
            : throw new LaborMarketFormatException("config.json", 0, "kind", $"model '{name}' is not {description}");
    }
}
