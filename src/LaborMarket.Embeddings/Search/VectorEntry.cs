
namespace LaborMarket.Embeddings.Search;

/// <summary>One embedded text in a <see cref="VectorIndex"/>.</summary>
/// <param name="Text">The text that was embedded (a title, a description, a task statement).</param>
/// <param name="Code">The O*NET-SOC occupation the text belongs to, when known.</param>
/// <param name="Kind">What the text is: "title", "occupation", "task", "corpus" or a caller's own word.</param>
public sealed record VectorEntry(string Text, OnetSocCode? Code, string Kind);
