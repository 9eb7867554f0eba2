using LaborMarket.Bls.Oews;

namespace LaborMarket.Bls.Fallback;

/// <summary>One figure of an answer and exactly where it came from.</summary>
/// <param name="Value">The figure (with its marker: a top-coded value is a lower bound).</param>
/// <param name="Area">The area whose estimate was used.</param>
/// <param name="Soc">The occupation code whose estimate was used (a parent group after occupational fallback).</param>
/// <param name="Year">The survey year.</param>
public readonly record struct WageFigure(OewsValue Value, OewsAreaCode Area, SocCode Soc, int Year);
