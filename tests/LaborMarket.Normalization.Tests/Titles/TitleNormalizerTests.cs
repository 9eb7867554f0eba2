using LaborMarket.Normalization.Seniority;
using LaborMarket.Normalization.Titles;

namespace LaborMarket.Normalization.Tests.Titles;

public class TitleNormalizerTests
{
    [Theory]
    [InlineData("SR. SOFTWARE ENGR II - BACKEND (REMOTE)", "software-engineer", "15-1252")]
    [InlineData("RN - ICU Nights", "registered-nurse", "29-1141")]
    [InlineData("Dir., Talent Acq.", "hr-manager", "11-3121")]
    [InlineData("Nurse Manager", "medical-health-services-manager", "11-9111")]
    [InlineData("CNA - PRN", "nursing-assistant", "31-1131")]
    [InlineData("Req #12345 Java Developer", "software-engineer", "15-1252")]
    [InlineData("Registered Nurse, Med/Surg - Full Time", "registered-nurse", "29-1141")]
    [InlineData("FIREFIGHTER-EMT", "firefighter", "33-2011")]
    [InlineData("ADMINISTRATIVE ASST II", "administrative-assistant", "43-6014")]
    [InlineData("Engineer, Software", "software-engineer", "15-1252")]
    [InlineData("Café Manager", "restaurant-manager", "11-9051")]
    [InlineData("Truck Driver CDL-A $5000 Sign On Bonus", "heavy-truck-driver", "53-3032")]
    public void Normalize_RawTitle_FindsRoleAndSoc(string title, string roleId, string soc)
    {
        var m = TitleNormalizer.Default.Normalize(title);

        Assert.Equal(roleId, m.Role?.Id);
        Assert.Equal(soc, m.SocCode?.ToString());
        Assert.Equal(m.Role!.OnetSoc, m.OnetSocCode);
        Assert.NotEqual(MatchMethod.None, m.MatchedBy);
        Assert.False(string.IsNullOrEmpty(m.MatchedText));
        Assert.InRange(m.Confidence, 0.05, 1);
    }

    [Theory]
    [InlineData("Bindery Supervisor", "51-1011", SeniorityLevel.Manager)]
    [InlineData("Welding Supervisor", "51-1011", SeniorityLevel.Manager)]
    [InlineData("Dietary Supervisor", "35-1012", SeniorityLevel.Manager)]
    [InlineData("Cashier Lead", "41-1011", SeniorityLevel.Lead)]
    [InlineData("Maintenance Lead", "49-1011", SeniorityLevel.Lead)]
    [InlineData("Custodial Lead", "37-1011", SeniorityLevel.Lead)]
    [InlineData("Software Engineering Lead", "15-1252", SeniorityLevel.Lead)] // no supervisor occupation for engineers
    public void Normalize_SupervisorOfWorkers_IsTheFirstLineSupervisorOccupation(string title, string soc, SeniorityLevel seniority)
    {
        var m = TitleNormalizer.Default.Normalize(title);

        Assert.Equal(soc, m.SocCode?.ToString());
        Assert.Equal(seniority, m.Seniority);
    }

    [Theory]
    [InlineData("Manager - Marketing", "11-2021")]
    [InlineData("Representative - Customer Service", "43-4051")]
    [InlineData("Analyst - Finance", "13-2051")]
    [InlineData("Professor - Biology", "25-1042")]
    [InlineData("Engineer (Civil)", "17-2051")]
    [InlineData("Rx Tech", "29-2052")]
    [InlineData("HUC", "43-6013")]
    [InlineData("DSP", "31-1122")]
    [InlineData("DSP Engineer", "17-2072")]
    [InlineData("Key Holder", "41-1011")]
    [InlineData("PT/OT Aide", "31-2022")]
    public void Normalize_QualifierOrAbbreviationNamesTheKind(string title, string soc) =>
        Assert.Equal(soc, TitleNormalizer.Default.Normalize(title).SocCode?.ToString());

    [Theory]
    [InlineData("HR Intern", "13-1071", SeniorityLevel.Intern)]
    [InlineData("Software Engineering Intern", "15-1252", SeniorityLevel.Intern)]
    [InlineData("Accounting Internship", "43-3031", SeniorityLevel.Intern)]
    [InlineData("Management Trainee", "11-1021", SeniorityLevel.Entry)]
    public void Normalize_LearnerOfTheWork_IsCodedToTheWorkNotItsManager(string title, string soc, SeniorityLevel seniority)
    {
        var m = TitleNormalizer.Default.Normalize(title);

        Assert.Equal(soc, m.SocCode?.ToString());
        Assert.Equal(seniority, m.Seniority);
    }

