using System.Runtime.InteropServices;
using System.Text;
using LaborMarket.Cli;
using LaborMarket.Cli.Hosting;

// Ctrl+C and SIGTERM cancel the command's work; if it has not stopped a second later the process ends anyway,
// with no output file left under its final name.
using var interrupt = new CancellationTokenSource();
var stopping = 0;
void Stop(PosixSignalContext context)
{
    context.Cancel = true;
    if (Interlocked.Exchange(ref stopping, 1) == 1)
    {
        return;
    }

    // Off the signal thread: the cancellation callbacks run the command's unwinding, which must not block signal delivery.
    _ = Task.Run(async () =>
    {
        await interrupt.CancelAsync().ConfigureAwait(false);
        await Task.Delay(TimeSpan.FromSeconds(1)).ConfigureAwait(false);
        PendingFiles.DeleteAll();
        await Console.Error.WriteLineAsync("interrupted").ConfigureAwait(false);
        Environment.Exit(ExitCodes.Interrupted);
    });
}

using var sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, Stop);
using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop);

// stdout is buffered (the console writer flushes on every write) and flushed once the command ends.
var stdout = new StreamWriter(Console.OpenStandardOutput(), new UTF8Encoding(false), 1 << 16) { AutoFlush = false };
try
{
    return await CliApp.RunAsync(args, Console.In, stdout, Console.Error, interrupt.Token).ConfigureAwait(false);
}
finally
{
    try
    {
        await stdout.FlushAsync().ConfigureAwait(false);
    }
    catch (IOException)
    {
        // The reader of a pipe went away (| head): nothing more to say.
    }
}
