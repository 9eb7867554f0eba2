using System.Globalization;
using LaborMarket.Bls.Oews;

namespace LaborMarket.Bls.Fallback;

/// <summary>What one step of a wage lookup did; worded by <see cref="WageSteps"/> when read.</summary>
internal enum WageStepKind : byte
{
    /// <summary>Ready-made wording in <see cref="WageStep.Text"/>.</summary>
    Text,
    Soc2010,
    OewsAggregate,
    BroadOnly,
    NotPublished,
    TopCoded,
    Found,
    Suppressed,
    FoundInParent,
    NoMedian,
    FigureElsewhere,
}

/// <summary>One recorded step: the kind and the facts its wording needs.</summary>
internal readonly record struct WageStep(WageStepKind Kind, byte Figure, OewsAreaCode Area, SocCode Soc, SocCode Code, int Year, OewsValue Value, string? Text);

/// <summary>The wording of the steps of one answer, recorded as facts.</summary>
internal static class WageSteps
{
    internal static readonly string[] FigureNames =
        ["annual median", "annual 10th percentile", "annual 90th percentile", "annual mean", "hourly median", "employment"];

    private static readonly string[] Years = Enumerable.Range(1990, 80).Select(y => y.ToString(CultureInfo.InvariantCulture)).ToArray();

    public static string[] Render(List<WageStep> steps, Func<OewsAreaCode, string> describe)
    {
        var text = new string[steps.Count];
        for (var i = 0; i < steps.Count; i++)
        {
            text[i] = Word(steps[i], describe);
        }

        return text;
    }

    private static string Word(in WageStep s, Func<OewsAreaCode, string> describe)
    {
        var name = FigureNames[s.Figure];
        return s.Kind switch
        {
            WageStepKind.Text => s.Text!,
            WageStepKind.Soc2010 => $"{s.Soc} is a SOC 2010 code: using SOC 2018 {s.Code}",
            WageStepKind.OewsAggregate => $"{s.Soc} is published by OEWS within {s.Code}",
            WageStepKind.BroadOnly => $"{s.Soc} is published only as broad occupation {s.Code}",
            WageStepKind.NotPublished => string.Concat(s.Soc.ToString(), " not published in ", describe(s.Area)),
            WageStepKind.TopCoded => $"{name} top-coded (#) in {describe(s.Area)}: at least {s.Value.Value!.Value.ToString("N0", CultureInfo.InvariantCulture)}",
            WageStepKind.Found => string.Concat(name, " from ", describe(s.Area), ", ", Year(s.Year)),
            WageStepKind.Suppressed => $"{name} suppressed ({Marker(s.Value)}) in {describe(s.Area)} for {s.Code}",
            WageStepKind.FoundInParent => $"{name} from {s.Code.Level.ToString().ToLowerInvariant()} group {s.Code} in {describe(s.Area)}, {s.Year}",
            WageStepKind.NoMedian => $"no annual median for {s.Soc} at any level of the chain",
            _ => string.Concat(name, " from ", describe(s.Area), " for ", s.Code.ToString()),
        };
    }

    private static string Year(int year) => year is >= 1990 and < 2070 ? Years[year - 1990] : year.ToString(CultureInfo.InvariantCulture);

    private static string Marker(OewsValue v) => v.Marker switch
    {
        OewsMarker.WageNotAvailable => "*",
        OewsMarker.EmploymentNotAvailable => "**",
        OewsMarker.FewEstablishments => "~",
        _ => "blank",
    };
}
