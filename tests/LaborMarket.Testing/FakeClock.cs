using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace LaborMarket.Testing;

/// <summary>Drives code that waits on a <see cref="FakeTimeProvider"/> to completion without waiting on the wall clock.</summary>
public static class FakeClock
{
    /// <summary>
    /// Advances <paramref name="time"/> by <paramref name="step"/>, yielding between steps, until <paramref name="task"/>
    /// completes (at most <paramref name="maxSteps"/> steps), and returns its result or rethrows its error.
    /// </summary>
    public static async Task<T> RunAsync<T>(this FakeTimeProvider time, Task<T> task, TimeSpan step, int maxSteps = 100_000)
    {
        for (var i = 0; i < maxSteps && !task.IsCompleted; i++)
        {
            // Let the code under test reach its next wait before time moves on.
            for (var y = 0; y < 200 && !task.IsCompleted; y++)
            {
                await Task.Yield();
            }

            time.Advance(step);
        }

        Assert.True(task.IsCompleted, $"still waiting after {maxSteps} steps of {step} on the fake clock");
        return await task;
    }

    /// <inheritdoc cref="RunAsync{T}(FakeTimeProvider, Task{T}, TimeSpan, int)"/>
    public static Task RunAsync(this FakeTimeProvider time, Task task, TimeSpan step, int maxSteps = 100_000) =>
        time.RunAsync(Wrap(task), step, maxSteps);

    private static async Task<bool> Wrap(Task task)
    {
        await task;
        return true;
    }
}
