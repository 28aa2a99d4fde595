namespace Byoc.Core.Storage;

/// <summary>
/// Picks the one connector instance that runs a job which must not run twice at a time (the Pub/Sub subscriber): the
/// instance that holds the named leadership runs it, the others stand by and try again, and take over when the leader dies.
/// </summary>
public interface ILeaderElection
{
    /// <summary>Becomes the leader for <paramref name="name"/>, or returns null when another instance leads.</summary>
    Task<ILeadership?> TryAcquireAsync(string name, CancellationToken cancellationToken);
}

/// <summary>A held leadership; disposing gives it up.</summary>
public interface ILeadership : IAsyncDisposable
{
    /// <summary>Cancelled when the leadership was lost without being given up (the database session holding it broke).</summary>
    CancellationToken Lost { get; }
}
