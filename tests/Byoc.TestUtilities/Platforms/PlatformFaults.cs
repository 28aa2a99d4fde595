namespace Byoc.TestUtilities.Platforms;

/// <summary>
/// Fault injection for a fake platform's outbound API: the next N calls (optionally of one operation only) fail
/// with a server error or a rate limit, in the platform's own error shape. Faults are taken in the order queued.
/// </summary>
public sealed class PlatformFaults
{
    private readonly Lock _lock = new();
    private readonly List<(PlatformFault Fault, string? Operation)> _queue = [];

    /// <summary>The next <paramref name="count"/> calls fail with <paramref name="statusCode"/> (default 500).</summary>
    /// <param name="count">How many calls fail.</param>
    /// <param name="statusCode">The HTTP status, usually 500, 502 or 503.</param>
    /// <param name="operation">Only calls of this operation (a Bot API method name such as <c>sendMessage</c>, or a
    /// Twilio resource such as <c>Messages</c>); any call when null.</param>
    public void FailNext(int count, int statusCode = 500, string? operation = null) =>
        Enqueue(count, new PlatformFault(statusCode), operation);

    /// <summary>The next <paramref name="count"/> calls are answered 429 asking the caller to wait <paramref name="retryAfter"/>.</summary>
    public void ThrottleNext(int count, TimeSpan retryAfter, string? operation = null) =>
        Enqueue(count, new PlatformFault(429, retryAfter), operation);

    /// <summary>Forgets every fault not yet taken.</summary>
    public void Clear()
    {
        lock (_lock)
        {
            _queue.Clear();
        }
    }

    internal bool TryTake(string operation, out PlatformFault fault)
    {
        lock (_lock)
        {
            var index = _queue.FindIndex(entry => entry.Operation is null
                || string.Equals(entry.Operation, operation, StringComparison.OrdinalIgnoreCase));
            if (index < 0)
            {
                fault = null!;
                return false;
            }

            fault = _queue[index].Fault;
            _queue.RemoveAt(index);
            return true;
        }
    }

    private void Enqueue(int count, PlatformFault fault, string? operation)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(count);
        lock (_lock)
        {
            for (var i = 0; i < count; i++)
            {
                _queue.Add((fault, operation));
            }
        }
    }
}
