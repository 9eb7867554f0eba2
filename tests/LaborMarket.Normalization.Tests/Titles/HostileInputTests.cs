using System.Text;
using LaborMarket.Normalization.Text;
using LaborMarket.Normalization.Titles;

namespace LaborMarket.Normalization.Tests.Titles;

/// <summary>No input makes the normalizer throw, and the work per title is bounded by its first 256 characters.</summary>
public class HostileInputTests
{
    [Fact]
    public void Normalize_100000HostileStrings_NeverThrows()
    {
        var normalizer = TitleNormalizer.Create();
        var random = new Random(20261120);
        var fragments = new[]
        {
            "", " ", "\t\r\n", "\0", "\u0001\u0002\u001f", "\u202e\u05e9\u05dc\u05d5\u05dd", "مدير مبيعات", "👩‍💻 Engineer 🚀",
            "\ud800", "\udc00x", "x\ud800\ud800", "!!!", "...---...", "'; DROP TABLE roles; --", "<script>alert(1)</script>",
            "<b>Nurse</b>", "Robert'); --", "%s%s%n", "{{title}}", "\\\\server\\share", "(((((((", ")))))", "- - - -", "| | |",
            "Ⅲ", "ＳＥＮＩＯＲ　ＥＮＧＩＮＥＥＲ", "e\u0301", "ﬁnance", "IIIIIIIIII", "Sr Sr Sr Sr", "a/b/c/d", "C++ C# F#", "١٢٣",
        };

        for (var i = 0; i < 100_000; i++)
        {
            var sb = new StringBuilder();
            var parts = random.Next(1, 6);
            for (var p = 0; p < parts; p++)
            {
                sb.Append(fragments[random.Next(fragments.Length)]);
                if (random.Next(3) == 0)
                {
                    sb.Append((char)random.Next(0, 0xFFFF));
                }
            }

            var e = normalizer.Explain(sb.ToString());
            Assert.NotNull(e.Summary);
            Assert.Equal(normalizer.Normalize(sb.ToString()), e.Match);
        }
    }

    [Fact]
    public void Normalize_OneMegabyteTitle_ReadsOnlyTheFirst256Characters()
    {
        var head = "Senior Registered Nurse ";
        var huge = head + new string('x', 1 << 20);

        var m = TitleNormalizer.Create().Explain(huge);
        var prefix = TitleNormalizer.Create().Explain(huge[..TitleCleaner.MaxInputLength]);

        Assert.Equal("registered-nurse", m.Match.Role?.Id);
        Assert.Equal(prefix.CleanedTitle, m.CleanedTitle);
        Assert.Equal(prefix.Match.Role, m.Match.Role);
    }

    [Fact]
    public void Normalize_FullWidthAndAccents_FoldToAscii()
    {
        var m = TitleNormalizer.Default.Normalize("ＳＥＮＩＯＲ　ＥＮＧＩＮＥＥＲ, Ｓｏｆｔｗａｒｅ");

        Assert.Equal("software-engineer", m.Role?.Id);
        Assert.Equal("restaurant-manager", TitleNormalizer.Default.Normalize("Café Manager").Role?.Id);
    }
}
