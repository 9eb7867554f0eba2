using System.IO.Compression;
using System.Text;
using System.Xml;

namespace LaborMarket.Files;

/// <summary>
/// Reads the rows of one worksheet of an .xlsx workbook (a zip of XML parts) with a forward-only XmlReader:
/// shared strings, inline strings, numbers and booleans, cells placed by their column letters. Enough for the
/// official downloads (BLS OEWS workbooks, the NCES CIP-SOC crosswalk, O*NET's Excel files) without a spreadsheet
/// library; formulas' cached values are read, styles ignored. Shared by every package that reads a workbook.
/// </summary>
/// <remarks>
/// A damaged workbook is a <see cref="LaborMarketFormatException"/>, never a skipped file. Limits keep time and
/// memory bounded whatever the input: Excel's own maxima for a cell's text (<see cref="MaxCellLength"/>) and a
/// column reference (<see cref="MaxColumns"/>), <see cref="MaxPartCharacters"/> characters per XML part and
/// <see cref="MaxSharedStringCharacters"/> for all shared strings together (the largest official OEWS workbook,
/// all_data, has a few MB of them). Errors name the file, the sheet, the row and, where known, the cell ("B12").
/// </remarks>
public static class XlsxSheet
{
    /// <summary>The longest cell text Excel stores.</summary>
    public const int MaxCellLength = 32_767;

    /// <summary>The most columns Excel has (A to XFD).</summary>
    public const int MaxColumns = 16_384;

    /// <summary>The most characters of one XML part (a worksheet of the all-data file is well under 1 G).</summary>
    public const long MaxPartCharacters = 2L << 30;

    /// <summary>The most characters of the shared-string part.</summary>
    public const long MaxSharedStringCharacters = 64L << 20;

    private const string Main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";

    /// <summary>True when some sheet's first row passes <paramref name="isWanted"/>.</summary>
    /// <param name="stream">The workbook (left open).</param>
    /// <param name="source">The file name, for messages.</param>
    /// <param name="isWanted">Tells the wanted sheet by its first row.</param>
    /// <exception cref="LaborMarketFormatException">The workbook is damaged or over a limit.</exception>
    public static bool FindSheet(Stream stream, string source, Func<string?[], bool> isWanted) =>
        RowsOrNone(stream, source, null, isWanted, required: false).Any();

    /// <summary>
    /// The rows (1-based row number, cells by column) of the first sheet whose first row passes
    /// <paramref name="isWanted"/>; sheets are tried in workbook order.
    /// </summary>
    /// <param name="stream">The workbook (left open).</param>
    /// <param name="source">The file name, for messages.</param>
    /// <param name="isWanted">Tells the wanted sheet by its first row.</param>
    /// <exception cref="LaborMarketFormatException">The workbook is damaged, over a limit, or no sheet is wanted.</exception>
    public static IEnumerable<(long Row, string?[] Cells)> Rows(Stream stream, string source, Func<string?[], bool> isWanted) =>
        RowsOrNone(stream, source, null, isWanted, required: true);

    /// <summary>The rows (1-based row number, cells by column) of the sheet named <paramref name="sheetName"/>.</summary>
    /// <param name="stream">The workbook (left open).</param>
    /// <param name="source">The file name, for messages.</param>
    /// <param name="sheetName">The sheet's name as Excel shows it on its tab ("CIP-SOC").</param>
    /// <exception cref="LaborMarketFormatException">The workbook is damaged, over a limit, or has no such sheet.</exception>
    public static IEnumerable<(long Row, string?[] Cells)> Rows(Stream stream, string source, string sheetName)
    {
        ArgumentException.ThrowIfNullOrEmpty(sheetName);
        return RowsOrNone(stream, source, sheetName, static _ => true, required: true);
    }

    private static IEnumerable<(long Row, string?[] Cells)> RowsOrNone(Stream stream, string source, string? sheetName, Func<string?[], bool> isWanted, bool required)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(isWanted);
        ZipArchive? zip = null;
        string[] shared;
        List<(string Name, string Path)> sheets;
        try
        {
            zip = new ZipArchive(stream, ZipArchiveMode.Read, leaveOpen: true);
            shared = SharedStrings(zip, source);
            sheets = Sheets(zip);
        }
        catch (Exception ex) when (ex is InvalidDataException or XmlException or IOException)
        {
            zip?.Dispose();
            throw new LaborMarketFormatException(source, 0, null, $"not a readable .xlsx workbook ({ex.Message})", ex);
        }

