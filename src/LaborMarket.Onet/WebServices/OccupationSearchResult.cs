using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text.Json;
using LaborMarket.Http;
using LaborMarket.Onet.Caching;
using Microsoft.Extensions.Caching.Hybrid;

namespace LaborMarket.Onet.WebServices;

/// <summary>A search hit: an occupation matching a keyword.</summary>
/// <param name="Code">The O*NET-SOC code.</param>
/// <param name="Title">The occupation title.</param>
/// <param name="IsBrightOutlook">True for a Bright Outlook occupation.</param>
public sealed record OccupationSearchResult(OnetSocCode Code, string Title, bool IsBrightOutlook);
