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
