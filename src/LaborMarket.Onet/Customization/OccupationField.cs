using System.Text.Json.Serialization;
using LaborMarket.Json;

namespace LaborMarket.Onet.Customization;

/// <summary>A field of an occupation profile that can be overridden.</summary>
[JsonConverter(typeof(SnakeCaseEnumJsonConverter<OccupationField>))]
public enum OccupationField
{
    /// <summary>The title.</summary>
    Title,

    /// <summary>The description.</summary>
    Description,

    /// <summary>The task statements.</summary>
    Tasks,

    /// <summary>The technology skills.</summary>
    TechnologySkills,

    /// <summary>The tools.</summary>
    Tools,

    /// <summary>The education levels.</summary>
    Education,

    /// <summary>The job zone.</summary>
    JobZone,

    /// <summary>The related occupations.</summary>
    Related,

    /// <summary>The alternate titles.</summary>
    AlternateTitles,

    /// <summary>The job outlook.</summary>
    Outlook,
}
