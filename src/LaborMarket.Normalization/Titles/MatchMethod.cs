using System.Text.Json.Serialization;
using LaborMarket.Json;

namespace LaborMarket.Normalization.Titles;

/// <summary>How a title was matched to its role.</summary>
[JsonConverter(typeof(SnakeCaseEnumJsonConverter<MatchMethod>))]
public enum MatchMethod
{
    /// <summary>Not matched.</summary>
    None,

    /// <summary>The cleaned title equals an alias or O*NET title.</summary>
    ExactAlias,

    /// <summary>The cleaned title has the same words as an alias, in another order ("Engineer Software").</summary>
    WordSet,

    /// <summary>Scored by shared words (IDF-weighted, head-noun aware) against every alias and title.</summary>
    TokenScore,

    /// <summary>Scored by shared words after correcting a misspelled word.</summary>
    Fuzzy,
}