    [Fact]
    public void Normalize_FinanceIntern_IsNotAFinancialManager()
    {
        var m = TitleNormalizer.Default.Normalize("Finance Intern");

        Assert.Equal(13, m.SocCode?.MajorGroupNumber);
        Assert.Equal(SeniorityLevel.Intern, m.Seniority);
    }

    [Fact]
    public void Normalize_Misspelled_CorrectsAndSaysSo()
    {
        var m = TitleNormalizer.Default.Normalize("Sofware Engnier");

        Assert.Equal("software-engineer", m.Role?.Id);
        Assert.Equal(MatchMethod.Fuzzy, m.MatchedBy);
        Assert.True(m.NeedsReview);
    }

    [Theory]
    [InlineData(null, "empty title")]
    [InlineData("   ", "empty title")]
    [InlineData("asdfghjkl", "no known word")]
    [InlineData("#### 12345 !!!", "no words left")]
    public void Normalize_Nonsense_IsUnmatchedWithReason(string? title, string reason)
    {
        var e = TitleNormalizer.Default.Explain(title);
        var m = e.Match;

        Assert.False(m.IsMatch);
        Assert.Null(m.SocCode);
        Assert.Equal(0, m.Confidence);
        Assert.True(m.NeedsReview);
        Assert.Contains(reason, e.UnmatchedReason, StringComparison.Ordinal);
        Assert.StartsWith("unmatched:", e.Summary, StringComparison.Ordinal);
        Assert.Equal(TitleNormalizer.Default.Normalize(title), m);
    }

    [Fact]
    public void Explain_TopK_ReturnsDistinctRolesBestFirst()
    {
        var e = TitleNormalizer.Default.Explain("Marketing Data Engineer Lead", 5);

        Assert.InRange(e.Candidates.Count, 2, 5);
        Assert.Equal(e.Match.Role, e.Candidates[0].Role);
        Assert.Equal(e.Candidates.Count, e.Candidates.Select(c => c.Role.Id).Distinct().Count());
        Assert.True(e.Candidates.Zip(e.Candidates.Skip(1)).All(p => p.First.Score >= p.Second.Score));
    }

    [Fact]
    public void Normalize_SameTitleTwice_ReturnsTheSameResult()
    {
        var a = TitleNormalizer.Default.Normalize("Senior Data Analyst");
        var b = TitleNormalizer.Default.Normalize("Senior Data Analyst");

        Assert.Same(a, b);
    }

    [Fact]
    public void Normalize_CacheSizeZero_KeepsNothingAndDecidesTheSame()
    {
        var uncached = TitleNormalizer.Create(new TitleNormalizerOptions { CacheSize = 0 });

        var a = uncached.Normalize("Senior Data Analyst");
        var b = uncached.Normalize("Senior Data Analyst");

        Assert.NotSame(a, b);
        Assert.Equal(a, b);
        Assert.Equal(TitleNormalizer.Default.Normalize("Senior Data Analyst"), a);
    }

    [Fact]
    public void NormalizeAll_Parallel_MatchesSequentialInOrder()
    {
        var titles = Enumerable.Range(0, 2000).Select(i => (i % 5) switch
        {
            0 => $"Sr Software Engineer {i}",
            1 => "Registered Nurse",
            2 => $"Warehouse Associate {i % 7}",
            3 => $"Account Exec {i % 3}",
            _ => $"xqz{i}",
        }).ToList();
        var fresh = TitleNormalizer.Create();

        var parallel = fresh.NormalizeAll(titles, maxDegreeOfParallelism: 4);
        var sequential = TitleNormalizer.Create().NormalizeAll(titles);

        Assert.Equal(sequential.Select(m => (m.Input, m.Role?.Id, m.Confidence)), parallel.Select(m => (m.Input, m.Role?.Id, m.Confidence)));
    }

    [Fact]
    public void Analyze_Batch_ReportsCoverageAndUnmatchedTerms()
    {
        string?[] titles = ["Registered Nurse", "Zorblax Wrangler", "Senior Zorblax Wrangler", "Zorblax Quuxer", "Electrician", null];

        var report = TitleNormalizer.Default.Analyze(titles);

        Assert.Equal(6, report.Total);
        Assert.Equal(2, report.Matched);
        Assert.Equal(4, report.NeedsReview);
        var top = report.TopUnmatchedWords[0];
        Assert.Equal("zorblax", top.Term);
        Assert.Equal(3, top.Count);
        Assert.Equal(["Zorblax Wrangler", "Senior Zorblax Wrangler", "Zorblax Quuxer"], top.Examples);
        Assert.Equal(new UnmatchedTerm("zorblax wrangler", 2, ["Zorblax Wrangler", "Senior Zorblax Wrangler"]).Term, report.TopUnmatchedBigrams[0].Term);
        Assert.Equal(2, report.TopUnmatchedBigrams[0].Count);
    }

