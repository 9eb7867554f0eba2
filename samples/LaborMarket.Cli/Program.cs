using System.Runtime.InteropServices;
using System.Text;
using LaborMarket.Cli;
using LaborMarket.Cli.Hosting;

// Ctrl+C and SIGTERM cancel the command's work; if it has not stopped a second later the process ends anyway,
// with no output file left under its final name.
using var interrupt = new CancellationTokenSource();
void Stop(PosixSignalContext context)
{
    context.Cancel = true;
    if (interrupt.IsCancellationRequested)
    {
        return;
    }

    interrupt.Cancel();
    _ = Task.Delay(TimeSpan.FromSeconds(1)).ContinueWith(_ =>
    {
        PendingFiles.DeleteAll();
        Console.Error.WriteLine("interrupted");
        Environment.Exit(ExitCodes.Interrupted);
    }, TaskScheduler.Default);
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
