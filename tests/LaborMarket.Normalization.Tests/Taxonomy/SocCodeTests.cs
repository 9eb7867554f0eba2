
namespace LaborMarket.Normalization.Tests.Taxonomy;

public class SocCodeTests
{
    [Theory]
    [InlineData("15-1252")]
    [InlineData("151252")]
    [InlineData("15-1252.00")]
    [InlineData("15.1252")]
    [InlineData(" 15-1252 ")]
    [InlineData("15 1252")]
    [InlineData("15\u20131252")]
    public void TryParse_RealFileForms_ParsesSameCode(string text)
    {
        Assert.True(SocCode.TryParse(text, out var code));
        Assert.Equal("15-1252", code.ToString());
        Assert.Equal(151252, code.Value);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("15-125")]
    [InlineData("15-12522")]
    [InlineData("ABCDEF")]
    [InlineData("15-1252.0")]
    [InlineData("15--1252")]
    [InlineData("15-1252.00.00")]
    [InlineData("1-51252")]
    public void TryParse_NotACode_ReturnsFalseWithoutThrowing(string? text)
    {
        Assert.False(SocCode.TryParse(text, out _));
        Assert.Throws<FormatException>(() => SocCode.Parse(text ?? ""));
    }

    [Fact]
    public void Hierarchy_DetailedCode_HasItsParents()
    {
        var code = SocCode.Parse("15-1252");

        Assert.Equal(SocLevel.Detailed, code.Level);
        Assert.Equal("15-1250", code.Broad.ToString());
        Assert.Equal("15-1200", code.Minor.ToString());
        Assert.Equal("15-0000", code.Major.ToString());
        Assert.Equal(SocLevel.Broad, code.Broad.Level);
        Assert.Equal(SocLevel.Minor, code.Minor.Level);
        Assert.Equal(SocLevel.Major, code.Major.Level);
        Assert.Equal(code.Broad, code.Parent);
        Assert.Null(code.Major.Parent);
        Assert.True(code.IsWithin(code.Minor));
        Assert.False(code.IsWithin(SocCode.Parse("29-0000")));
    }

    [DataFact]
    public void Level_EveryOewsCode_MatchesItsPublishedGroup()
    {
        var checkedRows = 0;
        foreach (var year in new[] { 2020, 2021, 2022, 2023, 2024 })
        {
            foreach (var row in RealFiles.Csv($"oews/national_M{year}_dl.csv"))
            {
                var group = row["O_GROUP"];
                if (group == "total")
                {
                    continue;
                }

                Assert.True(SocCode.TryParse(row["OCC_CODE"], out var code), $"{year}: {row["OCC_CODE"]}");
                var expected = group switch
                {
                    "major" => SocLevel.Major,
                    "minor" => SocLevel.Minor,
                    "broad" => SocLevel.Broad,
                    _ => code.Value % 10 == 0 ? SocLevel.Broad : SocLevel.Detailed, // broad occupations published as detailed
                };
                Assert.Equal(expected, code.Level);
                checkedRows++;
            }
        }

        Assert.True(checkedRows > 6500, $"only {checkedRows} rows checked");
    }
}
