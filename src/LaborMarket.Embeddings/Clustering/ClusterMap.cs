using System.Globalization;
using System.Text;
using ScottPlot;

namespace LaborMarket.Embeddings.Clustering;

/// <summary>Writes a clustering's map: a CSV of positions and a PNG scatter plot coloured by cluster.</summary>
public static class ClusterMap
{
    /// <summary>Writes one row per text: text, cluster, x, y.</summary>
    public static void WriteCsv(string path, IReadOnlyList<string> texts, ClusteringResult result)
    {
        ArgumentNullException.ThrowIfNull(texts);
        ArgumentNullException.ThrowIfNull(result);
        using var writer = new StreamWriter(path, append: false, new UTF8Encoding(false));
        writer.WriteLine("text,cluster,cluster_name,x,y");
        for (var i = 0; i < texts.Count; i++)
        {
            var c = result.Assignments[i];
            writer.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{Quote(texts[i])},{c},{Quote(result.Clusters[c].Name)},{result.Map[i].X:0.#####},{result.Map[i].Y:0.#####}"));
        }
    }

    /// <summary>Renders the map as a PNG (no display needed).</summary>
    public static void WritePng(string path, ClusteringResult result, int width = 1200, int height = 900)
    {
        ArgumentNullException.ThrowIfNull(result);
        var plot = new Plot();
        var palette = new ScottPlot.Palettes.Category20();
        foreach (var cluster in result.Clusters)
        {
            var xs = new List<double>();
            var ys = new List<double>();
            for (var i = 0; i < result.Assignments.Count; i++)
            {
                if (result.Assignments[i] == cluster.Id)
                {
                    xs.Add(result.Map[i].X);
                    ys.Add(result.Map[i].Y);
                }
            }

            var scatter = plot.Add.ScatterPoints(xs.ToArray(), ys.ToArray(), palette.GetColor(cluster.Id));
            scatter.MarkerSize = 4;
            scatter.LegendText = string.Create(CultureInfo.InvariantCulture, $"{cluster.Id}: {cluster.Name} ({cluster.Size})");
        }

        plot.Title(string.Create(CultureInfo.InvariantCulture, $"{result.K} clusters, silhouette {result.Silhouette:0.000}"));
        plot.XLabel("PC 1");
        plot.YLabel("PC 2");
        plot.ShowLegend(Alignment.UpperRight);
        plot.SavePng(path, width, height);
    }

    private static string Quote(string s) =>
        s.AsSpan().IndexOfAny(",\"\n\r") >= 0 ? "\"" + s.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : s;
}
