using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using LaborMarket.Http;

namespace LaborMarket.Bls.PublicData;

/// <summary>A time series: its observations oldest first, and what the service said about it.</summary>
/// <param name="SeriesId">The series id, such as "LNS14000000".</param>
/// <param name="Observations">Observations, oldest first.</param>
/// <param name="Messages">The service's messages that name this series ("Series does not exist ..."), if any.</param>
public sealed record BlsSeries(string SeriesId, IReadOnlyList<BlsObservation> Observations, IReadOnlyList<string> Messages);
