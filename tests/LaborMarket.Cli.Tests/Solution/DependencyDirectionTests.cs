using System.Xml.Linq;

namespace LaborMarket.Cli.Tests.Solution;

/// <summary>Guards the one-way dependency graph by reading the project files.</summary>
public class DependencyDirectionTests
{
    private static readonly string[] Satellites = ["LaborMarket.Onet", "LaborMarket.Bls", "LaborMarket.Inference"];

    public static TheoryData<string> SourceProjects() => new(ProjectNames());

    private static string[] ProjectNames() =>
        Directory.GetFiles(Path.Combine(TestData.RepoRoot, "src"), "*.csproj", SearchOption.AllDirectories)
            .Select(Path.GetFileNameWithoutExtension)
            .Select(name => name!)
            .Order(StringComparer.Ordinal)
            .ToArray();

    [Fact]
    public void Src_HasTheFourPackages()
    {
        var names = ProjectNames();

        Assert.Equal(["LaborMarket.Bls", "LaborMarket.Inference", "LaborMarket.Normalization", "LaborMarket.Onet"], names);
    }

    [Theory]
    [MemberData(nameof(SourceProjects))]
    public void SourceProject_ReferencesOnlyAllowedProjects(string project)
    {
        var references = ProjectReferences(project);

        Assert.All(references, r => Assert.StartsWith("src/", r, StringComparison.Ordinal));
        if (project == "LaborMarket.Normalization")
        {
            Assert.Empty(references);
        }
        else
        {
            Assert.All(references, r => Assert.Equal("src/LaborMarket.Normalization/LaborMarket.Normalization.csproj", r));
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
