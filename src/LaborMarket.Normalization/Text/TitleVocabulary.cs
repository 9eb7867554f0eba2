namespace LaborMarket.Normalization.Text;

/// <summary>Word lists the cleaner and seniority rules share.</summary>
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
}
