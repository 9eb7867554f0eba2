namespace LaborMarket.Embeddings.Titles;

/// <summary>How lexical and semantic evidence are combined (tuned on the tuning folds of held-out O*NET titles and real LCA titles).</summary>
/// <param name="LexicalWeight">Weight of the lexical share; the semantic share gets the rest.</param>
/// <param name="Temperature">Softmax temperature over the cosine similarities of the nearest titles.</param>
/// <param name="LexicalPower">Exponent on lexical scores before they are shared out.</param>
/// <param name="Neighbors">Nearest O*NET titles consulted.</param>
/// <param name="ConsultOnWordSet">Whether a same-words match also consults embeddings.</param>
/// <param name="SplitRatio">An exact alias consults embeddings when a second code scores at least this share of the first.</param>
/// <param name="MaxLexicalConfidence">A lexical result at or above this confidence is kept without consulting embeddings.</param>
/// <param name="ManagementOnly">For a managerial title that the lexical normalizer codes in SOC major group 11, count only
/// nearest titles in that group.</param>
internal sealed record BlendParameters(double LexicalWeight, double Temperature, double LexicalPower, int Neighbors, bool ConsultOnWordSet,
    double SplitRatio, double MaxLexicalConfidence, bool ManagementOnly)
{
    public static BlendParameters Default { get; } = new(0.4, 0.16, 2, 30, true, 0.9, 1.01, true);
}