    [Fact]
    public void Explanation_Match_NamesAliasRoleAndSeniority()
    {
        var summary = TitleNormalizer.Default.Explain("Sr. Nurse Practitioner").Summary;

        Assert.Contains("Nurse Practitioner", summary, StringComparison.Ordinal);
        Assert.Contains("29-1171.00", summary, StringComparison.Ordinal);
        Assert.Contains("seniority senior from 'senior'", summary, StringComparison.Ordinal);
    }

    [Fact]
    public void Explain_OnOtherThreadsOrAnotherNormalizer_GivesTheDecisionAndTheSameAccount()
    {
        var titles = new[] { "SR. SOFTWARE ENGR II - BACKEND (REMOTE)", "Nurse Manager", "Sofware Enginer", "qwzx blorp", "", "Engineer III", "Dir., Talent Acq." };
        var normalizer = TitleNormalizer.Create();
        var first = new TitleExplanation[titles.Length];
        Parallel.For(0, titles.Length, i => first[i] = normalizer.Explain(titles[i], topK: 3));
        var again = titles.Select(t => TitleNormalizer.Create().Explain(t, topK: 3)).ToArray();
        var onThreads = new (string, string?, string, string?)[titles.Length];
        Parallel.For(0, titles.Length, i => onThreads[i] = (first[i].CleanedTitle, first[i].SeniorityEvidence, string.Join("|", first[i].Candidates.Select(c => c.Role.Id)), first[i].UnmatchedReason));

        for (var i = 0; i < titles.Length; i++)
        {
            var (cleaned, evidence, candidates, reason) = onThreads[i];
            Assert.Equal(again[i].CleanedTitle, cleaned);
            Assert.Equal(again[i].SeniorityEvidence, evidence);
            Assert.Equal(string.Join("|", again[i].Candidates.Select(c => c.Role.Id)), candidates);
            Assert.Equal(again[i].UnmatchedReason, reason);
            Assert.Equal(again[i], first[i]);
            Assert.Equal(normalizer.Normalize(titles[i]), first[i].Match);
            if (first[i].Match.IsMatch)
            {
                Assert.Null(reason);
                Assert.Equal(first[i].Match.Role, first[i].Candidates[0].Role);
                Assert.NotEmpty(cleaned);
            }
            else
            {
                Assert.NotNull(reason);
            }
        }

        Assert.Equal("III", first[5].SeniorityEvidence);
        Assert.Equal("software engineer backend", first[0].CleanedTitle);
        Assert.True(first[0].Candidates.Count <= 3);
    }

    [Theory]
    [InlineData("Vice President of Sales", "11-2022", "sales director")]
    [InlineData("VP, Human Resources", "11-3121", "human resources director")]
    [InlineData("Vice President", "11-1021", "director")]
    [InlineData("Senior Vice President, Operations", "11-1021", "operations director")]
    public void Normalize_VicePresidentOfAFunction_IsThatFunctionsManager(string title, string soc, string cleaned)
    {
        var e = TitleNormalizer.Default.Explain(title);

        Assert.Equal(soc, e.Match.SocCode?.ToString());
        Assert.Equal(SeniorityLevel.VicePresident, e.Match.Seniority);
        Assert.Equal("vice", e.SeniorityEvidence);
        Assert.Equal(cleaned, e.CleanedTitle);
    }

    [Fact]
    public void Normalize_MajorGroupVoteOverridesTheBestRole_StillAMatchAndChosenFirst()
    {
        // The best single role here is a generic specialist (business operations), but the roles behind it are in
        // arts and media (SOC 27): the vote picks that group's best role, even though its own score is lower.
        var e = TitleNormalizer.Default.Explain("Television Production Specialist", 3);
        var m = e.Match;

        Assert.True(m.IsMatch, e.Summary);
        Assert.Equal(27, m.SocCode!.Value.MajorGroupNumber);
        Assert.Equal(m.Role, e.Candidates[0].Role);
        Assert.Contains(e.Candidates.Skip(1), c => c.Score > e.Candidates[0].Score);
        Assert.True(m.NeedsReview);
    }

