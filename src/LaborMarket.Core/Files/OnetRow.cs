using System.IO.Compression;
using System.Text;

namespace LaborMarket.Files;

/// <summary>A data row of an O*NET text file: its occupation, the requested columns in order, and its line.</summary>
/// <param name="Code">The row's O*NET-SOC code (the first requested column).</param>
/// <param name="Fields">The requested columns, trimmed.</param>
/// <param name="Line">The 1-based line number.</param>
public readonly record struct OnetRow(OnetSocCode Code, IReadOnlyList<string> Fields, long Line);
