namespace LaborMarket;

/// <summary>
/// A data file (catalog, O*NET text file, OEWS file) could not be read. Says which file, line and
/// field, so the user can fix the input.
/// </summary>
public class LaborMarketFormatException : FormatException
{
    /// <summary>Creates the exception.</summary>
    public LaborMarketFormatException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public LaborMarketFormatException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and the error that caused it.</summary>
    public LaborMarketFormatException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception for a place in a file.</summary>
    /// <param name="fileName">The file (or resource) name.</param>
    /// <param name="lineNumber">The 1-based line (or row) number, 0 when unknown.</param>
    /// <param name="field">The column or field name, or null.</param>
    /// <param name="message">What is wrong.</param>
    /// <param name="innerException">The underlying error, if any.</param>
    public LaborMarketFormatException(string fileName, long lineNumber, string? field, string message, Exception? innerException = null)
        : base(Describe(fileName, lineNumber, field, message), innerException)
    {
        FileName = fileName;
        LineNumber = lineNumber;
        Field = field;
        Reason = message;
    }

    /// <summary>The file or resource that failed to parse.</summary>
    public string? FileName { get; }

    /// <summary>The 1-based line or row number, 0 when unknown.</summary>
    public long LineNumber { get; }

    /// <summary>The column or field, when known.</summary>
    public string? Field { get; }

    /// <summary>What is wrong, without the location.</summary>
    public string? Reason { get; }

    private static string Describe(string fileName, long lineNumber, string? field, string message)
    {
        var where = lineNumber > 0 ? $"{fileName}:{lineNumber}" : fileName;
        return field is null ? $"{where}: {message}" : $"{where}: field '{field}': {message}";
    }
}
