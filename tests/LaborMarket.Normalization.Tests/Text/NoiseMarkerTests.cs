using LaborMarket.Normalization.Text;

namespace LaborMarket.Normalization.Tests.Text;

public class NoiseMarkerTests
{
    [Theory]
    [InlineData("Remote Registered Nurse - Full Time Nights", "registered nurse", 0)]
    [InlineData("Engineer Level II", "engineer", 2)]
    [InlineData("Contract Specialist", "contract specialist", 0)]
    [InlineData("Specialist Contract", "specialist", 0)]
    [InlineData("Analyst 3 - Grade 5", "analyst", 3)]
    [InlineData("Manager in Training", "manager", 0)]
    public void Mark_NoiseAndLevels_LeaveTheTitleWords(string title, string content, int level)
    {
        var words = CleaningStages.Expanded(title);

        var found = NoiseMarker.Mark(words);

        Assert.Equal(level, found);
        Assert.Equal(content, string.Join(' ', Enumerable.Range(0, words.Count).Where(i => words.Tokens[i].IsContent).Select(i => words.Word(i).ToString())));
    }
}
