using LaborMarket.Bls.Fallback;
using LaborMarket.Inference.Models;
using LaborMarket.Normalization.Titles;
using LaborMarket.Onet;

namespace LaborMarket.Cli.Profiles;

/// <summary>What <c>labormarket profile --format json</c> prints: the libraries' results side by side.</summary>
/// <param name="Title">The title as given.</param>
/// <param name="Match">The title's match.</param>
/// <param name="Occupation">The O*NET profile of the match, when a database or the web service is at hand.</param>
/// <param name="Wages">The OEWS figures for the match in the place, with their steps.</param>
/// <param name="Estimate">The salary model's estimate, when a model was named.</param>
internal sealed record ProfileReport(string Title, TitleMatch Match, OccupationProfile? Occupation, WageAnswer Wages, SalaryEstimate? Estimate);
