namespace LaborMarket;

/// <summary>Where a CIP code sits in the Classification of Instructional Programs.</summary>
public enum CipLevel
{
    /// <summary>A two-digit family, such as 51 Health Professions and Related Programs.</summary>
    Family,

    /// <summary>A four-digit series, such as 51.38 Registered Nursing, Nursing Administration, Nursing Research and Clinical Nursing.</summary>
    Series,

    /// <summary>A six-digit instructional program, such as 51.3801 Registered Nursing/Registered Nurse.</summary>
    Program,
}
