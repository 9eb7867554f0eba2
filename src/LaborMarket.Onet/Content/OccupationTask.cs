
namespace LaborMarket.Onet;

/// <summary>A task statement.</summary>
/// <param name="Id">O*NET's task id.</param>
/// <param name="Statement">What the worker does.</param>
/// <param name="IsCore">True for core tasks, false for supplemental ones.</param>
public sealed record OccupationTask(int Id, string Statement, bool IsCore);
