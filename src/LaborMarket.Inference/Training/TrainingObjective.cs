using System.Globalization;

namespace LaborMarket.Inference.Training;

/// <summary>The loss a model is trained for.</summary>
public enum TrainingObjective
{
    /// <summary>Squared error (LightGBM <c>regression</c>).</summary>
    Regression,

    /// <summary>Pinball loss at <see cref="GbdtParameters.Alpha"/> (LightGBM <c>quantile</c>): a conditional quantile.</summary>
    Quantile,

    /// <summary>Log loss for 0/1 labels (LightGBM <c>binary</c>).</summary>
    Binary,

    /// <summary>Poisson deviance for counts (LightGBM <c>poisson</c>).</summary>
    Poisson,

    /// <summary>Softmax cross-entropy over <see cref="GbdtParameters.NumClass"/> classes (LightGBM <c>multiclass</c>).</summary>
    Multiclass,
}
