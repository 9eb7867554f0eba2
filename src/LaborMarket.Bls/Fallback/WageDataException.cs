namespace LaborMarket.Bls.Fallback;

/// <summary>
/// The wage data cannot be used as a whole: the folder holds no OEWS file, or a file could not be opened. Names the
/// folder or file. (A bad row in a file that was read is a <see cref="LaborMarketFormatException"/> instead.)
/// </summary>
public sealed class WageDataException : IOException
{
    /// <summary>Creates the exception.</summary>
    public WageDataException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    /// <param name="message">What is wrong.</param>
    public WageDataException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and its cause.</summary>
    /// <param name="message">What is wrong.</param>
    /// <param name="innerException">The cause.</param>
    public WageDataException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception for a folder or file.</summary>
    /// <param name="path">The folder or file.</param>
    /// <param name="message">What is wrong.</param>
    /// <param name="innerException">The cause, if any.</param>
    public WageDataException(string path, string message, Exception? innerException)
        : base(message, innerException)
    {
        Path = path;
    }

    /// <summary>The folder or file the problem is in, when one is.</summary>
    public string? Path { get; }
}
