using System.Diagnostics;

namespace LaborMarket.Inference.Tests.Trees;

/// <summary>
/// Seeded fuzz over the real LightGBM fixtures: every mutant either loads, and then evaluates on hostile rows without
/// throwing, or is refused with a <see cref="LaborMarketFormatException"/> that names a line; nothing else escapes, and
/// time and memory stay bounded. LABORMARKET_FUZZ_LONG=1 runs 25 times as many mutants.
/// </summary>
public class LightGbmModelFuzzTests
{
    internal static int MutantsPerFixture => Environment.GetEnvironmentVariable("LABORMARKET_FUZZ_LONG") == "1" ? 1000 : 30;

    public static TheoryData<string> Fixtures() => new(LightGbmFixture.All);

    [DataTheory("fixtures/lightgbm")]
    [MemberData(nameof(Fixtures))]
    public void Parse_MutatedModel_LoadsAndEvaluatesOrRefusesWithTypedError(string name)
    {
        var lines = File.ReadAllText(new LightGbmFixture(name).ModelPath).Split('\n');
        var rng = new Random(name.Length * 7919);
        var refused = 0;
        var loaded = 0;
        for (var i = 0; i < MutantsPerFixture; i++)
        {
            var (text, what) = ModelMutator.Mutate(lines, rng);
            var before = GC.GetAllocatedBytesForCurrentThread();
            var clock = Stopwatch.StartNew();
            bool ok;
            LaborMarketFormatException? refusal;
            try
            {
                ok = ModelProbe.LoadAndEvaluate(text, new Random(i), 16, out refusal);
            }
            catch (Exception e)
            {
                Assert.Fail($"{name} mutant {i} ({what}): {e.GetType().Name}: {e.Message}");
                throw;
            }

            // Generous bounds: a hang or a blow-up, not a speed check.
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(60), $"{name} mutant {i} ({what}) took {clock.Elapsed}");
            var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
            Assert.True(allocated < (64L * text.Length) + (64L << 20), $"{name} mutant {i} ({what}) allocated {allocated:N0} bytes");
            if (ok)
            {
                loaded++;
            }
            else
            {
                refused++;
                Assert.Equal("mutant.txt", refusal!.FileName);
                Assert.False(string.IsNullOrWhiteSpace(refusal.Reason));
            }
        }

        // The suite exercises both sides: some damage is refused, some edits leave a valid model.
        Assert.True(refused > 0, $"{name}: no mutant was refused");
        Assert.True(loaded > 0, $"{name}: no mutant loaded");
    }
}
