using LaborMarket.Files;

namespace LaborMarket.Testing;

/// <summary>CSV lines of test inputs split by the product's own delimited-text reader.</summary>
public static class Csv
{
    /// <summary>Splits one CSV line into fields (quoted fields may hold commas and doubled quotes).</summary>
    public static string[] Split(string line)
    {
        using var reader = new DelimitedTextReader(new StringReader(line), "line", DelimitedTextOptions.Csv with { HasHeader = false, SkipBlankLines = false });
        if (!reader.Read())
        {
            return [""];
        }

        return Enumerable.Range(0, reader.FieldCount).Select(reader.GetString).ToArray();
    }
}
