using LaborMarket.Inference.Evaluation;

namespace LaborMarket.Inference.Models;

/// <summary>How the archetype classifier did on held-out pairs, beside the baseline (the archetype's frequency alone).</summary>
/// <param name="Test">The model's metrics at its threshold.</param>
/// <param name="Baseline">The baseline's metrics at its own threshold (chosen on the same validation pairs).</param>
/// <param name="Threshold">The model's threshold, chosen on validation pairs (the best true-positive minus false-positive rate).</param>
/// <param name="Positives">Observed (employer, archetype) pairs.</param>
/// <param name="Archetypes">Distinct archetypes.</param>
/// <param name="BeatsBaseline">True when the model's AUC is above the baseline's.</param>
/// <param name="PredictsBothClasses">True when the held-out predictions include both yes and no.</param>
public sealed record ArchetypeMetrics(BinaryMetrics Test, BinaryMetrics Baseline, double Threshold, int Positives, int Archetypes, bool BeatsBaseline,
    bool PredictsBothClasses);
