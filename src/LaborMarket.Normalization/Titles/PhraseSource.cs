namespace LaborMarket.Normalization.Titles;

/// <summary>A title that names a role, with how much it counts when titles disagree.</summary>
internal readonly record struct PhraseSource(int Role, string Text, float Weight);
