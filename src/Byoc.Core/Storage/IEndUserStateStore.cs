namespace Byoc.Core.Storage;

/// <summary>
/// Small durable facts a channel keeps about one end user between messages (for example when they last wrote, or that
/// they opted out), keyed by (channel, platform user, key). Shared by every connector instance on the same database, so
/// the instance that receives a message and the one that sends the answer agree.
/// </summary>
public interface IEndUserStateStore
{
    /// <summary>The value stored under the key, or null.</summary>
    Task<string?> GetAsync(string channel, string platformUserId, string key, CancellationToken cancellationToken);

    /// <summary>Stores <paramref name="value"/> under the key, replacing what was there; null removes the key.</summary>
    Task SetAsync(string channel, string platformUserId, string key, string? value, CancellationToken cancellationToken);
}
