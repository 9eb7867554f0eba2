using LaborMarket.Bls.Fallback;
using LaborMarket.Files;

namespace LaborMarket.Bls.Tests.Fallback;

public class Soc2018OccupationsTests
{
    [DataFact]
    public void Codes_AreEvery2018CodeOfTheBlsCrosswalk()
    {
        var fromFile = new SortedSet<int>();
        using (var reader = DelimitedTextReader.OpenFile(TestData.DataPath("crosswalks/soc_2010_to_2018_crosswalk.csv"), DelimitedTextOptions.Csv))
        {
            reader.ReadHeader();
            var column = reader.Require("2018 SOC Code");
            while (reader.Read())
            {
                fromFile.Add(SocCode.Parse(reader.GetString(column)).Value);
            }
        }

        Assert.Equal(867, fromFile.Count);
        Assert.Equal(fromFile, Soc2018Occupations.Codes);
    }

    [Theory]
    [InlineData("15-1252", true)]
    [InlineData("15-1250", true)]
    [InlineData("15-1200", true)]
    [InlineData("15-0000", true)]
    [InlineData("55-1011", true)]
    [InlineData("15-1132", false)] // SOC 2010 only
    [InlineData("15-9999", false)]
    [InlineData("99-0000", false)]
    public void Contains_DetailedCodesAndTheirGroups(string code, bool expected)
    {
        Assert.Equal(expected, Soc2018Occupations.Contains(SocCode.Parse(code)));
    }
}
