using Byoc.Core.Storage;

namespace Byoc.Storage.Sqlite;

/// <summary>
/// On SQLite the process that owns the file (<see cref="SqliteOwnerLock"/>) is the only instance, so it always leads; the
/// lock is taken here so that a second process fails before it subscribes.
/// </summary>
internal sealed class SqliteLeaderElection(SqliteDatabase database) : ILeaderElection
{
    public async Task<ILeadership?> TryAcquireAsync(string name, CancellationToken cancellationToken)
    {
        await using (await database.OpenAsync(cancellationToken))
        {
            // Opening takes the owner lock (or throws when another process has it).
        }

        return new SoleLeadership();
    }

    private sealed class SoleLeadership : ILeadership
    {
        public CancellationToken Lost => CancellationToken.None;

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
