namespace LaborMarket.Embeddings.Titles;

/// <summary>How lexical and semantic evidence are combined (tuned on the tuning fold of held-out O*NET titles).</summary>
/// <param name="LexicalWeight">Weight of the lexical share; the semantic share gets the rest.</param>
/// <param name="Temperature">Softmax temperature over the cosine similarities of the nearest titles.</param>
/// <param name="LexicalPower">Exponent on lexical scores before they are shared out.</param>
/// <param name="Neighbors">Nearest O*NET titles consulted.</param>
/// <param name="ConsultOnWordSet">Whether a same-words match also consults embeddings.</param>
/// <param name="SplitRatio">An exact alias consults embeddings when a second code scores at least this share of the first.</param>
internal sealed record BlendParameters(double LexicalWeight, double Temperature, double LexicalPower, int Neighbors, bool ConsultOnWordSet, double SplitRatio)
{
    public static BlendParameters Default { get; } = new(0.5, 0.04, 2, 20, true, 0.95);
}
