namespace LaborMarket.Onet.Programs;

/// <summary>An instructional program of the CIP 2020 code list.</summary>
/// <param name="Code">Its CIP code (a program, series or family).</param>
/// <param name="Title">Its title, without NCES's closing period ("Registered Nursing/Registered Nurse").</param>
/// <param name="Definition">NCES's definition, or null when the code list was not loaded.</param>
public sealed record CipProgram(CipCode Code, string Title, string? Definition);
