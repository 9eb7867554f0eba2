using LaborMarket.Inference.Training;

namespace LaborMarket.Inference.Models;

/// <summary>How the salary, archetype and headcount models train: the seed of their splits and sampling, tree parameters and the trainer.</summary>
public sealed record ModelTrainingOptions
{
    /// <summary>Seed for the 70/15/15 split and any sampling. Default 42.</summary>
    public int Seed { get; init; } = 42;

    /// <summary>Which rows train, validate and test, or null for a random 70/15/15 split (the salary model's rows only).</summary>
    public DataSplit? Split { get; init; }

    /// <summary>Tree parameters (each model sets its own objective), or null for defaults suited to a few thousand rows.</summary>
    public GbdtParameters? Parameters { get; init; }

    /// <summary>
    /// The trainer: <see cref="GbdtTrainer.Default"/> (managed, the default) or another <see cref="IGbdtTrainer"/>, such as
    /// ML.NET's LightGbm from the LaborMarket.Inference.ML package.
    /// </summary>
    public IGbdtTrainer Trainer { get; init; } = GbdtTrainer.Default;
}
