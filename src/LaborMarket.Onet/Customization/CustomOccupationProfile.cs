using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace LaborMarket.Onet.Customization;

/// <summary>
/// An occupation profile an app has customized: a baseline from a source (O*NET, CareerOneStop) plus overrides.
/// Every field knows whether it is baseline or custom; overrides can be applied, restored and listed, and the
/// custom profile diffed against the baseline. Immutable: each change returns a new instance. Stores as JSON
/// (the code and the overrides; the baseline is fetched again when loading, so it stays current).
/// </summary>
public sealed class CustomOccupationProfile
{
    /// <summary>Creates a customized profile.</summary>
    /// <param name="baseline">The profile as the source has it.</param>
    /// <param name="overrides">The overrides, or null for none.</param>
    public CustomOccupationProfile(OccupationProfile baseline, OccupationOverrides? overrides = null)
    {
        ArgumentNullException.ThrowIfNull(baseline);
        if (overrides?.JobZone is < 1 or > 5)
        {
            throw new ArgumentOutOfRangeException(nameof(overrides), overrides.JobZone, "A job zone is 1 to 5.");
        }

        Baseline = baseline;
        Overrides = overrides ?? new OccupationOverrides();
        Effective = baseline with
        {
            Title = Overrides.Title ?? baseline.Title,
            Description = Overrides.Description ?? baseline.Description,
            Tasks = Overrides.Tasks ?? baseline.Tasks,
            TechnologySkills = Overrides.TechnologySkills ?? baseline.TechnologySkills,
            Tools = Overrides.Tools ?? baseline.Tools,
            Education = Overrides.Education ?? baseline.Education,
            JobZone = Overrides.JobZone ?? baseline.JobZone,
            Related = Overrides.Related ?? baseline.Related,
            AlternateTitles = Overrides.AlternateTitles ?? baseline.AlternateTitles,
            Outlook = Overrides.Outlook ?? baseline.Outlook,
        };
    }

    /// <summary>The profile as the source has it.</summary>
    public OccupationProfile Baseline { get; }

    /// <summary>The overrides.</summary>
    public OccupationOverrides Overrides { get; }

    /// <summary>The profile with the overrides applied: what the app shows.</summary>
    public OccupationProfile Effective { get; }

    /// <summary>The fields that are overridden, in declaration order.</summary>
    public IReadOnlyList<OccupationField> OverriddenFields => Enum.GetValues<OccupationField>().Where(f => SourceOf(f) == FieldSource.Custom).ToArray();

    /// <summary>Whether a field is baseline or custom.</summary>
    /// <param name="field">The field.</param>
    public FieldSource SourceOf(OccupationField field) => ValueOf(Overrides, field) is null ? FieldSource.Baseline : FieldSource.Custom;

    /// <summary>Applies more overrides: their non-null fields replace the current values.</summary>
    /// <param name="overrides">The overrides to apply.</param>
    /// <returns>The new customized profile.</returns>
    public CustomOccupationProfile Apply(OccupationOverrides overrides)
    {
        ArgumentNullException.ThrowIfNull(overrides);
        var o = Overrides;
        return new CustomOccupationProfile(Baseline, new OccupationOverrides
        {
            Title = overrides.Title ?? o.Title,
            Description = overrides.Description ?? o.Description,
            Tasks = overrides.Tasks ?? o.Tasks,
            TechnologySkills = overrides.TechnologySkills ?? o.TechnologySkills,
            Tools = overrides.Tools ?? o.Tools,
            Education = overrides.Education ?? o.Education,
            JobZone = overrides.JobZone ?? o.JobZone,
            Related = overrides.Related ?? o.Related,
            AlternateTitles = overrides.AlternateTitles ?? o.AlternateTitles,
            Outlook = overrides.Outlook ?? o.Outlook,
        });
    }

    /// <summary>Restores a field to the baseline.</summary>
    /// <param name="field">The field.</param>
    /// <returns>The new customized profile.</returns>
    public CustomOccupationProfile Restore(OccupationField field) => new(Baseline, field switch
    {
        OccupationField.Title => Overrides with { Title = null },
        OccupationField.Description => Overrides with { Description = null },
        OccupationField.Tasks => Overrides with { Tasks = null },
        OccupationField.TechnologySkills => Overrides with { TechnologySkills = null },
        OccupationField.Tools => Overrides with { Tools = null },
        OccupationField.Education => Overrides with { Education = null },
        OccupationField.JobZone => Overrides with { JobZone = null },
        OccupationField.Related => Overrides with { Related = null },
        OccupationField.AlternateTitles => Overrides with { AlternateTitles = null },
        OccupationField.Outlook => Overrides with { Outlook = null },
        _ => throw new ArgumentOutOfRangeException(nameof(field), field, "Not a field."),
    });

