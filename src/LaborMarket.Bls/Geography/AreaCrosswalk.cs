using LaborMarket.Files;

namespace LaborMarket.Bls.Geography;

/// <summary>
/// Maps counties and places to OEWS areas: the Census CBSA delineation (county FIPS -> metro) and the OFLC
/// geography file (county or New England town -> metro or nonmetropolitan area).
/// </summary>
public sealed class AreaCrosswalk
{
    private readonly Dictionary<int, CountyAreas> _byFips = [];
    private readonly Dictionary<(string State, string Name), CountyAreas> _byName = [];
    private readonly Dictionary<(UsState State, string City), List<OewsAreaCode>> _cities = [];

    /// <summary>An empty crosswalk (lookups by county or place find nothing).</summary>
    public static AreaCrosswalk Empty { get; } = new();

    /// <summary>Counties known.</summary>
    public int CountyCount => _byName.Count;

    /// <summary>Loads the Census county-to-CBSA file (county_cbsa_2023.csv) and/or the OFLC geography file; either may be null.</summary>
    /// <exception cref="LaborMarketFormatException">A file lacks the expected columns or has a bad code.</exception>
    public static AreaCrosswalk Load(string? countyCbsaCsv, string? oflcGeographyCsv)
    {
        var x = new AreaCrosswalk();
        if (countyCbsaCsv is not null)
        {
            x.LoadCbsa(countyCbsaCsv);
        }

        if (oflcGeographyCsv is not null)
        {
            x.LoadOflc(oflcGeographyCsv);
        }

        return x;
    }

    /// <summary>The areas of a county by FIPS code, or null when no crosswalk lists it.</summary>
    public CountyAreas? Find(CountyFips county) => _byFips.GetValueOrDefault(county.Value);

    /// <summary>
    /// A county (or New England town) by its name and state, as the crosswalks name it: "Pinellas County, FL",
    /// "Pinellas, Florida", "Saint Lucie County, FL"; null when no crosswalk lists it. Unlike <see cref="FindPlace"/>, a
    /// city is not a county.
    /// </summary>
    public CountyAreas? FindCounty(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var comma = name.LastIndexOf(',');
        return comma > 0 && UsState.TryParse(name.AsSpan(comma + 1), out var state)
            ? _byName.GetValueOrDefault((state.Code, Key(name[..comma])))
            : null;
    }

    /// <summary>
    /// Resolves "Pinellas County, FL", "Pinellas, Florida", "Tampa, FL" (a principal city of a metro) or
    /// "Anchorage Borough, AK" to its county or metro areas; null when nothing matches.
    /// </summary>
    public CountyAreas? FindPlace(string place)
    {
        ArgumentNullException.ThrowIfNull(place);
        var comma = place.LastIndexOf(',');
        if (comma <= 0 || !UsState.TryParse(place.AsSpan(comma + 1), out var state))
        {
            return null;
        }

        var name = place[..comma].Trim();
        if (_byName.TryGetValue((state.Code, Key(name)), out var county))
        {
            return county;
        }

        return _cities.TryGetValue((state, Key(name)), out var areas) ? new CountyAreas(null, name, state, areas) : null;
    }

    // "Pinellas County" -> "pinellas"; "St. Lucie" -> "saint lucie"; used for both files so they meet.
    internal static string Key(string name)
    {
        var s = name.Trim().ToLowerInvariant().Replace('.', ' ').Replace('\'', ' ');
        foreach (var suffix in new[] { " county", " parish", " borough", " census area", " municipality", " city and borough", " city" })
        {
            if (s.EndsWith(suffix, StringComparison.Ordinal) && s.Length > suffix.Length)
            {
                s = s[..^suffix.Length];
            }
        }

        s = s.Replace("saint ", "st ", StringComparison.Ordinal);
        return string.Join(' ', s.Split(' ', StringSplitOptions.RemoveEmptyEntries));
    }

