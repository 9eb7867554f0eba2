namespace LaborMarket.Inference.ML.Tests.Native;

/// <summary>
/// What the ML.NET comparison adds to the tests' native LightGBM declarations (compiled in from
/// tests/LaborMarket.Inference.ML.Tests/Native/NativeLightGbm.cs): a model loaded once for repeated prediction.
/// </summary>
internal static unsafe partial class NativeLightGbm
{
    /// <summary>Loads a model once for repeated prediction.</summary>
    public static IntPtr Load(string modelText)
    {
        Check(LGBM_BoosterLoadModelFromString(modelText, out _, out var booster));
        return booster;
    }

    /// <summary>Frees a loaded model.</summary>
    public static void Free(IntPtr booster) => _ = LGBM_BoosterFree(booster);

    /// <summary>Normal predictions of a loaded model into <paramref name="result"/>.</summary>
    public static void Predict(IntPtr booster, double[] rows, int columns, double[] result)
    {
        fixed (double* data = rows)
        fixed (double* output = result)
        {
            Check(LGBM_BoosterPredictForMat(booster, data, Float64, rows.Length / columns, columns, 1, PredictNormal, 0, -1, "num_threads=1", out _, output));
        }
    }
}
