using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace LaborMarket.Cli.Tests.Solution;

/// <summary>
/// The C# in each package README compiles against the packages as they are. Each code block becomes a scope
/// of one async method whose parameters are the things a block takes as given (a service collection, a
/// configuration, records, a client); <c>using</c> lines move to the top of the file.
/// </summary>
public partial class ReadmeCodeTests
{
    private const string Givens =
        "Microsoft.Extensions.DependencyInjection.IServiceCollection services, Microsoft.Extensions.Configuration.IConfiguration configuration, " +
        "string[] csvHeader, System.Collections.Generic.IReadOnlyList<string> titles, " +
        "System.Collections.Generic.IReadOnlyList<LaborMarket.Inference.Models.JobRecord> records, LaborMarket.Inference.Models.JobRecord record, " +
        "LaborMarket.Onet.IOccupationContentSource source, System.Collections.Generic.IEnumerable<string> codes, " +
        "System.IProgress<LaborMarket.Onet.Enrichment.EnrichmentProgress> progress, LaborMarket.Onet.OccupationProfile profile, " +
        "LaborMarket.Onet.WebServices.OnetClient onetClient, LaborMarket.Onet.CareerOneStop.CareerOneStopClient careerOneStop, " +
        "LaborMarket.Bls.PublicData.BlsApiClient bls";

    private static readonly string[] CommonUsings =
    [
        "System", "System.Collections.Generic", "System.IO", "System.Linq", "System.Threading.Tasks", "Microsoft.Extensions.DependencyInjection",
        "LaborMarket", "LaborMarket.Files", "LaborMarket.Http", "LaborMarket.Normalization.Titles",
        "LaborMarket.Onet", "LaborMarket.Onet.WebServices", "LaborMarket.Onet.CareerOneStop", "LaborMarket.Onet.Enrichment", "LaborMarket.Onet.Customization",
        "LaborMarket.Bls.Oews", "LaborMarket.Bls.Fallback", "LaborMarket.Bls.PublicData",
        "LaborMarket.Inference.Trees", "LaborMarket.Inference.Training", "LaborMarket.Inference.Models", "LaborMarket.Inference.Registry",
    ];

    public static TheoryData<string> Readmes() => new(
        Directory.GetFiles(Path.Combine(TestData.RepoRoot, "src"), "README.md", SearchOption.AllDirectories)
            .Select(p => Path.GetRelativePath(TestData.RepoRoot, p).Replace('\\', '/')).Order(StringComparer.Ordinal));

    [Theory]
    [MemberData(nameof(Readmes))]
    public void Readme_CodeBlocks_Compile(string readme)
    {
        var text = File.ReadAllText(Path.Combine(TestData.RepoRoot, readme)).ReplaceLineEndings("\n");
        var blocks = CSharpBlock().Matches(text).Select(m => m.Groups[1].Value).ToArray();
        Assert.True(blocks.Length >= 3, $"{readme} shows {blocks.Length} code blocks; its three most common tasks need at least three");

        var usings = new SortedSet<string>(CommonUsings.Select(u => $"using {u};"), StringComparer.Ordinal);
        var body = new System.Text.StringBuilder();
        foreach (var block in blocks)
        {
            body.AppendLine("{");
            foreach (var line in block.Split('\n'))
            {
                if (UsingDirective().IsMatch(line))
                {
                    usings.Add(line.Trim());
                }
                else
                {
                    body.AppendLine(line);
                }
            }

            body.AppendLine("}");
        }

        var source = $"{string.Join("\n", usings)}\n#pragma warning disable CS0168, CS0219, CS8321, CS1998\ninternal static class Snippets\n{{\n    internal static async System.Threading.Tasks.Task Run({Givens})\n    {{\n{body}\n    }}\n}}\n";
        var compilation = CSharpCompilation.Create("ReadmeSnippets", [CSharpSyntaxTree.ParseText(source, new CSharpParseOptions(LanguageVersion.Latest))],
            References(), new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
        var errors = compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).Select(d => d.ToString()).ToArray();

        Assert.True(errors.Length == 0, $"{readme} does not compile:\n{string.Join("\n", errors)}\n\n{source}");
    }

    private static MetadataReference[] References()
    {
        var framework = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator);
        var local = Directory.GetFiles(AppContext.BaseDirectory, "*.dll");
        return framework.Concat(local)
            .GroupBy(Path.GetFileName, StringComparer.OrdinalIgnoreCase).Select(g => g.First())
            .Where(p => { try { System.Reflection.AssemblyName.GetAssemblyName(p); return true; } catch (BadImageFormatException) { return false; } })
            .Select(p => (MetadataReference)MetadataReference.CreateFromFile(p)).ToArray();
    }

    [GeneratedRegex("```csharp\n(.*?)```", RegexOptions.Singleline)]
    private static partial Regex CSharpBlock();

    [GeneratedRegex(@"^using [A-Za-z0-9_.]+;\s*$")]
    private static partial Regex UsingDirective();
}
