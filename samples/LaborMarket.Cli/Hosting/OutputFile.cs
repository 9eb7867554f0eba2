using System.Text;

namespace LaborMarket.Cli.Hosting;

/// <summary>
/// Where a command writes: stdout for <c>-</c> (or no path), else a temporary file beside the target that is moved
/// into place only when the command succeeds, so an interrupted or failed run never leaves a half-written file under
/// the final name. An output that is one of the inputs is refused; an existing file is replaced only with --force.
/// </summary>
internal sealed class OutputFile : IAsyncDisposable
{
    private readonly string? _target;
    private readonly string? _temporary;
    private readonly FileStream? _stream;
    private bool _committed;

    private OutputFile(TextWriter writer, string? target, string? temporary, FileStream? stream)
    {
        Writer = writer;
        _target = target;
        _temporary = temporary;
        _stream = stream;
    }

    /// <summary>The text the command writes; flushed and moved into place by <see cref="CommitAsync"/>.</summary>
    public TextWriter Writer { get; }

    /// <summary>Checks the target against the inputs and the --force rule before anything is read or written.</summary>
    /// <param name="path">The --output value: null or <c>-</c> for stdout.</param>
    /// <param name="option">The option's name, for messages.</param>
    /// <param name="inputs">Every file the command reads (null and <c>-</c> entries are skipped).</param>
    /// <param name="force">True when an existing file may be replaced.</param>
    public static void Check(string? path, string option, IEnumerable<string?> inputs, bool force)
    {
        if (path is null || CliPaths.IsStandard(path))
        {
            return;
        }

        foreach (var input in inputs)
        {
            if (input is not null && !CliPaths.IsStandard(input) && CliPaths.SameFile(input, path))
            {
                throw new CliUsageException($"{option} '{path}' is the same file as the input '{input}'; write the output elsewhere.");
            }
        }

        if (Directory.Exists(path))
        {
            throw new CliUsageException($"{option} '{path}' is a directory; give a file name.");
        }

        if (File.Exists(path) && !force)
        {
            throw new CliUsageException($"{option} '{path}' already exists; pass --force to replace it.");
        }
    }

    /// <summary>Opens the output after <see cref="Check"/>: stdout, or a temporary file beside the target.</summary>
    public static OutputFile Open(string? path, TextWriter stdout)
    {
        if (path is null || CliPaths.IsStandard(path))
        {
            return new OutputFile(stdout, null, null, null);
        }

        var target = Path.GetFullPath(path);
        var folder = Path.GetDirectoryName(target)!;
        Directory.CreateDirectory(folder);
        var temporary = Path.Combine(folder, $".{Path.GetFileName(target)}.{Environment.ProcessId}.{Guid.NewGuid():N}.partial");
        var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16, FileOptions.Asynchronous);
        PendingFiles.Add(temporary);
        return new OutputFile(new StreamWriter(stream, new UTF8Encoding(false), 1 << 16), target, temporary, stream);
    }

    /// <summary>Flushes the output and, for a file, moves it into place under its final name.</summary>
    public async Task CommitAsync()
    {
        await Writer.FlushAsync().ConfigureAwait(false);
        if (_temporary is null)
        {
            return;
        }

        await Writer.DisposeAsync().ConfigureAwait(false);
        File.Move(_temporary, _target!, overwrite: true);
        PendingFiles.Remove(_temporary);
        _committed = true;
    }

    /// <summary>Deletes the temporary file unless it was committed; stdout is left open.</summary>
    public async ValueTask DisposeAsync()
    {
        if (_temporary is null || _committed)
        {
            return;
        }

        await Writer.DisposeAsync().ConfigureAwait(false);
        if (_stream is not null)
        {
            await _stream.DisposeAsync().ConfigureAwait(false);
        }

        File.Delete(_temporary);
        PendingFiles.Remove(_temporary);
    }
}
