namespace Microsoft.ML;

/// <summary>Makes an <see cref="MLContext"/> able to load pipelines that use this package's transforms.</summary>
public static class LaborMarketMLContextExtensions
{
    /// <summary>
    /// Registers this package's steps with the context's component catalog; call it before
    /// <c>mlContext.Model.Load</c> on a model that scores with a LightGBM model or normalizes job titles.
    /// </summary>
    /// <param name="mlContext">The context.</param>
    /// <returns>The same context.</returns>
    public static MLContext RegisterLaborMarketInference(this MLContext mlContext)
    {
        ArgumentNullException.ThrowIfNull(mlContext);
        mlContext.ComponentCatalog.RegisterAssembly(typeof(LaborMarketMLContextExtensions).Assembly);
        return mlContext;
    }
}
