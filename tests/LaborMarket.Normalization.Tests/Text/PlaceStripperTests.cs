using LaborMarket.Normalization.Text;

namespace LaborMarket.Normalization.Tests.Text;

public class PlaceStripperTests
{
    [Theory]
    [InlineData("Registered Nurse - San Diego, CA", "registered nurse")]
    [InlineData("Account Manager (Little Rock, AR 72201)", "account manager")]
    [InlineData("Nurse - Texas", "nurse")]
    [InlineData("Physician Assistant - PA", "physician assistant pa")]
    [InlineData("RN, OR", "rn or")]
    [InlineData("Texas Ranger", "texas ranger")]
    public void Mark_PlaceAfterTheTitle_IsNoise(string title, string kept)
    {
        var raw = CleaningStages.Raw(title);

        PlaceStripper.Mark(raw);

        Assert.Equal(kept, string.Join(' ', Enumerable.Range(0, raw.Count).Where(i => (raw.Tokens[i].Flags & TokenFlags.Noise) == 0)
            .Select(i => raw.Word(i).ToString())));
    }
}
