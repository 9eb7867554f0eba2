using System.Text.Json.Serialization;
using LaborMarket.Json;

namespace LaborMarket.Bls.Fallback;

/// <summary>What became of a wage question: told apart so a caller can answer "not published" and "you asked wrong" differently.</summary>
[JsonConverter(typeof(SnakeCaseEnumJsonConverter<WageOutcome>))]
public enum WageOutcome : byte
{
    /// <summary>An annual median was found somewhere in the fallback chain.</summary>
    Found,

    /// <summary>The occupation is real, but no area of the chain publishes an annual median for it (nor its parent groups).</summary>
    NotPublished,

    /// <summary>The requested survey year is in none of the data's files (<see cref="Oews.WageIndex.Years"/> lists those that are).</summary>
    YearNotInData,

    /// <summary>
    /// The code is not a SOC 2018 occupation or group (after a SOC 2010 code is mapped to SOC 2018), and no OEWS file holds
    /// it: nothing was looked up.
    /// </summary>
    NotAnOccupation,
}
