using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text.Json;
using LaborMarket.Http;
using LaborMarket.Onet.Caching;
using Microsoft.Extensions.Caching.Hybrid;

namespace LaborMarket.Onet.WebServices;

/// <summary>An occupation's overview: title, description and Bright Outlook tag.</summary>
/// <param name="Code">The O*NET-SOC code.</param>
/// <param name="Title">The title.</param>
/// <param name="Description">The description.</param>
/// <param name="IsBrightOutlook">True for a Bright Outlook occupation.</param>
/// <param name="SampleTitles">Sample reported job titles, when the service sends them.</param>
public sealed record OccupationOverview(OnetSocCode Code, string Title, string Description, bool IsBrightOutlook, IReadOnlyList<string> SampleTitles);
