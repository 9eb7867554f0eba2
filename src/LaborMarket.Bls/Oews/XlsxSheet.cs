using System.IO.Compression;
using System.Text;
using System.Xml;

namespace LaborMarket.Bls.Oews;

/// <summary>
/// Reads the rows of one worksheet of an .xlsx workbook (a zip of XML parts) with a forward-only XmlReader:
/// shared strings, inline strings, numbers and booleans, cells placed by their column letters. Enough for the
/// official OEWS downloads without a spreadsheet library; formulas' cached values are read, styles ignored.
/// </summary>
internal static class XlsxSheet
{
    private const string Main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";

    /// <summary>
    /// The rows (1-based row number, cells by column) of the first sheet whose first row passes
    /// <paramref name="isWanted"/>; sheets are tried in workbook order.
    /// </summary>
    public static IEnumerable<(long Row, string?[] Cells)> Rows(Stream stream, string source, Func<string?[], bool> isWanted)
    {
        ZipArchive? zip = null;
        string[] shared;
        List<(string Name, string Path)> sheets;
        try
        {
            zip = new ZipArchive(stream, ZipArchiveMode.Read, leaveOpen: true);
            shared = SharedStrings(zip);
            sheets = Sheets(zip);
        }
        catch (Exception ex) when (ex is InvalidDataException or XmlException)
        {
            zip?.Dispose();
            throw new LaborMarketFormatException(source, 0, null, $"not a readable .xlsx workbook ({ex.Message})", ex);
        }

        using (zip)
        {
            foreach (var (name, path) in sheets)
            {
                if (zip.GetEntry(path) is not { } entry)
                {
                    continue;
                }

                using var reader = Open(entry);
                using var rows = ReadRows(reader, shared, source + " [" + name + "]").GetEnumerator();
                if (!rows.MoveNext() || !isWanted(rows.Current.Cells))
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

        throw new LaborMarketFormatException(source, 1, null, $"no worksheet has the expected header (sheets: {string.Join(", ", sheets.Select(s => s.Name))})");
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

            rowNumber = long.TryParse(xml.GetAttribute("r"), out var r) ? r : rowNumber + 1;
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
                var type = xml.GetAttribute("t");
                var value = CellValue(xml, type, shared, source, rowNumber);
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

    private static string? CellValue(XmlReader xml, string? type, string[] shared, string source, long row)
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

        switch (type)
        {
            case "s":
                return int.TryParse(v, out var i) && (uint)i < (uint)shared.Length
                    ? shared[i]
                    : throw new LaborMarketFormatException(source, row, null, $"shared string index '{v}' is out of range");
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
                index = (index * 26) + (c - 'A' + 1);
                letters++;
            }
            else
            {
                break;
            }
        }

        return letters == 0 ? null : index - 1;
    }

    private static string[] SharedStrings(ZipArchive zip)
    {
        if (zip.GetEntry("xl/sharedStrings.xml") is not { } entry)
        {
            return [];
        }

        var strings = new List<string>();
        using var xml = Open(entry);
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
            using var xml = Open(rels);
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
        using (var xml = Open(workbook))
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
        catch (Exception ex) when (ex is XmlException or InvalidDataException)
        {
            throw new LaborMarketFormatException(source, 0, null, $"the worksheet XML is damaged ({ex.Message})", ex);
        }
    }

    private static XmlReader Open(ZipArchiveEntry entry) =>
        XmlReader.Create(entry.Open(), new XmlReaderSettings { IgnoreWhitespace = false, IgnoreComments = true, DtdProcessing = DtdProcessing.Prohibit, CloseInput = true });

    private static bool Read(XmlReader xml, string source)
    {
        try
        {
            return xml.Read();
        }
        catch (Exception ex) when (ex is XmlException or InvalidDataException)
        {
            throw new LaborMarketFormatException(source, 0, null, $"the worksheet XML is damaged ({ex.Message})", ex);
        }
    }
}
