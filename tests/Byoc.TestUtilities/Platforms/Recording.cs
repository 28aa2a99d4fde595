namespace Byoc.TestUtilities.Platforms;

/// <summary>
/// What a fake platform received or sent, in arrival order, with waits a test can await instead of sleeping.
/// Thread-safe: the fake appends from its request handlers while the test reads.
/// </summary>
/// <typeparam name="T">The recorded item.</typeparam>
public sealed class Recording<T>
{
    private readonly Lock _lock = new();
    private readonly List<T> _items = [];
    private readonly List<Waiter> _waiters = [];

    /// <summary>A snapshot of everything recorded so far.</summary>
    public IReadOnlyList<T> Items
    {
        get
        {
            lock (_lock)
            {
                return [.. _items];
            }
        }
    }

    /// <summary>How many items have been recorded so far.</summary>
    public int Count
    {
        get
        {
            lock (_lock)
            {
                return _items.Count;
            }
        }
    }

    /// <summary>
    /// Completes with the first item, already recorded or still to come, that matches <paramref name="predicate"/>.
    /// Bound it with <c>.WaitAsync(timeout, cancellationToken)</c> or a cancellation token.
    /// </summary>
    public Task<T> WaitForAsync(Func<T, bool> predicate, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(predicate);
        Waiter waiter;
        lock (_lock)
        {
            foreach (var item in _items)
            {
                if (predicate(item))
                {
                    return Task.FromResult(item);
                }
            }

            waiter = new Waiter(predicate);
            _waiters.Add(waiter);
        }

        return Await(waiter, cancellationToken);
    }

    /// <summary>Completes when at least <paramref name="count"/> items matching <paramref name="predicate"/> were recorded.</summary>
    public async Task<IReadOnlyList<T>> WaitForCountAsync(int count, Func<T, bool> predicate, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(predicate);
        var seen = 0;
        await WaitForAsync(item => predicate(item) && ++seen >= count, cancellationToken);
        lock (_lock)
        {
            return [.. _items.Where(predicate)];
        }
    }

    internal void Add(T item)
    {
        List<Waiter> matched = [];
        lock (_lock)
        {
            _items.Add(item);
            for (var i = _waiters.Count - 1; i >= 0; i--)
            {
                if (_waiters[i].Predicate(item))
                {
                    matched.Add(_waiters[i]);
                    _waiters.RemoveAt(i);
                }
            }
        }

        foreach (var waiter in matched)
        {
            waiter.Completion.TrySetResult(item);
        }
    }

    private async Task<T> Await(Waiter waiter, CancellationToken cancellationToken)
    {
        try
        {
            return await waiter.Completion.Task.WaitAsync(cancellationToken);
        }
        finally
        {
            lock (_lock)
            {
                _waiters.Remove(waiter);
            }
        }
    }

    private sealed class Waiter(Func<T, bool> predicate)
    {
        public Func<T, bool> Predicate { get; } = predicate;

        public TaskCompletionSource<T> Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
