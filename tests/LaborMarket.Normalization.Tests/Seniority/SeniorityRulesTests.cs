using LaborMarket.Normalization.Seniority;
using LaborMarket.Normalization.Titles;

namespace LaborMarket.Normalization.Tests.Seniority;

public class SeniorityRulesTests
{
    [Theory]
    [InlineData("Software Engineering Intern", SeniorityLevel.Intern)]
    [InlineData("Junior Accountant", SeniorityLevel.Entry)]
    [InlineData("Accountant I", SeniorityLevel.Entry)]
    [InlineData("Apprentice Electrician", SeniorityLevel.Entry)]
    [InlineData("Associate Consultant", SeniorityLevel.Entry)]
    [InlineData("Accountant", SeniorityLevel.Mid)]
    [InlineData("Accountant II", SeniorityLevel.Mid)]
    [InlineData("SR. SOFTWARE ENGR II - BACKEND (REMOTE)", SeniorityLevel.Senior)]
    [InlineData("Engineer III", SeniorityLevel.Senior)]
    [InlineData("Lead Accountant", SeniorityLevel.Lead)]
    [InlineData("Staff Software Engineer", SeniorityLevel.Lead)]
    [InlineData("Principal Engineer", SeniorityLevel.Principal)]
    [InlineData("Nurse Manager", SeniorityLevel.Manager)]
    [InlineData("Sr. Mgr, Product Mktg", SeniorityLevel.Manager)]
    [InlineData("Dir., Talent Acq.", SeniorityLevel.Director)]
    [InlineData("Head of Sales", SeniorityLevel.Director)]
    [InlineData("SVP, Operations", SeniorityLevel.VicePresident)]
    [InlineData("Chief Executive Officer", SeniorityLevel.Executive)]
    [InlineData("Executive Director", SeniorityLevel.Executive)]
    [InlineData("Technician in Training", SeniorityLevel.Entry)]
    [InlineData("Teacher - Math (Grades 6-8)", SeniorityLevel.Mid)]
    [InlineData("Accountant - Level 3", SeniorityLevel.Senior)]
    public void Normalize_Title_ReadsSeniority(string title, SeniorityLevel expected) =>
        Assert.Equal(expected, TitleNormalizer.Default.Normalize(title).Seniority);

    [Theory]
    [InlineData("Asst. Dir. of Nursing", SeniorityLevel.Director, "medical-health-services-manager")]
    [InlineData("Senior Care Aide", SeniorityLevel.Mid, "personal-care-aide")]
    [InlineData("Associate Director of Finance", SeniorityLevel.Director, "financial-manager")]
    [InlineData("Associate Professor", SeniorityLevel.Mid, "postsecondary-teacher-other")]
    [InlineData("Staff Nurse", SeniorityLevel.Mid, "registered-nurse")]
    [InlineData("Executive Assistant", SeniorityLevel.Mid, "executive-assistant")]
    [InlineData("Account Executive", SeniorityLevel.Mid, "sales-representative-services")]
    [InlineData("Funeral Director", SeniorityLevel.Mid, "mortician")]
    [InlineData("Assistant Principal", SeniorityLevel.Mid, "school-principal")]
    [InlineData("Junior High Teacher", SeniorityLevel.Mid, "middle-school-teacher")]
    public void Normalize_HardCase_KeepsRoleWordsAndRank(string title, SeniorityLevel level, string roleId)
    {
        var m = TitleNormalizer.Default.Normalize(title);

        Assert.Equal(level, m.Seniority);
        Assert.Equal(roleId, m.Role?.Id);
    }

    [Fact]
    public void Normalize_NoSeniorityWords_SaysDefault()
    {
        var e = TitleNormalizer.Default.Explain("Plumber");

        Assert.Null(e.SeniorityEvidence);
        Assert.Contains("(default)", e.Summary, StringComparison.Ordinal);
    }
}
