using System.Globalization;
using LaborMarket.Normalization.Titles;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace LaborMarket.Inference.ML.Tests.Titles;

public sealed class JobTitleTransformsCatalogExtensionsTests
{
    [DataFact]
    public void NormalizeJobTitle_H1bTitles_ColumnsAgreeWithTheNormalizer()
    {
        var titles = H1bTitles().Take(400).ToArray();
        var ml = new MLContext(seed: 1);
        var data = ml.Data.LoadFromEnumerable(titles.Select(t => new TitleRow { Title = t }));

        var featured = ml.Transforms.NormalizeJobTitle(inputColumnName: "Title").Fit(data).Transform(data);

        AssertColumns(titles, featured);
        Assert.True(featured.GetColumn<string>("TitleRoleId").Count(r => r.Length > 0) > titles.Length / 2, "fewer than half of the H-1B titles matched a role");
    }

    [DataFact]
    public void NormalizeJobTitle_SavedAndLoaded_GivesTheSameColumns()
    {
        var titles = H1bTitles().Skip(400).Take(200).ToArray();
        var ml = new MLContext(seed: 1);
        var data = ml.Data.LoadFromEnumerable(titles.Select(t => new TitleRow { Title = t }));
        var transformer = ml.Transforms.NormalizeJobTitle(inputColumnName: "Title", outputPrefix: "Job").Fit(data);
        using var stream = new MemoryStream();
        ml.Model.Save(transformer, data.Schema, stream);
        stream.Position = 0;

        var fresh = new MLContext(seed: 2).RegisterLaborMarketInference();
        var featured = fresh.Model.Load(stream, out _).Transform(data);

        AssertColumns(titles, featured, "Job");
    }

    private static void AssertColumns(string[] titles, IDataView featured, string prefix = "Title")
    {
        var roles = featured.GetColumn<string>(prefix + "RoleId").ToArray();
        var socs = featured.GetColumn<string>(prefix + "SocCode").ToArray();
        var groups = featured.GetColumn<float>(prefix + "MajorGroup").ToArray();
        var seniority = featured.GetColumn<float>(prefix + "Seniority").ToArray();
        var confidence = featured.GetColumn<float>(prefix + "Confidence").ToArray();
        for (var i = 0; i < titles.Length; i++)
        {
            var match = TitleNormalizer.Default.Normalize(titles[i]);
            Assert.Equal(match.Role?.Id ?? "", roles[i]);
            Assert.Equal(match.SocCode?.ToString() ?? "", socs[i]);
            Assert.Equal(match.SocCode is { } soc ? soc.MajorGroupNumber : float.NaN, groups[i]);
            Assert.Equal((float)match.Seniority, seniority[i]);
            Assert.Equal((float)match.Confidence, confidence[i]);
        }
    }

    private static IEnumerable<string> H1bTitles()
    {
        using var reader = new StreamReader(TestData.DataPath("titles/h1b_lca_fy2016_sample_train.csv"));
        _ = reader.ReadLine();
        while (reader.ReadLine() is { } line)
        {
            // JOB_TITLE is the 4th field; only the employer before it may be quoted.
            var fields = new List<string>();
            var quoted = false;
            var start = 0;
            for (var i = 0; i <= line.Length && fields.Count < 4; i++)
            {
                if (i < line.Length && line[i] == '"')
                {
                    quoted = !quoted;
                }
                else if (i == line.Length || (line[i] == ',' && !quoted))
                {
                    fields.Add(line[start..i].Trim('"'));
                    start = i + 1;
                }
            }

            yield return fields[3].ToString(CultureInfo.InvariantCulture);
        }
    }

    public sealed class TitleRow
    {
        public string Title { get; set; } = "";
    }
}
