// Usage: dotnet run --project samples/LaborMarket.QuickStart -- DATA_DIR MODEL_TXT
using LaborMarket.Bls.Fallback;
using LaborMarket.Inference.Trees;
using LaborMarket.Normalization.Titles;
using Microsoft.Extensions.DependencyInjection;

using var provider = new ServiceCollection()
    .AddLaborMarketNormalization()                                // embedded role catalog
    .AddLaborMarketBls(o => o.DataDirectory = args[0])            // OEWS files and crosswalks
    .AddSingleton(LightGbmModel.Load(args[1]))                    // a LightGBM-format model
    .BuildServiceProvider();

// 1. A raw title -> role, seniority, SOC code.
var match = provider.GetRequiredService<TitleNormalizer>().Normalize("SR. SOFTWARE ENGR II - BACKEND (REMOTE)");
Console.WriteLine($"{match.Role?.Name} | {match.Seniority} | SOC {match.SocCode} | confidence {match.Confidence:0.00}");

// 2. What OEWS says it pays in a county, falling back to metro, state or nation and saying why.
if (match.SocCode is { } soc)
{
    var wages = provider.GetRequiredService<WageLookup>().Explain(soc, WageLocation.ForPlace("Pinellas County, FL"));
    Console.WriteLine($"{wages.AreaTitle}: annual median {wages.AnnualMedian:N0}");
    foreach (var step in wages.Steps)
    {
        Console.WriteLine($"  - {step}");
    }
}

// 3. A prediction from the model, features in the model's order.
var model = provider.GetRequiredService<LightGbmModel>();
Console.WriteLine($"model {string.Join(",", model.FeatureNames)} -> {model.Predict([12, 3, 1.05, 2.4, 1, 0]):N0}");
