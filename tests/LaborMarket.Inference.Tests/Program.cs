using LaborMarket.Inference.Tests.Trees;

namespace LaborMarket.Inference.Tests;

/// <summary>
/// The test assembly's entry point, used only by the process-level checks: <c>dotnet LaborMarket.Inference.Tests.dll
/// probe-models DIR</c> loads and evaluates every model file in DIR in this process, so a defect that kills a process
/// (an access violation, a stack overflow, running out of memory) shows as a non-zero exit code of this child rather
/// than taking the test run down.
/// </summary>
internal static class Program
{
    public static int Main(string[] args)
    {
        if (args is not ["probe-models", var folder])
        {
            Console.Error.WriteLine("usage: probe-models DIR");
            return 2;
        }

        int loaded = 0, refused = 0;
        foreach (var file in Directory.GetFiles(folder).Order(StringComparer.Ordinal))
        {
            try
            {
                if (ModelProbe.LoadAndEvaluate(File.ReadAllText(file), new Random(loaded + refused), 16, out _))
                {
                    loaded++;
                }
                else
                {
                    refused++;
                }
            }
            catch (Exception e)
            {
                Console.Error.WriteLine($"{Path.GetFileName(file)}: {e.GetType().Name}: {e.Message}");
                return 3;
            }
        }

        Console.WriteLine($"probed {loaded + refused}: loaded {loaded}, refused {refused}");
        return 0;
    }
}
