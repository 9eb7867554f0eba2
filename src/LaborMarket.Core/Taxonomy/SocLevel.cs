namespace LaborMarket;

/// <summary>The level of a code in the SOC 2018 hierarchy.</summary>
public enum SocLevel
{
    /// <summary>A major group, such as 15-0000.</summary>
    Major,

    /// <summary>A minor group, such as 15-1200.</summary>
    Minor,

    /// <summary>A broad occupation, such as 15-1250.</summary>
    Broad,

    /// <summary>A detailed occupation, such as 15-1252.</summary>
    Detailed,
}
