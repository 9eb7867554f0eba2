using System.Globalization;
using LaborMarket.Normalization.Tests.Titles;

namespace LaborMarket.Normalization.Tests;

/// <summary>
/// The test host's entry point. The test runner never calls it; the hostile-title suite starts this assembly as a
/// child process (<c>hostile-titles SEED COUNT TITLES_FILE</c>) under a runtime configuration with ICU globalization,
/// since a process's globalization mode is fixed when it starts.
/// </summary>
public static class Program
{
    public static int Main(string[] args)
    {
        if (args is not ["hostile-titles", var seed, var count, var titles])
        {
            return 0;
        }

        var failures = HostileTitleRun.Run(
            int.Parse(seed, CultureInfo.InvariantCulture), int.Parse(count, CultureInfo.InvariantCulture), HostileTitleRun.RealTitles(titles));
        Console.WriteLine($"globalization={(HostileTitleRun.UsesIcu() ? "icu" : "invariant")} failures={failures.Count}");
        foreach (var failure in failures.Take(20))
        {
            Console.WriteLine(failure);
        }

        return failures.Count == 0 ? 0 : 1;
    }
}
