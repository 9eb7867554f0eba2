namespace LaborMarket.Core.Tests.Platform;

/// <summary>The test suite runs once per target framework the packages ship for; this proves each run is on its own runtime.</summary>
public sealed class RuntimeTests
{
    [Fact]
    public void Each_target_framework_runs_on_its_own_runtime()
    {
#if NET10_0
        Assert.Equal(10, Environment.Version.Major);
#elif NET8_0
        Assert.Equal(8, Environment.Version.Major);
#else
        Assert.Fail("The tests target net8.0 and net10.0 only.");
#endif
    }
}
