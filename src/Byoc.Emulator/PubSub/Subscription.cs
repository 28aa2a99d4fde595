namespace Byoc.Emulator.PubSub;

/// <summary>The flow-control state of one Subscribe stream: pending credit and since when it has been zero.</summary>
internal sealed class Subscription(int initialCredit, DateTimeOffset now)
{
    private readonly Lock _lock = new();
    private int _credit = initialCredit;
    private TaskCompletionSource _requested = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public int Credit
    {
        get
        {
            lock (_lock)
            {
                return _credit;
            }
        }
    }

    /// <summary>When the credit last dropped to zero (the idle-close clock).</summary>
    public DateTimeOffset IdleSince { get; private set; } = now;

    public void Add(int numRequested)
    {
        TaskCompletionSource requested;
        lock (_lock)
        {
            _credit += numRequested;
            requested = _requested;
            _requested = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }

        requested.SetResult();
    }

    /// <summary>Consumes credit for delivered events and returns what remains.</summary>
    public int Take(int count, DateTimeOffset now)
    {
        lock (_lock)
        {
            _credit -= count;
            if (_credit <= 0)
            {
                IdleSince = now;
            }

            return _credit;
        }
    }

    /// <summary>Completes at the next FetchRequest.</summary>
    public Task NextRequestAsync()
    {
        lock (_lock)
        {
            return _requested.Task;
        }
    }
}