    private void Add(CountyFips? fips, string name, UsState state, OewsAreaCode area, bool first)
    {
        var key = (state.Code, Key(name));
        var existing = _byName.GetValueOrDefault(key);
        var areas = existing is null ? [area] : existing.Areas.Contains(area) ? existing.Areas : first ? [area, .. existing.Areas] : [.. existing.Areas, area];
        var merged = new CountyAreas(fips ?? existing?.Fips, existing?.Name ?? name, state, areas);
        _byName[key] = merged;
        if (merged.Fips is { } f)
        {
            _byFips[f.Value] = merged;
        }
    }

    private void LoadCbsa(string path)
    {
        var file = Path.GetFileName(path);
        foreach (var (row, line) in Rows(path, ["county_fips5", "CBSA Code", "Metropolitan Division Code", "CBSA Title", "Metropolitan/Micropolitan Statistical Area", "County/County Equivalent", "State Name"]))
        {
            if (!row[4].StartsWith("Metropolitan", StringComparison.OrdinalIgnoreCase))
            {
                continue; // micropolitan counties lie in OEWS nonmetropolitan areas (OFLC file)
            }

            var fips = CountyFips.TryParse(row[0], out var f) ? f : throw new LaborMarketFormatException(file, line, "county_fips5", $"'{row[0]}' is not a county FIPS code");
            var state = UsState.TryParse(row[6], out var st) ? st : throw new LaborMarketFormatException(file, line, "State Name", $"'{row[6]}' is not a state");
            var cbsa = OewsAreaCode.TryParse(row[1], out var a) ? a : throw new LaborMarketFormatException(file, line, "CBSA Code", $"'{row[1]}' is not a CBSA code");
            Add(fips, row[5], state, cbsa, first: false);
            if (row[2].Length > 0 && OewsAreaCode.TryParse(row[2], out var division))
            {
                Add(fips, row[5], state, division, first: true);
            }

            // Principal city names from the CBSA title ("Tampa-St. Petersburg-Clearwater, FL") for places given as cities.
            var title = row[3];
            var c = title.LastIndexOf(',');
            if (c > 0)
            {
                foreach (var city in title[..c].Split('-', StringSplitOptions.TrimEntries))
                {
                    foreach (var st2 in title[(c + 1)..].Split('-', StringSplitOptions.TrimEntries))
                    {
                        if (UsState.TryParse(st2, out var cs))
                        {
                            var key = (cs, Key(city));
                            if (!_cities.TryGetValue(key, out var list))
                            {
                                _cities[key] = list = [];
                            }

                            if (!list.Contains(cbsa))
                            {
                                list.Add(cbsa);
                            }
                        }
                    }
                }
            }
        }
    }

    private void LoadOflc(string path)
    {
        var file = Path.GetFileName(path);
        foreach (var (row, line) in Rows(path, ["Area", "StateAb", "CountyTownName"]))
        {
            var area = OewsAreaCode.TryParse(row[0], out var a) ? a : throw new LaborMarketFormatException(file, line, "Area", $"'{row[0]}' is not an OEWS area code");
            if (!UsState.TryParse(row[1], out var state))
            {
                throw new LaborMarketFormatException(file, line, "StateAb", $"'{row[1]}' is not a state");
            }

            // The Census delineation (2023) is newer; OFLC's area is kept as a further candidate.
            Add(null, row[2], state, area, first: false);
        }
    }

    // Rows of the named columns. A line of a single field (a footnote under the Census list) is skipped; any other
    // row whose field count differs from the header's is an error.
    private static IEnumerable<(string[] Row, long Line)> Rows(string path, string[] columns)
    {
        using var reader = DelimitedTextReader.OpenFile(path, DelimitedTextOptions.Csv with { AllowRaggedRecords = true });
        var width = reader.ReadHeader().Count;
        var map = columns.Select(reader.Require).ToArray();
        while (reader.Read())
        {
            if (reader.FieldCount != width)
            {
                if (reader.FieldCount == 1)
                {
                    continue;
                }

                throw reader.Error(Math.Min(reader.FieldCount, width), $"the row has {reader.FieldCount} fields; the header has {width}");
            }

            yield return (map.Select(m => reader[m].Trim().ToString()).ToArray(), reader.LineNumber);
        }
    }
}
