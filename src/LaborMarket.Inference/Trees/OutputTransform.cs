namespace LaborMarket.Inference.Trees;

/// <summary>How a model's raw score becomes a prediction.</summary>
public enum OutputTransform
{
    /// <summary>The raw score (regression L2, L1, Huber, Fair, quantile, MAPE, ranking).</summary>
    Identity,

    /// <summary><c>1 / (1 + exp(-sigmoid * raw))</c> (binary, cross-entropy).</summary>
    Sigmoid,

    /// <summary><c>exp(raw)</c> (Poisson, gamma, Tweedie).</summary>
    Exp,

    /// <summary>Softmax over the classes (multiclass).</summary>
    Softmax,

    /// <summary>A sigmoid per class (multiclass one-vs-all).</summary>
    SigmoidPerClass,
}
