namespace LaborMarket.Inference;

/// <summary>Options for <c>services.AddLaborMarketInference(...)</c>.</summary>
public sealed class ModelRegistryOptions
{
    /// <summary>Root folder of the model registry (`{name}/{version}/model.txt`).</summary>
    public string? RegistryPath { get; set; }
}
