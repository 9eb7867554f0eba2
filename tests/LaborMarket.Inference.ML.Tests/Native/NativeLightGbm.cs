using System.Runtime.InteropServices;
using System.Text;

namespace LaborMarket.Inference.ML.Tests.Native;

/// <summary>
/// The native LightGBM library (lib_lightgbm from the LightGBM package) through a few of its C API functions: the
/// differential oracle the managed engine is checked against. The benchmarks compile this file in for their ML.NET comparison.
/// </summary>
internal static unsafe partial class NativeLightGbm
{
    private const string Library = "lib_lightgbm";
    private const int Float64 = 1;
    private const int Float32 = 0;

    public const int PredictNormal = 0;
    public const int PredictRaw = 1;
    public const int PredictLeaf = 2;

    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int LGBM_BoosterLoadModelFromString(string model, out int iterations, out IntPtr booster);

    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int LGBM_BoosterPredictForMat(IntPtr booster, void* data, int dataType, int rows, int columns, int rowMajor,
        int predictType, int startIteration, int iterations, string parameters, out long length, double* result);

    [LibraryImport(Library)]
    private static partial int LGBM_BoosterFree(IntPtr booster);

    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int LGBM_DatasetCreateFromMat(void* data, int dataType, int rows, int columns, int rowMajor, string parameters,
        IntPtr reference, out IntPtr dataset);

    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int LGBM_DatasetSetField(IntPtr dataset, string field, void* data, int count, int type);

    [LibraryImport(Library)]
    private static partial int LGBM_DatasetFree(IntPtr dataset);

    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int LGBM_BoosterCreate(IntPtr dataset, string parameters, out IntPtr booster);

    [LibraryImport(Library)]
    private static partial int LGBM_BoosterUpdateOneIter(IntPtr booster, out int finished);

    [LibraryImport(Library)]
    private static partial int LGBM_BoosterSaveModelToString(IntPtr booster, int startIteration, int iterations, int importanceType,
        long bufferLength, out long length, byte* buffer);

    [LibraryImport(Library)]
    private static partial IntPtr LGBM_GetLastError();

    /// <summary>Predictions for rows (row-major doubles): <paramref name="width"/> values per row of output.</summary>
    public static double[] Predict(string modelText, double[] rows, int columns, int predictType, int width)
    {
        Check(LGBM_BoosterLoadModelFromString(modelText, out _, out var booster));
        try
        {
            var n = rows.Length / columns;
            var result = new double[n * width];
            fixed (double* data = rows)
            fixed (double* output = result)
            {
                Check(LGBM_BoosterPredictForMat(booster, data, Float64, n, columns, 1, predictType, 0, -1, "num_threads=1", out var length, output));
                if (length != result.Length)
                {
                    throw new InvalidOperationException($"LightGBM wrote {length} values, {result.Length} expected");
                }
            }

            return result;
        }
        finally
        {
            _ = LGBM_BoosterFree(booster);
        }
    }

    /// <summary>Trains a model on row-major doubles and returns its text.</summary>
    public static string Train(double[] rows, int columns, float[] labels, string datasetParameters, string parameters, int iterations)
    {
        IntPtr dataset;
        fixed (double* data = rows)
        {
            Check(LGBM_DatasetCreateFromMat(data, Float64, labels.Length, columns, 1, datasetParameters, IntPtr.Zero, out dataset));
        }

        try
        {
            fixed (float* label = labels)
            {
                Check(LGBM_DatasetSetField(dataset, "label", label, labels.Length, Float32));
            }

            Check(LGBM_BoosterCreate(dataset, parameters, out var booster));
            try
            {
                for (var i = 0; i < iterations; i++)
                {
                    Check(LGBM_BoosterUpdateOneIter(booster, out var finished));
                    if (finished != 0)
                    {
                        break;
                    }
                }

                Check(LGBM_BoosterSaveModelToString(booster, 0, -1, 0, 0, out var length, null));
                var buffer = new byte[length];
                fixed (byte* b = buffer)
                {
                    Check(LGBM_BoosterSaveModelToString(booster, 0, -1, 0, length, out _, b));
                }

                return Encoding.UTF8.GetString(buffer, 0, (int)length - 1); // without the terminating NUL
            }
            finally
            {
                _ = LGBM_BoosterFree(booster);
            }
        }
        finally
        {
            _ = LGBM_DatasetFree(dataset);
        }
    }

    private static void Check(int status)
    {
        if (status != 0)
        {
            throw new InvalidOperationException("LightGBM: " + Marshal.PtrToStringUTF8(LGBM_GetLastError()));
        }
    }
}
