using System.Collections.Frozen;
using System.Diagnostics.CodeAnalysis;

namespace LaborMarket;

/// <summary>
/// A US state, the District of Columbia or a territory, with its USPS code, name and FIPS code.
/// Parses USPS codes ("FL"), names in any case ("CALIFORNIA", "new york") and AP abbreviations ("Calif.", "Fla.").
/// </summary>
public readonly record struct UsState : ISpanParsable<UsState>
{
    private static readonly (string Code, string Name, int Fips, string Ap)[] Table =
    [
        ("AL", "Alabama", 1, "Ala."), ("AK", "Alaska", 2, "Alaska"), ("AZ", "Arizona", 4, "Ariz."),
        ("AR", "Arkansas", 5, "Ark."), ("CA", "California", 6, "Calif."), ("CO", "Colorado", 8, "Colo."),
        ("CT", "Connecticut", 9, "Conn."), ("DE", "Delaware", 10, "Del."), ("DC", "District of Columbia", 11, "D.C."),
        ("FL", "Florida", 12, "Fla."), ("GA", "Georgia", 13, "Ga."), ("HI", "Hawaii", 15, "Hawaii"),
        ("ID", "Idaho", 16, "Idaho"), ("IL", "Illinois", 17, "Ill."), ("IN", "Indiana", 18, "Ind."),
        ("IA", "Iowa", 19, "Iowa"), ("KS", "Kansas", 20, "Kan."), ("KY", "Kentucky", 21, "Ky."),
        ("LA", "Louisiana", 22, "La."), ("ME", "Maine", 23, "Maine"), ("MD", "Maryland", 24, "Md."),
        ("MA", "Massachusetts", 25, "Mass."), ("MI", "Michigan", 26, "Mich."), ("MN", "Minnesota", 27, "Minn."),
        ("MS", "Mississippi", 28, "Miss."), ("MO", "Missouri", 29, "Mo."), ("MT", "Montana", 30, "Mont."),
        ("NE", "Nebraska", 31, "Neb."), ("NV", "Nevada", 32, "Nev."), ("NH", "New Hampshire", 33, "N.H."),
        ("NJ", "New Jersey", 34, "N.J."), ("NM", "New Mexico", 35, "N.M."), ("NY", "New York", 36, "N.Y."),
        ("NC", "North Carolina", 37, "N.C."), ("ND", "North Dakota", 38, "N.D."), ("OH", "Ohio", 39, "Ohio"),
        ("OK", "Oklahoma", 40, "Okla."), ("OR", "Oregon", 41, "Ore."), ("PA", "Pennsylvania", 42, "Pa."),
        ("RI", "Rhode Island", 44, "R.I."), ("SC", "South Carolina", 45, "S.C."), ("SD", "South Dakota", 46, "S.D."),
        ("TN", "Tennessee", 47, "Tenn."), ("TX", "Texas", 48, "Texas"), ("UT", "Utah", 49, "Utah"),
        ("VT", "Vermont", 50, "Vt."), ("VA", "Virginia", 51, "Va."), ("WA", "Washington", 53, "Wash."),
        ("WV", "West Virginia", 54, "W.Va."), ("WI", "Wisconsin", 55, "Wis."), ("WY", "Wyoming", 56, "Wyo."),
        ("AS", "American Samoa", 60, "A.S."), ("GU", "Guam", 66, "Guam"), ("MP", "Northern Mariana Islands", 69, "N.M.I."),
        ("PR", "Puerto Rico", 72, "P.R."), ("VI", "U.S. Virgin Islands", 78, "V.I."),
    ];

    // Every spelling folded to upper-case letters only ("N.Y." -> "NY", "Calif." -> "CALIF", "New York" -> "NEWYORK").
    private static readonly FrozenDictionary<string, byte> Lookup = BuildLookup().ToFrozenDictionary(StringComparer.Ordinal);
#if NET9_0_OR_GREATER
    private static readonly FrozenDictionary<string, byte>.AlternateLookup<ReadOnlySpan<char>> SpanKeys =
        Lookup.GetAlternateLookup<ReadOnlySpan<char>>();
#endif

    private static readonly FrozenDictionary<int, byte> ByFips = Enumerable.Range(0, Table.Length)
        .ToFrozenDictionary(i => Table[i].Fips, i => (byte)(i + 1));

    private readonly byte _index; // 1-based so that default(UsState) is recognisably empty

    private UsState(byte index) => _index = index;

    /// <summary>Every state, DC and territory, in FIPS order.</summary>
    public static IReadOnlyList<UsState> All { get; } = Enumerable.Range(1, Table.Length).Select(i => new UsState((byte)i)).ToArray();

    /// <summary>The two-letter USPS code ("FL").</summary>
    public string Code => Entry.Code;

    /// <summary>The name ("Florida").</summary>
    public string Name => Entry.Name;

    /// <summary>The two-digit FIPS state code (12 for Florida).</summary>
    public int Fips => Entry.Fips;

    /// <summary>The AP style abbreviation ("Fla.").</summary>
    public string ApAbbreviation => Entry.Ap;

    /// <summary>True for the 50 states and DC; false for territories.</summary>
    public bool IsStateOrDc => Entry.Fips <= 56;

    private (string Code, string Name, int Fips, string Ap) Entry =>
        _index == 0 ? throw new InvalidOperationException("This UsState is empty (default).") : Table[_index - 1];

    /// <summary>The state with a FIPS code.</summary>
    public static bool TryFromFips(int fips, out UsState state)
    {
        state = ByFips.TryGetValue(fips, out var i) ? new UsState(i) : default;
        return state._index != 0;
    }

    /// <inheritdoc/>
    public override string ToString() => _index == 0 ? "" : Code;

    /// <summary>Parses a code, name or AP abbreviation.</summary>
    /// <exception cref="FormatException">The text names no state.</exception>
    public static UsState Parse(string s) => Parse(s, null);

    /// <inheritdoc/>
    public static UsState Parse(string s, IFormatProvider? provider)
    {
        ArgumentNullException.ThrowIfNull(s);
        return Parse(s.AsSpan(), provider);
    }

    /// <inheritdoc/>
    public static UsState Parse(ReadOnlySpan<char> s, IFormatProvider? provider) =>
        TryParse(s, provider, out var state) ? state : throw new FormatException($"'{s.ToString()}' is not a US state.");

    /// <summary>Tries to parse a code, name or AP abbreviation; never throws.</summary>
    public static bool TryParse([NotNullWhen(true)] string? s, out UsState result) => TryParse(s.AsSpan(), null, out result);

    /// <summary>Tries to parse a code, name or AP abbreviation; never throws.</summary>
    public static bool TryParse(ReadOnlySpan<char> s, out UsState result) => TryParse(s, null, out result);

    /// <inheritdoc/>
    public static bool TryParse([NotNullWhen(true)] string? s, IFormatProvider? provider, out UsState result) =>
        TryParse(s.AsSpan(), provider, out result);

    /// <inheritdoc/>
    public static bool TryParse(ReadOnlySpan<char> s, IFormatProvider? provider, out UsState result)
    {
        result = default;
        s = s.Trim();
        if (s.IsEmpty || s.Length > 40)
        {
            return false;
        }

        Span<char> key = stackalloc char[s.Length];
        var n = Fold(s, key);
        if (n == 0 || !Find(key[..n], out var index))
        {
            return false;
        }

        result = new UsState(index);
        return true;
    }

    private static bool Find(ReadOnlySpan<char> key, out byte index)
    {
#if NET9_0_OR_GREATER
        return SpanKeys.TryGetValue(key, out index);
#else
        return Lookup.TryGetValue(key.ToString(), out index);
#endif
    }

    private static int Fold(ReadOnlySpan<char> s, Span<char> key)
    {
        var n = 0;
        foreach (var c in s)
        {
            if (char.IsAsciiLetter(c))
            {
                key[n++] = char.ToUpperInvariant(c);
            }
            else if (!(c is '.' or ' ' or '-' or '\''))
            {
                return 0;
            }
        }

        return n;
    }

    private static Dictionary<string, byte> BuildLookup()
    {
        var map = new Dictionary<string, byte>(StringComparer.Ordinal);
        void Add(string spelling, int index)
        {
            Span<char> key = stackalloc char[spelling.Length];
            var n = Fold(spelling, key);
            map.TryAdd(new string(key[..n]), (byte)(index + 1));
        }

        for (var i = 0; i < Table.Length; i++)
        {
            Add(Table[i].Code, i);
            Add(Table[i].Name, i);
            Add(Table[i].Ap, i);
        }

        // Common variants beyond AP style.
        (string, string)[] extra =
        [
            ("Washington DC", "DC"), ("Washington D.C.", "DC"), ("Dist. of Columbia", "DC"), ("Calif", "CA"),
            ("Penn.", "PA"), ("Penna.", "PA"), ("Tex.", "TX"), ("Mass", "MA"), ("Wisc.", "WI"), ("Oreg.", "OR"),
            ("Nebr.", "NE"), ("Ariz", "AZ"), ("Fla", "FL"), ("Virgin Islands", "VI"), ("US Virgin Islands", "VI"),
            ("Commonwealth of Puerto Rico", "PR"), ("Northern Mariana Is.", "MP"),
        ];
        foreach (var (spelling, code) in extra)
        {
            Add(spelling, Array.FindIndex(Table, t => t.Code == code));
        }

        return map;
    }
}
