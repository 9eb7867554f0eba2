using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using LaborMarket.Http;

namespace LaborMarket.Bls.PublicData;

/// <summary>One observation of a time series.</summary>
/// <param name="Year">The year.</param>
/// <param name="Period">The period code: M01-M12 (months), M13 (annual average), Q01-Q05, A01, S01-S03.</param>
/// <param name="PeriodName">The period's name ("January", "Annual").</param>
/// <param name="Value">The value, or null where BLS shows a dash (not available).</param>
/// <param name="IsLatest">True for the latest observation.</param>
/// <param name="Footnotes">Footnote texts ("preliminary").</param>
public sealed record BlsObservation(int Year, string Period, string PeriodName, double? Value, bool IsLatest, IReadOnlyList<string> Footnotes);
