using System.Text.Json;

namespace LaborMarket.Core.Tests.Taxonomy;

public class CipCodeTests
{
    [Theory]
    [InlineData("51.3801", "51.3801", CipLevel.Program)]
    [InlineData("513801", "51.3801", CipLevel.Program)]
    [InlineData(" 51.3801 ", "51.3801", CipLevel.Program)]
    [InlineData("1.0101", "01.0101", CipLevel.Program)]
    [InlineData("=\"01.0000\"", "01.0000", CipLevel.Program)]
    [InlineData("51.38", "51.38", CipLevel.Series)]
    [InlineData("5138", "51.38", CipLevel.Series)]
    [InlineData("=\"01.00\"", "01.00", CipLevel.Series)]
    [InlineData("51", "51", CipLevel.Family)]
    [InlineData("=\"01\"", "01", CipLevel.Family)]
    public void Parse_RealFileForms_GivesCode(string text, string expected, CipLevel level)
    {
        var code = CipCode.Parse(text);

        Assert.Equal(expected, code.ToString());
        Assert.Equal(level, code.Level);
    }

    [Theory]
    [InlineData("")]
    [InlineData("5")]
    [InlineData("513")]
    [InlineData("51.3")]
    [InlineData("51.380")]
    [InlineData("51.38011")]
    [InlineData("123.4567")]
    [InlineData("51-3801")]
    [InlineData("ab.cdef")]
    [InlineData("=\"\"")]
    [InlineData("=")]
    [InlineData(null)]
    public void TryParse_NotACode_ReturnsFalse(string? text)
    {
        Assert.False(CipCode.TryParse(text, out var code));
        Assert.Equal(default, code);
    }

    [Fact]
    public void Hierarchy_Program_HasSeriesAndFamily()
    {
        var nursing = CipCode.Parse("51.3801");

        Assert.Equal(CipCode.Parse("51.38"), nursing.Series);
        Assert.Equal(CipCode.Parse("51"), nursing.Family);
        Assert.Equal(CipCode.Parse("51.38"), nursing.Parent);
        Assert.Equal(CipCode.Parse("51"), nursing.Series.Parent);
        Assert.Null(nursing.Family.Parent);
        Assert.True(nursing.IsWithin(CipCode.Parse("51.38")));
        Assert.True(nursing.IsWithin(CipCode.Parse("51")));
        Assert.False(nursing.IsWithin(CipCode.Parse("51.39")));
        Assert.False(CipCode.Parse("51").IsWithin(CipCode.Parse("51.38")));
    }

    [Fact]
    public void Equality_SeriesAndGeneralProgram_AreDifferentCodes()
    {
        // 01.00 is a series; 01.0000 "Agriculture, General." is a program with the same digits.
        Assert.NotEqual(CipCode.Parse("01.00"), CipCode.Parse("01.0000"));
        Assert.True(CipCode.Parse("01.00") < CipCode.Parse("01.0000"));
    }

    [Fact]
    public void Json_RoundTrip_AsText()
    {
        var codes = new[] { CipCode.Parse("51.3801"), CipCode.Parse("51.38"), CipCode.Parse("51") };

        var json = JsonSerializer.Serialize(codes);
        Assert.Equal("[\"51.3801\",\"51.38\",\"51\"]", json);
        Assert.Equal(codes, JsonSerializer.Deserialize<CipCode[]>(json));
        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<CipCode>("\"5\""));
    }

    [DataFact]
    public void Parse_EveryCodeOfTheOfficialCipList_RoundTrips()
    {
        using var reader = LaborMarket.Files.DelimitedTextReader.OpenFile(TestData.DataPath("crosswalks/CIPCode2020.csv"),
            LaborMarket.Files.DelimitedTextOptions.Csv with { AcceptStrayQuotes = true });
        reader.ReadHeader();
        var column = reader.Require("CIPCode");
        var levels = new Dictionary<CipLevel, int>();
        var malformed = new List<long>();
        while (true)
        {
            try
            {
                if (!reader.Read())
                {
                    break;
                }
            }
            catch (LaborMarketFormatException e) when (!reader.IsFaulted)
            {
                malformed.Add(e.LineNumber); // NCES quotes a title inside a quoted definition once without doubling the quotes
                continue;
            }

            var field = reader.GetString(column);
            var code = CipCode.Parse(field);
            Assert.Equal(field.Trim('=', '"'), code.ToString());
            levels[code.Level] = levels.GetValueOrDefault(code.Level) + 1;
        }

        // SOURCE.md: 50 two-digit, 473 four-digit, 2,325 six-digit codes (family 43's definition holds an undoubled quote).
        Assert.Empty(malformed);
        Assert.Equal(50, levels[CipLevel.Family]);
        Assert.Equal(473, levels[CipLevel.Series]);
        Assert.Equal(2_325, levels[CipLevel.Program]);
    }
}
