using Xunit;

namespace LaborMarket.Testing;

/// <summary>
/// A fact that reads the shared real data. Skipped on a developer machine without the shared folder;
/// under CI (<c>CI=true</c>) it runs anyway, so the missing folder fails the test with a clear message.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class DataFactAttribute : FactAttribute
{
    /// <summary>Creates the attribute; <paramref name="relative"/> is the shared sub-folder needed.</summary>
    public DataFactAttribute(string relative = "data")
    {
        if (!TestData.IsCi && TestData.MissingReason(relative) is { } reason)
        {
            Skip = reason;
        }
    }
}

/// <summary>The theory counterpart of <see cref="DataFactAttribute"/>.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class DataTheoryAttribute : TheoryAttribute
{
    /// <summary>Creates the attribute; <paramref name="relative"/> is the shared sub-folder needed.</summary>
    public DataTheoryAttribute(string relative = "data")
    {
        if (!TestData.IsCi && TestData.MissingReason(relative) is { } reason)
        {
            Skip = reason;
        }
    }
}