    [Theory]
    // The rank before "of" or "for" holds the head; the field is read first (an employer's name is not a rank).
    [InlineData("Director of Engineering", "engineering director")]
    [InlineData("Manager of Sales Operations", "sales operations manager")]
    [InlineData("Chief of Police", "police chief")]
    [InlineData("Teacher for the Deaf", "deaf teacher")]
    [InlineData("Director of Nursing - Night Shift", "nursing director")]
    [InlineData("Director", "director")]
    [InlineData("Senior Manager, Product Marketing", "product marketing manager")]
    [InlineData("Assistant Manager, Store", "store assistant manager")]
    [InlineData("Department of Transportation Engineer", "department transportation engineer")]
    [InlineData("University of Chicago Research Assistant", "university chicago research assistant")]
    // Abbreviations by their place in the title.
    [InlineData("Bus Driver", "bus driver")]
    [InlineData("School Bus Aide", "school bus aide")]
    [InlineData("Econ Dev Manager", "economic development manager")]
    [InlineData("Sr. Econ", "economist")]
    [InlineData("Software Dev", "software developer")]
    // A place after the title, a time of day and "in Training" are not the title; a state code alone stays.
    [InlineData("Registered Nurse - San Diego, CA", "registered nurse")]
    [InlineData("Registered Nurse (San Diego, CA)", "registered nurse")]
    [InlineData("Account Manager - Little Rock, AR 72201", "account manager")]
    [InlineData("Data Scientist - New York, NY", "data scientist")]
    [InlineData("Software Engineer - Austin Texas", "software engineer")]
    [InlineData("Sales Representative - Georgia", "sales representative")]
    [InlineData("Nurse Tampa, FL 33602", "nurse tampa")]
    [InlineData("Cashier AM Shift", "cashier")]
    [InlineData("Store Manager in Training", "store manager")]
    [InlineData("Physician Assistant - PA", "physician assistant pa")]
    [InlineData("Radiology Tech - CT", "radiology technician ct")]
    [InlineData("Virginia Tech Professor", "virginia technical professor")]
    // A bare head word says what kind in the qualifier after it; a specific title keeps its qualifier apart.
    [InlineData("Engineer - Mechanical", "mechanical engineer")]
    [InlineData("Teacher (Math)", "math teacher")]
    [InlineData("Manager - Store 1234", "store manager")]
    [InlineData("Engineer (Software) - Remote", "software engineer")]
    [InlineData("Sr. Engineer - Mechanical", "mechanical engineer")]
    [InlineData("Nurse - ICU", "nurse icu")]
    [InlineData("Engineer - Research and Development Center Operations Group", "engineer research development center operations group")]
    // Initials joined by & or / are one abbreviation.
    [InlineData("R&D Engineer", "research development engineer")]
    [InlineData("A/P Clerk", "accounts payable clerk")]
    [InlineData("F&B Manager", "food beverage manager")]
    [InlineData("Sales Rep w/ CDL", "sales representative commercial driver")]
    public void Normalize_Title_CleanedWordsAreTheTitles(string title, string cleaned) =>
        Assert.Equal(cleaned, TitleNormalizer.Default.Explain(title).CleanedTitle);

    [Fact]
    public void Normalize_UnknownWordNearAKnownOne_CountsLessThanTheWordsItKnows()
    {
        // "shelter" is one letter from "shelver" (a library job); the title's known words are about animals.
        var m = TitleNormalizer.Default.Normalize("Animal Shelter Manager");

        Assert.Contains("animal", m.Role!.Name, StringComparison.OrdinalIgnoreCase);
        Assert.True(m.NeedsReview);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(5)]
    [InlineData(10)]
    [InlineData(50)]
    public void Explain_AnyTopK_ExplainsTheDecisionNormalizeMade(int topK)
    {
        string[] titles =
        [
            "Television Production Specialist", "Marketing Data Engineer Lead", "Bindery Supervisor", "RN - ICU Nights", "Sofware Enginer",
            "Dir., Talent Acq.", "qwzx blorp", "Senior Vice President, Operations", "Finance Intern", "Production Specialist", "Lead Analyst",
        ];

        foreach (var title in titles)
        {
            var explained = TitleNormalizer.Default.Explain(title, topK);

            Assert.Equal(TitleNormalizer.Default.Normalize(title), explained.Match);
            Assert.InRange(explained.Candidates.Count, 0, topK);
        }
    }
}
