namespace LaborMarket.Embeddings.Tests;

/// <summary>
/// A measurement that embeds all of O*NET (minutes on two cores): it runs when LABORMARKET_EMBEDDINGS_FULL=1 and the
/// shared data is present, and is skipped otherwise so the CI suite stays fast.
/// </summary>
public sealed class FullEvaluationFactAttribute : FactAttribute
{
    public const string Variable = "LABORMARKET_EMBEDDINGS_FULL";

    public FullEvaluationFactAttribute()
    {
        if (Environment.GetEnvironmentVariable(Variable) != "1")
        {
            Skip = $"set {Variable}=1 to run the full O*NET measurement";
        }
        else if (TestData.MissingReason() is { } reason)
        {
            Skip = reason;
        }
    }
}
