using System.Text.Json;

namespace LaborMarket.Normalization.Tests.Json;

// The Core value types (SocCode, OnetSocCode, UsState, CountyFips, OewsAreaCode) serialize as their text.
public class TextValueJsonConverterTests
{
    [Theory]
    [InlineData("15-1252")]
    [InlineData("15-0000")]
    [InlineData("15-1250")]
    [InlineData("29-1141")]
    public void SocCode_RoundTrip_IsItsText(string text)
    {
        var code = SocCode.Parse(text);

        var json = JsonSerializer.Serialize(code);

        Assert.Equal($"\"{text}\"", json);
        Assert.Equal(code, JsonSerializer.Deserialize<SocCode>(json));
        Assert.Equal(code, JsonSerializer.Deserialize<SocCode?>(json));
    }

    [Fact]
    public void SocCode_MajorGroup_SerializesWithoutACycle()
    {
        // A major group's Major is itself: written as text, there is nothing to walk.
        var major = SocCode.Parse("15-1252").Major;

        Assert.Equal("\"15-0000\"", JsonSerializer.Serialize(new { Code = major }.Code));
        Assert.Equal("{\"A\":\"15-0000\",\"B\":null}", JsonSerializer.Serialize(new { A = (SocCode?)major, B = (SocCode?)null }));
    }

    [Fact]
    public void ValueTypes_RoundTrip_AsTheirText()
    {
        RoundTrip(OnetSocCode.Parse("29-1141.01"), "29-1141.01");
        RoundTrip(UsState.Parse("California"), "CA");
        RoundTrip(UsState.Parse("DC"), "DC");
        RoundTrip(CountyFips.Parse("12103"), "12103");
        RoundTrip(CountyFips.Parse("06085"), "06085");
        RoundTrip(OewsAreaCode.Parse("45300"), "45300");
        RoundTrip(OewsAreaCode.Parse("1200006"), "1200006");
        RoundTrip(OewsAreaCode.Parse("12"), "12");
        RoundTrip(OewsAreaCode.National, "99");
        RoundTrip(SocLevel.Broad, "broad");
        RoundTrip(AreaLevel.Nonmetro, "nonmetro");
    }

    [Fact]
    public void ValueTypes_AsDictionaryKeys_RoundTrip()
    {
        var byCode = new Dictionary<SocCode, int> { [SocCode.Parse("15-1252")] = 1, [SocCode.Parse("29-1141")] = 2 };

        var json = JsonSerializer.Serialize(byCode);

        Assert.Equal("{\"15-1252\":1,\"29-1141\":2}", json);
        Assert.Equal(byCode, JsonSerializer.Deserialize<Dictionary<SocCode, int>>(json));
    }

    [Theory]
    [InlineData("\"15-12\"")]
    [InlineData("\"not a code\"")]
    [InlineData("151252")]
    [InlineData("{}")]
    public void SocCode_BadJson_IsAJsonException(string json) =>
        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<SocCode>(json));

    [Fact]
    public void UsState_Unknown_IsAJsonException()
    {
        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<UsState>("\"ZZ\""));
        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<OewsAreaCode>($"\"{new string('9', 5000)}\""));
    }

    private static void RoundTrip<T>(T value, string text)
    {
        var json = JsonSerializer.Serialize(value);
        Assert.Equal($"\"{text}\"", json);
        Assert.Equal(value, JsonSerializer.Deserialize<T>(json));
    }
}
