namespace LaborMarket.Inference.Training;

/// <summary>
/// A trainer of gradient-boosted trees that returns a model in LightGBM's text format. <see cref="GbdtTrainer.Default"/>
/// (pure managed code) is the default; the LaborMarket.Inference.ML package offers ML.NET's LightGbm. The salary,
/// archetype and headcount models take one through <see cref="Models.ModelTrainingOptions.Trainer"/>.
/// </summary>
public interface IGbdtTrainer
{
    /// <summary>Trains a model.</summary>
    /// <param name="train">The training rows.</param>
    /// <param name="parameters">The parameters (a trainer says in its documentation which it honours).</param>
    /// <param name="validation">Rows to watch for early stopping (same features), or null.</param>
    /// <param name="cancellationToken">Cancels training.</param>
    /// <returns>The model, its LightGBM text and the validation history.</returns>
    TrainingResult Train(TrainingSet train, GbdtParameters parameters, TrainingSet? validation = null, CancellationToken cancellationToken = default);
}
