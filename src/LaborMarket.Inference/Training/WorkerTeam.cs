namespace LaborMarket.Inference.Training;

/// <summary>
/// The threads of one training run: the calling thread and <c>threads - 1</c> workers that wait for work by
/// spinning a little before they sleep, as OpenMP's do. Growing a tree hands out many short parallel loops (a
/// histogram, a partition: often well under a millisecond), too short for thread-pool workers, which sleep between
/// them and wake too late to take a share: the calling thread would do nearly all of it. Items are taken in any
/// order and by any thread; callers write each item's result to its own place, so results do not depend on
/// the threads. Not reentrant: one loop at a time.
/// </summary>
internal sealed class WorkerTeam : IDisposable
{
    // How long an idle worker spins before it sleeps until the next loop (the serial work between two loops of a
    // tree is usually shorter).
    private const int SpinIterations = 20_000;

    private readonly Thread[] _workers;
    private readonly CancellationToken _cancellationToken;
    private readonly object _gate = new();
    private Loop? _loop;
    private int _generation;
    private int _sleepers;
    private bool _disposed;

    public WorkerTeam(int threads, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(threads, 1);
        _cancellationToken = cancellationToken;
        _workers = new Thread[threads - 1];
        for (var i = 0; i < _workers.Length; i++)
        {
            _workers[i] = new Thread(Work) { IsBackground = true, Name = "LaborMarket GBDT worker " + (i + 1) };
            _workers[i].Start();
        }
    }

    /// <summary>Runs <paramref name="body"/> for 0 .. <paramref name="count"/> - 1 on the team; returns when all are done.</summary>
    public void For(int count, Action<int> body)
    {
        _cancellationToken.ThrowIfCancellationRequested();
        if (count <= 0)
        {
            return;
        }

        if (count == 1 || _workers.Length == 0)
        {
            for (var i = 0; i < count; i++)
            {
                body(i);
            }

            return;
        }

        // Each loop has its own counters: a worker that comes late to a finished loop finds nothing left in it.
        var loop = new Loop(body, count);
        lock (_gate)
        {
            Volatile.Write(ref _loop, loop);
            _generation++;
            if (_sleepers > 0)
            {
                Monitor.PulseAll(_gate);
            }
        }

        Take(loop);
        var spin = new SpinWait();
        while (Volatile.Read(ref loop.Done) < count)
        {
            spin.SpinOnce(sleep1Threshold: -1);
        }

        if (loop.Error is { } error)
        {
            throw new AggregateException(error);
        }
    }

    // Takes items of a loop until none are left.
    private static void Take(Loop loop)
    {
        int i;
        while ((i = Interlocked.Increment(ref loop.Next) - 1) < loop.Count)
        {
            try
            {
                loop.Body(i);
            }
            catch (Exception e)
            {
                Interlocked.CompareExchange(ref loop.Error, e, null);
            }

            Interlocked.Increment(ref loop.Done);
        }
    }

    private sealed class Loop(Action<int> body, int count)
    {
        public readonly Action<int> Body = body;
        public readonly int Count = count;
        public int Next;
        public int Done;
        public Exception? Error;
    }

    private void Work()
    {
        var seen = 0;
        while (true)
        {
            var spins = 0;
            while (Volatile.Read(ref _generation) == seen && !Volatile.Read(ref _disposed))
            {
                if (++spins < SpinIterations)
                {
                    Thread.SpinWait(20);
                    continue;
                }

                lock (_gate)
                {
                    _sleepers++;
                    while (_generation == seen && !_disposed)
                    {
                        Monitor.Wait(_gate);
                    }

                    _sleepers--;
                }
            }

            if (Volatile.Read(ref _disposed))
            {
                return;
            }

            seen = Volatile.Read(ref _generation);
            if (Volatile.Read(ref _loop) is { } loop)
            {
                Take(loop);
            }
        }
    }

    public void Dispose()
    {
        lock (_gate)
        {
            _disposed = true;
            Monitor.PulseAll(_gate);
        }

        foreach (var w in _workers)
        {
            w.Join();
        }
    }
}
