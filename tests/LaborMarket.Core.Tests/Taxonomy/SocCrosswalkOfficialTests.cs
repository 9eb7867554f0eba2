namespace LaborMarket.Core.Tests.Taxonomy;

/// <summary>The SOC 2010 -> 2018 map against every row of the official BLS crosswalk.</summary>
public class SocCrosswalkOfficialTests
{
    private static Dictionary<string, List<string>> Official()
    {
        var map = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var line in File.ReadLines(TestData.DataPath("crosswalks/soc_2010_to_2018_crosswalk.csv")).Skip(1))
        {
            var f = Csv.Split(line);
            if (!map.TryGetValue(f[0], out var targets))
            {
                map[f[0]] = targets = [];
            }

            targets.Add(f[2]);
        }

        return map;
    }

    [DataFact]
    public void From2010All_EveryOfficialRow_GivesExactlyTheOfficialTargets()
    {
        var official = Official();

        Assert.Equal(840, official.Count); // every SOC 2010 detailed occupation
        Assert.Equal(900, official.Values.Sum(v => v.Count));
        var wrong = official
            .Where(p => !SocCrosswalk.From2010All(SocCode.Parse(p.Key)).Select(c => c.ToString()).Order().SequenceEqual(p.Value.Order()))
            .Select(p => $"{p.Key}: official {string.Join(",", p.Value)}, map {string.Join(",", SocCrosswalk.From2010All(SocCode.Parse(p.Key)))}")
            .ToArray();

        Assert.True(wrong.Length == 0, string.Join("\n", wrong));
    }

    [DataFact]
    public void From2010_SplitCode_IsOneOfItsOfficialTargets_AndAnUnchangedCodeIsItself()
    {
        foreach (var (from, targets) in Official())
        {
            var single = SocCrosswalk.From2010(SocCode.Parse(from)).ToString();
            Assert.Contains(single, targets);
            Assert.Equal(targets.Count != 1 || targets[0] != from, SocCrosswalk.Changed(SocCode.Parse(from)));
            if (targets.Contains(from))
            {
                Assert.Equal(from, single); // a code SOC 2018 kept stays itself even where a part moved out
            }
        }
    }

    [DataFact]
    public void ChangedCodes_NotInTheOfficialFile_AreLegacyCodesOnly()
    {
        var official = Official();
        var legacy = SocCrosswalk.ChangedCodes.Select(c => c.ToString()).Where(c => !official.ContainsKey(c)).Order().ToArray();

        // SOC 2000 codes and OES-only aggregates that older files still carry.
        Assert.Equal(["11-9011", "11-9012", "13-1078", "25-2041", "25-3098", "25-3999", "29-1111", "29-2037", "31-1012", "41-3098"], legacy);
    }

    [Theory]
    [InlineData("15-1132", "15-1252", "15-1252,15-1253")]
    [InlineData("13-2051", "13-2051", "13-2051,13-2054")]
    [InlineData("29-1141", "29-1141", "29-1141")]
    [InlineData("51-9122", "51-9124", "51-9124")]
    [InlineData("21-1011", "21-1011", "21-1011")]
    public void From2010_KnownRows(string from, string primary, string all)
    {
        Assert.Equal(primary, SocCrosswalk.From2010(SocCode.Parse(from)).ToString());
        Assert.Equal(all.Split(','), SocCrosswalk.From2010All(SocCode.Parse(from)).Select(c => c.ToString()).Order().ToArray());
    }
}
