using Xunit.Sdk;

namespace LaborMarket.Cli.Tests.Testing;

public class SnapshotTests
{
    [Fact]
    public void Serialize_SortsKeysAndIndents()
    {
        var text = Snapshot.Serialize(new { Zeta = 1, Alpha = new { Beta = "x", Aardvark = true } });

        Assert.Equal("{\n  \"alpha\": {\n    \"aardvark\": true,\n    \"beta\": \"x\"\n  },\n  \"zeta\": 1\n}\n", text.ReplaceLineEndings("\n"));
    }

    [Fact]
    public void Verify_MatchingSnapshot_Passes()
    {
        Snapshot.Verify(new { Role = "Registered Nurses", Soc = "29-1141" });
    }

    [Fact]
    public void Verify_Mismatch_WritesReceivedAndFailsWithDiff()
    {
        var ex = Assert.Throws<XunitException>(() =>
            Snapshot.Verify(new { Role = "Software Developers", Soc = "15-1252" }, name: nameof(Verify_MatchingSnapshot_Passes)));

        Assert.Contains("- ", ex.Message, StringComparison.Ordinal);
        Assert.Contains("+ ", ex.Message, StringComparison.Ordinal);
        var received = Path.Combine(TestData.RepoRoot, "tests", "LaborMarket.Cli.Tests", "Testing",
            "SnapshotTests.Verify_MatchingSnapshot_Passes.received.json");
        Assert.True(File.Exists(received));
        File.Delete(received);
    }
}
