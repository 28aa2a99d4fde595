using Byoc.Core.Storage;
using Npgsql;

namespace Byoc.Storage.Postgres;

/// <summary>
/// Leader election on PostgreSQL with a session-level advisory lock (<c>pg_try_advisory_lock</c>) on a dedicated
/// connection: the lock lives exactly as long as the leader's session, so a leader that dies (crash, SIGKILL, lost
/// network) frees it when PostgreSQL ends the session, and a standby takes over on its next try. The key is derived from
/// the current schema and the name, so connectors on separate schemas of one database do not block each other. The
/// leader checks its session every <c>checkInterval</c> and reports a broken one through <see cref="ILeadership.Lost"/>.
/// </summary>
internal sealed class PostgresLeaderElection(PostgresDatabase database, TimeProvider timeProvider, TimeSpan checkInterval) : ILeaderElection
{
    /// <summary>The first key of the two-key advisory lock: "byoc" in ASCII (the schema lock uses a bigint key of its own).</summary>
    internal const int LockClass = 0x6279_6F63;

    private const string KeySql = "hashtext(current_schema() || '/' || @name)";

    public PostgresLeaderElection(PostgresDatabase database, TimeProvider timeProvider)
        : this(database, timeProvider, TimeSpan.FromSeconds(5))
    {
    }

    public async Task<ILeadership?> TryAcquireAsync(string name, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        var connection = await database.OpenDedicatedAsync(cancellationToken);
        try
        {
            await using var command = new NpgsqlCommand($"SELECT pg_try_advisory_lock({LockClass}, {KeySql})", connection);
            command.Parameters.AddWithValue("name", name);
            if (await command.ExecuteScalarAsync(cancellationToken) is true)
            {
                return new Leadership(connection, name, timeProvider, checkInterval);
            }
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }

        await connection.DisposeAsync();
        return null;
    }

    private sealed class Leadership : ILeadership
    {
        private readonly NpgsqlConnection _connection;
        private readonly string _name;
        private readonly CancellationTokenSource _lost = new();
        private readonly CancellationTokenSource _stop = new();
        private readonly Task _watch;

        public Leadership(NpgsqlConnection connection, string name, TimeProvider timeProvider, TimeSpan checkInterval)
        {
            _connection = connection;
            _name = name;
            _watch = WatchAsync(timeProvider, checkInterval);
        }

        public CancellationToken Lost => _lost.Token;

        public async ValueTask DisposeAsync()
        {
            await _stop.CancelAsync();
            await _watch;
            if (!_lost.IsCancellationRequested)
            {
                try
                {
                    await using var command = new NpgsqlCommand($"SELECT pg_advisory_unlock({LockClass}, {KeySql})", _connection);
                    command.Parameters.AddWithValue("name", _name);
                    await command.ExecuteNonQueryAsync(CancellationToken.None);
                }
                catch (Exception ex) when (ex is NpgsqlException or InvalidOperationException)
                {
                    // The session is gone, and the lock with it.
                }
            }

            await _connection.DisposeAsync();
            _lost.Dispose();
            _stop.Dispose();
        }

        private async Task WatchAsync(TimeProvider timeProvider, TimeSpan checkInterval)
        {
            try
            {
                while (true)
                {
                    await Task.Delay(checkInterval, timeProvider, _stop.Token);
                    await using var command = new NpgsqlCommand("SELECT 1", _connection);
                    await command.ExecuteScalarAsync(_stop.Token);
                }
            }
            catch (OperationCanceledException) when (_stop.IsCancellationRequested)
            {
                // Given up on purpose.
            }
            catch (Exception ex) when (ex is NpgsqlException or InvalidOperationException or IOException)
            {
                await _lost.CancelAsync();
            }
        }
    }
}