    /// <summary>How each overridden field differs from the baseline (fields whose values are equal are left out).</summary>
    public IReadOnlyList<FieldDifference> Diff()
    {
        var differences = new List<FieldDifference>();
        foreach (var field in OverriddenFields)
        {
            var custom = Values(Effective, field);
            var baseline = Values(Baseline, field);
            var added = custom.Except(baseline, StringComparer.Ordinal).ToArray();
            var removed = baseline.Except(custom, StringComparer.Ordinal).ToArray();
            if (added.Length > 0 || removed.Length > 0)
            {
                differences.Add(new FieldDifference(field, added, removed));
            }
        }

        return differences;
    }

    /// <summary>The code and the overrides as JSON, for an app to store.</summary>
    public string ToJson() => JsonSerializer.Serialize(new StoredOverrides(Baseline.Code.ToString(), Overrides), StoredOverridesJsonContext.Default.StoredOverrides);

    /// <summary>Reads overrides stored by <see cref="ToJson"/> onto a (freshly fetched) baseline.</summary>
    /// <param name="json">The stored JSON.</param>
    /// <param name="baseline">The baseline profile of the same occupation.</param>
    /// <exception cref="LaborMarketFormatException">The JSON is malformed or names another occupation.</exception>
    public static CustomOccupationProfile FromJson(string json, OccupationProfile baseline)
    {
        ArgumentNullException.ThrowIfNull(json);
        ArgumentNullException.ThrowIfNull(baseline);
        StoredOverrides? stored;
        try
        {
            stored = JsonSerializer.Deserialize(json, StoredOverridesJsonContext.Default.StoredOverrides);
        }
        catch (JsonException ex)
        {
            throw new LaborMarketFormatException("overrides JSON", (ex.LineNumber ?? -1) + 1, ex.Path, ex.Message, ex);
        }

        if (stored is null || !OnetSocCode.TryParse(stored.Code, out var code))
        {
            throw new LaborMarketFormatException("overrides JSON", 1, "code", "missing or not an O*NET-SOC code");
        }

        if (code != baseline.Code)
        {
            throw new LaborMarketFormatException("overrides JSON", 1, "code", $"the overrides are for {code}, the baseline is {baseline.Code}");
        }

        try
        {
            return new CustomOccupationProfile(baseline, stored.Overrides);
        }
        catch (ArgumentOutOfRangeException ex)
        {
            throw new LaborMarketFormatException("overrides JSON", 1, "overrides.jobZone", ex.Message, ex);
        }
    }

    private static object? ValueOf(OccupationOverrides o, OccupationField field) => field switch
    {
        OccupationField.Title => o.Title,
        OccupationField.Description => o.Description,
        OccupationField.Tasks => o.Tasks,
        OccupationField.TechnologySkills => o.TechnologySkills,
        OccupationField.Tools => o.Tools,
        OccupationField.Education => o.Education,
        OccupationField.JobZone => o.JobZone,
        OccupationField.Related => o.Related,
        OccupationField.AlternateTitles => o.AlternateTitles,
        OccupationField.Outlook => o.Outlook,
        _ => null,
    };

    private static IEnumerable<string> Values(OccupationProfile p, OccupationField field) => field switch
    {
        OccupationField.Title => [p.Title],
        OccupationField.Description => [p.Description],
        OccupationField.Tasks => p.Tasks.Select(t => t.Statement),
        OccupationField.TechnologySkills => p.TechnologySkills.Select(t => t.Example),
        OccupationField.Tools => p.Tools.Select(t => t.Example),
        OccupationField.Education => p.Education.Select(e => string.Create(CultureInfo.InvariantCulture, $"{e.Level}: {e.Percent:0.#}%")),
        OccupationField.JobZone => p.JobZone is { } z ? [z.ToString(CultureInfo.InvariantCulture)] : [],
        OccupationField.Related => p.Related.Select(r => $"{r.Code} {r.Title}"),
        OccupationField.AlternateTitles => p.AlternateTitles,
        OccupationField.Outlook => p.Outlook is { } outlook
            ? [$"category: {outlook.Category}", $"description: {outlook.Description}", $"bright outlook: {(outlook.IsBrightOutlook ? "yes" : "no")}", .. outlook.BrightOutlookReasons.Select(r => $"reason: {r}")]
            : [],
        _ => [],
    };
}
