namespace Byoc.Emulator.Routing;

/// <summary>
/// Serializes the steps that decide who speaks in a session: the agent checks that it still owns the session and
/// publishes its reply inside the gate, and every transition that takes the session away from the agent (escalation,
/// end, inactivity) runs inside it too, so the agent can never answer after a handoff. Striped, so it never grows.
/// </summary>
internal sealed class SessionGate
{
    private readonly SemaphoreSlim[] _stripes = [.. Enumerable.Range(0, 64).Select(_ => new SemaphoreSlim(1, 1))];

    public async ValueTask<Releaser> EnterAsync(string sessionId, CancellationToken cancellationToken)
    {
        var stripe = _stripes[(StringComparer.Ordinal.GetHashCode(sessionId) & int.MaxValue) % _stripes.Length];
        await stripe.WaitAsync(cancellationToken);
        return new Releaser(stripe);
    }

    /// <summary>Leaves the gate when disposed.</summary>
    internal readonly struct Releaser(SemaphoreSlim stripe) : IDisposable
    {
        public void Dispose() => stripe.Release();
    }
}
