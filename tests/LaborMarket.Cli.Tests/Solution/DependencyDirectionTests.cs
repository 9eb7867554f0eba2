using System.Xml.Linq;

namespace LaborMarket.Cli.Tests.Solution;

/// <summary>Guards the one-way dependency graph by reading the project files.</summary>
public class DependencyDirectionTests
{
    private static readonly string[] Satellites = ["LaborMarket.Onet", "LaborMarket.Bls", "LaborMarket.Inference"];

    // The five packages every user may take; anything else under src/ is an optional package beside them.
    private static readonly string[] CorePackages = ["LaborMarket.Bls", "LaborMarket.Core", "LaborMarket.Inference", "LaborMarket.Normalization", "LaborMarket.Onet"];

    private const string Core = "src/LaborMarket.Core/LaborMarket.Core.csproj";
    private const string Normalization = "src/LaborMarket.Normalization/LaborMarket.Normalization.csproj";

    public static TheoryData<string> SourceProjects() => new(ProjectNames());

    private static string[] ProjectNames() =>
        Directory.GetFiles(Path.Combine(TestData.RepoRoot, "src"), "*.csproj", SearchOption.AllDirectories)
            .Select(Path.GetFileNameWithoutExtension)
            .Select(name => name!)
            .Order(StringComparer.Ordinal)
            .ToArray();

    [Fact]
    public void Src_HasTheFivePackages_EachWithAReadme()
    {
        var names = ProjectNames();

        Assert.Equal(CorePackages, names.Intersect(CorePackages).ToArray());
        Assert.All(names, n => Assert.True(File.Exists(Path.Combine(TestData.RepoRoot, "src", n, "README.md")), $"{n} has no README.md"));
        Assert.False(Directory.Exists(Path.Combine(TestData.RepoRoot, "src", "Shared")), "src/Shared should not exist: shared parts live in LaborMarket.Core");
    }

    [Theory]
    [MemberData(nameof(SourceProjects))]
    public void SourceProject_ReferencesOnlyAllowedProjects(string project)
    {
        var references = ProjectReferences(project);

        Assert.All(references, r => Assert.StartsWith("src/", r, StringComparison.Ordinal));
        switch (project)
        {
            case "LaborMarket.Core":
                Assert.Empty(references);
                break;
            case "LaborMarket.Normalization":
                Assert.All(references, r => Assert.Equal(Core, r));
                break;
            case "LaborMarket.Onet" or "LaborMarket.Bls" or "LaborMarket.Inference":
                Assert.All(references, r => Assert.Contains(r, new[] { Core, Normalization }));
                break;
            default:
                // An optional package may build on any of the five; none of the five builds on it (checked below).
                break;
        }
    }

    [Theory]
    [MemberData(nameof(SourceProjects))]
    public void SourceProject_ReferencesNoTestOrBenchmarkPackage(string project)
    {
        var packages = Xml(project).Descendants("PackageReference").Select(e => (string?)e.Attribute("Include") ?? "");

        Assert.DoesNotContain(packages, p =>
            p.StartsWith("xunit", StringComparison.OrdinalIgnoreCase)
            || p.StartsWith("Microsoft.NET.Test", StringComparison.OrdinalIgnoreCase)
            || p.StartsWith("BenchmarkDotNet", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public void CorePackages_DoNotReferenceOptionalPackages()
    {
        foreach (var project in CorePackages)
        {
            var references = ProjectReferences(project);
            Assert.All(references, r => Assert.Contains(CorePackages, p => r == $"src/{p}/{p}.csproj"));
        }
    }

    [Fact]
    public void Satellites_DoNotReferenceEachOther()
    {
        foreach (var project in Satellites)
        {
            var references = ProjectReferences(project);
            Assert.DoesNotContain(references, r => Satellites.Any(s => r.Contains(s, StringComparison.Ordinal)));
        }
    }

    private static XDocument Xml(string project) =>
        XDocument.Load(Path.Combine(TestData.RepoRoot, "src", project, project + ".csproj"));

    private static string[] ProjectReferences(string project)
    {
        var dir = Path.Combine(TestData.RepoRoot, "src", project);
        return Xml(project).Descendants("ProjectReference")
            .Select(e => Path.GetFullPath(Path.Combine(dir, ((string?)e.Attribute("Include") ?? "").Replace('\\', '/'))))
            .Select(full => Path.GetRelativePath(TestData.RepoRoot, full).Replace('\\', '/'))
            .ToArray();
    }
}
