namespace Byoc.TestUtilities.Platforms.Slack;

/// <summary>Queued <c>ok: false</c> answers for a Web API method's next calls (for example <c>channel_not_found</c>).</summary>
public sealed class SlackErrors
{
    private readonly Lock _lock = new();
    private readonly List<(string Method, string Error)> _queue = [];

    /// <summary>The next call of <paramref name="method"/> is answered <c>{"ok": false, "error": <paramref name="error"/>}</c>.</summary>
    public void Next(string method, string error)
    {
        lock (_lock)
        {
            _queue.Add((method, error));
        }
    }

    internal bool TryTake(string method, out string error)
    {
        lock (_lock)
        {
            var index = _queue.FindIndex(e => e.Method == method);
            error = index < 0 ? "" : _queue[index].Error;
            if (index >= 0)
            {
                _queue.RemoveAt(index);
            }

            return index >= 0;
        }
    }
}
