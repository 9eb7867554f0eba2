namespace LaborMarket.Normalization.Taxonomy;

/// <summary>
/// Which SOC 2018 first-line supervisor occupation supervises a worker occupation. In major groups 33 to 53 a
/// supervisor of workers is coded to the group's supervisor occupation (a bindery worker's supervisor is 51-1011,
/// not 51-5113); in O*NET 27.0, 1,421 of the 1,438 alternate titles in those groups that end in "Supervisor" are.
/// </summary>
internal static class FirstLineSupervisors
{
    /// <summary>The supervisor occupation of <paramref name="worker"/>, or false when the SOC has none (groups 11 to 31
    /// and 55) or the occupation already supervises (the supervisor codes themselves, yardmasters, residential advisors).</summary>
    public static bool TryGet(SocCode worker, out SocCode supervisor)
    {
        var code = worker.Value;
        var minor = code / 100 * 100;
        var broad = code / 10 * 10;
        var value = (code / 10000) switch
        {
            _ when minor % 10000 == 1000 => 0,
            33 => minor switch
            {
                332000 => 331021,
                333000 => broad == 333010 ? 331011 : 331012,
                _ => code is 339031 or 339032 or 339093 ? 331091 : 331099,
            },
            35 => 351012,
            37 => minor == 373000 ? 371012 : 371011,
            39 => code == 399041 ? 0
                : broad == 393010 ? 391013
                : minor is 393000 or 397000 || code == 399032 ? 391014
                : 391022,
            41 => minor == 412000 ? 411011 : 411012,
            43 => 431011,
            45 => 451011,
            47 => 471011,
            49 => 491011,
            51 => 511011,
            53 => code switch
            {
                534031 => 0,
                532011 or 532012 or 532031 or 536061 => 531044,
                532022 => 531041,
                _ when broad == 537060 => 531042,
                _ when minor is 537000 or 533000 => 531043,
                _ => 531049,
            },
            _ => 0,
        };

        supervisor = SocCode.FromValue(value);
        return value != 0;
    }
}
