namespace Byoc.Bench.Measurement;

/// <summary>
/// Samples the connector's OS process every quarter second and adds up across restarts: CPU time is the sum over every
/// process instance (the last sample before each was killed), peak memory the largest <c>VmHWM</c> of any instance.
/// </summary>
internal sealed class UsageMeter : IAsyncDisposable
{
    private static readonly TimeSpan s_interval = TimeSpan.FromMilliseconds(250);

    private readonly Lock _lock = new();
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;
    private int? _pid;
    private TimeSpan _finishedCpu;
    private TimeSpan _currentCpu;
    private long _peakBytes;

    public UsageMeter() => _loop = LoopAsync();

    /// <summary>Starts measuring a new process instance (after a start or restart).</summary>
    public void Track(int pid)
    {
        lock (_lock)
        {
            _finishedCpu += _currentCpu;
            _currentCpu = TimeSpan.Zero;
            _pid = pid;
        }

        Sample();
    }

    /// <summary>Reads the tracked process now (call it right before killing it).</summary>
    public void Sample()
    {
        int? pid;
        lock (_lock)
        {
            pid = _pid;
        }

        if (pid is not { } id || ProcessReader.Read(id) is not { } usage)
        {
            return;
        }

        lock (_lock)
        {
            if (_pid == id)
            {
                _currentCpu = usage.CpuTime;
                _peakBytes = Math.Max(_peakBytes, usage.PeakResidentBytes);
            }
        }
    }

    /// <summary>CPU time of every instance so far, and the largest peak resident memory.</summary>
    public ProcessUsage Total
    {
        get
        {
            Sample();
            lock (_lock)
            {
                return new ProcessUsage(_finishedCpu + _currentCpu, _peakBytes);
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _loop;
        _stop.Dispose();
    }

    private async Task LoopAsync()
    {
        using var timer = new PeriodicTimer(s_interval);
        try
        {
            while (await timer.WaitForNextTickAsync(_stop.Token))
            {
                Sample();
            }
        }
        catch (OperationCanceledException)
        {
            // Stopped.
        }
    }
}
