using LaborMarket.Files;

namespace LaborMarket.Bls.Geography;

/// <summary>A county as the crosswalks know it.</summary>
/// <param name="Fips">The county FIPS code, when known.</param>
/// <param name="Name">The county (or town) name ("Pinellas County").</param>
/// <param name="State">The state.</param>
/// <param name="Areas">OEWS areas that contain the county, most specific first (metro division, metro, or nonmetro area).</param>
public sealed record CountyAreas(CountyFips? Fips, string Name, UsState State, IReadOnlyList<OewsAreaCode> Areas);
