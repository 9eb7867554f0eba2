namespace LaborMarket.Inference.Models;

/// <summary>Whether an employer has an archetype (role, seniority, state).</summary>
/// <param name="Probability">The model's probability.</param>
/// <param name="Exists">True when the probability reaches the model's threshold.</param>
public sealed record ArchetypeScore(double Probability, bool Exists);