        using (zip)
        {
            foreach (var (name, path) in sheets)
            {
                if ((sheetName is not null && !string.Equals(name, sheetName, StringComparison.Ordinal)) || zip.GetEntry(path) is not { } entry)
                {
                    continue;
                }

                using var reader = Open(entry, MaxPartCharacters, source);
                using var rows = ReadRows(reader, shared, source + " [" + name + "]").GetEnumerator();
                if (!rows.MoveNext())
                {
                    if (sheetName is not null)
                    {
                        yield break; // the named sheet is empty
                    }

                    continue;
                }

                if (!isWanted(rows.Current.Cells))
                {
                    continue;
                }

                do
                {
                    yield return rows.Current;
                }
                while (rows.MoveNext());

                yield break;
            }
        }

        if (!required)
        {
            yield break;
        }

        throw new LaborMarketFormatException(source, sheetName is null ? 1 : 0, null, sheetName is null
            ? $"no worksheet has the expected header (sheets: {string.Join(", ", sheets.Select(s => s.Name))})"
            : $"no worksheet named '{sheetName}' (sheets: {string.Join(", ", sheets.Select(s => s.Name))})");
    }

    private static IEnumerable<(long Row, string?[] Cells)> ReadRows(XmlReader xml, string[] shared, string source)
    {
        var cells = new List<string?>(40);
        long rowNumber = 0;
        while (Read(xml, source))
        {
            if (xml.NodeType != XmlNodeType.Element || xml.LocalName != "row")
            {
                continue;
            }

            rowNumber = long.TryParse(xml.GetAttribute("r"), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var r) && r > 0 ? r : rowNumber + 1;
            cells.Clear();
            if (xml.IsEmptyElement)
            {
                yield return (rowNumber, []);
                continue;
            }

            var depth = xml.Depth;
            while (Read(xml, source) && !(xml.NodeType == XmlNodeType.EndElement && xml.Depth == depth))
            {
                if (xml.NodeType != XmlNodeType.Element || xml.LocalName != "c")
                {
                    continue;
                }

                var column = ColumnIndex(xml.GetAttribute("r")) ?? cells.Count;
                if (column >= MaxColumns)
                {
                    throw new LaborMarketFormatException(source, rowNumber, xml.GetAttribute("r"), $"the cell reference is beyond column XFD (the last of {MaxColumns:N0})");
                }

                var type = xml.GetAttribute("t");
                var value = CellValue(xml, type, shared, source, rowNumber, xml.GetAttribute("r"));
                while (cells.Count < column)
                {
                    cells.Add(null);
                }

                if (column < cells.Count)
                {
                    cells[column] = value;
                }
                else
                {
                    cells.Add(value);
                }
            }

            yield return (rowNumber, cells.ToArray());
        }
    }

    private static string? CellValue(XmlReader xml, string? type, string[] shared, string source, long row, string? cell)
    {
        if (xml.IsEmptyElement)
        {
            return null;
        }

        var depth = xml.Depth;
        string? v = null;
        StringBuilder? inline = null;
        while (Read(xml, source) && !(xml.NodeType == XmlNodeType.EndElement && xml.Depth == depth))
        {
            if (xml.NodeType == XmlNodeType.Element && xml.LocalName == "v")
            {
                v = Content(xml, source);
                if (xml.NodeType == XmlNodeType.EndElement && xml.Depth == depth)
                {
                    break;
                }
            }
            else if (xml.NodeType == XmlNodeType.Element && xml.LocalName == "t")
            {
                (inline ??= new StringBuilder()).Append(Content(xml, source));
                if (xml.NodeType == XmlNodeType.EndElement && xml.Depth == depth)
                {
                    break;
                }
            }
        }

        if (v?.Length > MaxCellLength || inline?.Length > MaxCellLength)
        {
            throw new LaborMarketFormatException(source, row, cell, $"a cell holds more than {MaxCellLength:N0} characters (Excel's limit)");
        }

        switch (type)
        {
            case "s":
                return int.TryParse(v, out var i) && (uint)i < (uint)shared.Length
                    ? shared[i]
                    : throw new LaborMarketFormatException(source, row, cell, $"shared string index '{v}' is out of range");
            case "inlineStr":
                return inline?.ToString();
            case "b":
                return v == "1" ? "TRUE" : "FALSE";
            default:
                return v ?? inline?.ToString();
        }
    }

    private static int? ColumnIndex(string? reference)
    {
        if (string.IsNullOrEmpty(reference))
        {
            return null;
        }

        var index = 0;
        var letters = 0;
        foreach (var c in reference)
        {
            if (c is >= 'A' and <= 'Z')
            {
                if (++letters > 3)
                {
                    return MaxColumns; // past XFD: refused by the caller
                }

                index = (index * 26) + (c - 'A' + 1);
            }
            else
            {
                break;
            }
        }

        return letters == 0 ? null : index - 1;
    }

    private static string[] SharedStrings(ZipArchive zip, string source)
    {
        if (zip.GetEntry("xl/sharedStrings.xml") is not { } entry)
        {
            return [];
        }

        var strings = new List<string>();
        using var xml = Open(entry, MaxSharedStringCharacters, source);
        var text = new StringBuilder();
        while (xml.Read())
        {
            if (xml.NodeType == XmlNodeType.Element && xml.LocalName == "si")
            {
                text.Clear();
                if (xml.IsEmptyElement)
                {
                    strings.Add("");
                    continue;
                }

                var depth = xml.Depth;
                while (xml.Read() && !(xml.NodeType == XmlNodeType.EndElement && xml.Depth == depth))
                {
                    // Phonetic runs (rPh) are reading aids, not part of the text.
                    if (xml.NodeType == XmlNodeType.Element && xml.LocalName == "rPh")
                    {
                        xml.Skip();
                        if (xml.NodeType == XmlNodeType.EndElement && xml.Depth == depth)
                        {
                            break;
                        }
                    }

                    if (xml.NodeType == XmlNodeType.Element && xml.LocalName == "t")
                    {
                        text.Append(xml.ReadElementContentAsString());
                        if (xml.NodeType == XmlNodeType.EndElement && xml.Depth == depth)
                        {
                            break;
                        }
                    }
                }

                if (text.Length > MaxCellLength)
                {
                    throw new LaborMarketFormatException(source, 0, "xl/sharedStrings.xml", $"shared string {strings.Count} holds more than {MaxCellLength:N0} characters (Excel's limit)");
                }

                strings.Add(text.ToString());
            }
        }

        return strings.ToArray();
    }

    private static List<(string Name, string Path)> Sheets(ZipArchive zip)
    {
        var targets = new Dictionary<string, string>(StringComparer.Ordinal);
        if (zip.GetEntry("xl/_rels/workbook.xml.rels") is { } rels)
        {
            using var xml = Open(rels, MaxSharedStringCharacters, "xl/_rels/workbook.xml.rels");
            while (xml.Read())
            {
                if (xml.NodeType == XmlNodeType.Element && xml.LocalName == "Relationship" && xml.GetAttribute("Id") is { } id && xml.GetAttribute("Target") is { } target)
                {
                    targets[id] = target.StartsWith('/') ? target[1..] : "xl/" + target;
                }
            }
        }

        var sheets = new List<(string, string)>();
        var workbook = zip.GetEntry("xl/workbook.xml") ?? throw new InvalidDataException("the workbook part (xl/workbook.xml) is missing");
        using (var xml = Open(workbook, MaxSharedStringCharacters, "xl/workbook.xml"))
        {
            var index = 0;
            while (xml.Read())
            {
                if (xml.NodeType == XmlNodeType.Element && xml.LocalName == "sheet" && xml.NamespaceURI == Main)
                {
                    index++;
                    var id = xml.GetAttribute("id", "http://schemas.openxmlformats.org/officeDocument/2006/relationships");
                    var path = id is not null && targets.TryGetValue(id, out var t) ? t : $"xl/worksheets/sheet{index}.xml";
                    sheets.Add((xml.GetAttribute("name") ?? $"sheet{index}", path));
                }
            }
        }

        return sheets;
    }

    private static string Content(XmlReader xml, string source)
    {
        try
        {
            return xml.ReadElementContentAsString();
        }
        catch (Exception ex) when (ex is XmlException or InvalidDataException or IOException)
        {
            throw new LaborMarketFormatException(source, 0, null, $"the worksheet XML is damaged or over a limit ({ex.Message})", ex);
        }
    }

    // The XmlReader stops with an XmlException past maxCharacters, before it holds more.
    private static XmlReader Open(ZipArchiveEntry entry, long maxCharacters, string source)
    {
        try
        {
            return XmlReader.Create(entry.Open(), new XmlReaderSettings
            {
                IgnoreWhitespace = false,
                IgnoreComments = true,
                DtdProcessing = DtdProcessing.Prohibit,
                MaxCharactersFromEntities = 1024,
                MaxCharactersInDocument = maxCharacters,
                CloseInput = true,
            });
        }
        catch (Exception ex) when (ex is InvalidDataException or IOException)
        {
            throw new LaborMarketFormatException(source, 0, entry.FullName, $"the workbook part cannot be read ({ex.Message})", ex);
        }
    }

    private static bool Read(XmlReader xml, string source)
    {
        try
        {
            return xml.Read();
        }
        catch (Exception ex) when (ex is XmlException or InvalidDataException or IOException)
        {
            throw new LaborMarketFormatException(source, 0, null, $"the worksheet XML is damaged or over a limit ({ex.Message})", ex);
        }
    }
}
