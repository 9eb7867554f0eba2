
namespace LaborMarket.Embeddings.Tests.Occupations;

/// <summary>
/// A hand-written test set: realistic job titles and short descriptions across all 22 civilian SOC major groups,
/// each labeled with the 6-digit SOC 2018 code it belongs to. Written for these tests, not taken from any file.
/// </summary>
internal static class RoleDescriptions
{
    internal sealed record Item(SocCode Soc, string Title, string Description);

    public static IReadOnlyList<Item> Load() => [.. File.ReadLines(Path.Combine(AppContext.BaseDirectory, "Occupations", "role-descriptions.tsv"))
        .Skip(1)
        .Select(l => l.Split('\t'))
        .Select(f => new Item(SocCode.Parse(f[0]), f[1], f[2]))];
}
