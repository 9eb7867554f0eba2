namespace LaborMarket.Normalization.Text;

/// <summary>Word lists the cleaning stages, the seniority rules and the index read: a new rule is usually a new word here.</summary>
internal static class TitleVocabulary
{
    /// <summary>Dropped wherever they appear: work arrangement and pay-basis words.</summary>
    public static readonly string[] AlwaysNoise =
    [
        "remote", "hybrid", "onsite", "wfh", "telework", "telecommute", "telecommuting", "fulltime", "parttime", "hourly",
        "salaried", "exempt", "nonexempt", "excld", "excluded", "ft", "req", "requisition", "opening", "openings",
        "vacancy", "hiring", "urgent", "urgently", "immediate", "immediately", "asap", "needed", "wanted", "bonus",
        "relocation", "visa", "sponsorship", "usa", "us", "nationwide", "anywhere", "multiple", "locations", "various",
        "the", "of", "for", "to", "in", "at", "a", "an", "with", "w", "on", "and", "or", "prn", "overnights", "etc",
    ];

    /// <summary>Noise only when they are not the first word ("Contract Specialist", "Day Laborer" keep theirs).</summary>
    public static readonly string[] NoiseUnlessFirst =
    [
        "contract", "contractor", "temporary", "temp", "seasonal", "time", "full", "part", "nights", "night", "days", "day",
        "weekend", "weekends", "evening", "evenings", "shift", "shifts", "overnight", "rotating", "noc", "job", "position",
        "positions", "diem", "per",
    ];

    /// <summary>Two-word noise phrases, dropped wherever they appear (read before abbreviations are expanded).</summary>
    public static readonly (string First, string Second)[] NoisePairs =
    [
        ("full", "time"), ("part", "time"), ("per", "diem"), ("on", "call"), ("sign", "on"), ("work", "from"), ("from", "home"),
        ("am", "shift"), ("pm", "shift"), ("am", "shifts"), ("pm", "shifts"),
    ];

    /// <summary>Level words that follow "level", "grade", "band", "step" or stand alone as a rank.</summary>
    public static readonly string[] LevelMarkers = ["level", "lvl", "grade", "band", "step", "tier", "class", "rank", "range", "group", "grp"];

    /// <summary>Tokens with digits that carry meaning and are kept.</summary>
    public static readonly string[] DigitWords = ["3d", "2d", "911", "311", "k9", "k12", "401k", "b2b", "b2c", "5g", "4g", "c2", "e911", "1099"];

    /// <summary>Roman numerals read as levels, in order: "ii" is level 2.</summary>
    public static readonly string[] RomanNumerals = ["i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x"];

    /// <summary>Single letters that are words ("C", "R" as languages); every other single letter is noise.</summary>
    public static readonly string[] SingleLetterWords = ["c", "r"];

    /// <summary>Head words that name no occupation on their own: a short qualifier after one of them ("Engineer -
    /// Mechanical") completes the title.</summary>
    public static readonly string[] BareHeads =
    [
        "engineer", "teacher", "professor", "instructor", "lecturer", "analyst", "manager", "director", "technician",
        "technologist", "specialist", "coordinator", "representative", "assistant", "associate", "consultant", "supervisor",
        "officer", "clerk", "developer", "designer", "administrator", "scientist", "operator", "mechanic", "inspector", "agent",
        "advisor", "adviser", "worker", "aide", "therapist", "counselor", "planner", "architect", "lead", "programmer",
        "installer", "repairer", "trainer", "educator", "researcher", "helper", "attendant", "executive",
    ];

    /// <summary>Words before "of" that name an employer, not a rank ("Department of Transportation Engineer").</summary>
    public static readonly string[] Organizations =
    [
        "department", "dept", "bureau", "board", "office", "division", "ministry", "university", "college", "school", "institute",
        "city", "county", "state", "commonwealth", "village", "town", "township", "academy", "museum", "bank", "church",
    ];

    /// <summary>Rank words before a head that do not count as a word of the title when an inverted title is read
    /// ("Senior Manager, Marketing" inverts as "Manager, Marketing" does).</summary>
    public static readonly string[] RanksBeforeHead = ["senior", "junior", "interim", "acting"];

    /// <summary>Rank words that count as a word of the title but not toward inverting it ("Assistant Manager" is still
    /// two words for a qualifier to complete).</summary>
    public static readonly string[] AssistingRanks = ["assistant", "associate", "deputy"];

    /// <summary>Head stems of a learner of the work ("Finance Intern").</summary>
    public static readonly string[] LearnerHeads = ["intern", "internship"];

    /// <summary>Head stems of a rank over the work the other words name ("Maintenance Lead").</summary>
    public static readonly string[] RankHeads = ["lead", "leader", "supervisor", "foreman"];

    /// <summary>Head words of someone who supervises workers.</summary>
    public static readonly string[] SupervisorHeads = ["supervisor", "foreman", "forewoman", "boss", "superintendent", "lead", "leader"];

    /// <summary>Stems that name management: a "Management Intern" is a manager in training.</summary>
    public static readonly string[] ManagementStems = ["management", "manager", "managerial"];

    /// <summary>Heads of titles that manage others: an intern's title is not scored as one of these.</summary>
    public static readonly string[] ManagingHeads = ["manager", "director", "supervisor", "superintendent", "foreman", "chief", "president"];
}
