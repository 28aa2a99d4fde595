using System.Diagnostics;
using Npgsql;

namespace Byoc.Storage.Postgres;

/// <summary>
/// Marks the lease owners of this process as alive: one session-level advisory lock per owner, held on a dedicated
/// connection for the life of the process. When the process dies, PostgreSQL ends the session and the locks go with it,
/// so other instances can take that owner's leased rows at once instead of waiting for the lease to run out (see
/// <see cref="PostgresWorkQueue.ClaimAsync"/>). The key is a 64-bit hash of the current schema and the owner; should two
/// owners ever share one, the second is not marked and its rows simply wait for their lease, as without this class.
/// </summary>
internal sealed class PostgresOwnerLocks(PostgresDatabase database) : IAsyncDisposable
{
    /// <summary>The advisory lock key of an owner, in SQL; <c>@owner</c> or a column in its place.</summary>
    internal static string KeySql(string owner) => $"hashtextextended(current_schema() || '/owner/' || {owner}, 0)";

    /// <summary>True in SQL when a live session holds the owner's lock (pg_locks shows a bigint key as two halves).</summary>
    internal static string AliveSql(string owner) => $"""
        EXISTS (SELECT 1 FROM pg_locks AS l
                WHERE l.locktype = 'advisory' AND l.granted AND l.objsubid = 1
                  AND l.classid = ((({KeySql(owner)}) >> 32) & 4294967295)::oid
                  AND l.objid = (({KeySql(owner)}) & 4294967295)::oid)
        """;

    /// <summary>How long a verified session is trusted before the next claim checks it again.</summary>
    private static readonly TimeSpan s_verifyInterval = TimeSpan.FromSeconds(5);

    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly HashSet<string> _held = [];
    private NpgsqlConnection? _connection;
    private long _verifiedAt;

    /// <summary>
    /// Takes the owner's lock unless this process holds it already, and checks the dedicated session every few seconds.
    /// Throws when the session is gone; the next call opens a new one. Claims also require the claimer's lock to be
    /// held, so a process whose session died claims nothing until it holds its locks again.
    /// </summary>
    public async Task HoldAsync(string owner, CancellationToken cancellationToken)
    {
        if (IsHeld(owner) && Stopwatch.GetElapsedTime(Interlocked.Read(ref _verifiedAt)) < s_verifyInterval)
        {
            return;
        }

        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (_connection is null)
            {
                _connection = await database.OpenDedicatedAsync(cancellationToken);
            }
            else if (Stopwatch.GetElapsedTime(Interlocked.Read(ref _verifiedAt)) >= s_verifyInterval)
            {
                await using var ping = new NpgsqlCommand("SELECT 1", _connection);
                await ping.ExecuteScalarAsync(cancellationToken);
            }

            if (!IsHeld(owner))
            {
                // False only when another live session holds the same hash: then that session keeps the key alive.
                await using var command = new NpgsqlCommand($"SELECT pg_try_advisory_lock({KeySql("@owner")})", _connection);
                command.Parameters.AddWithValue("owner", owner);
                await command.ExecuteScalarAsync(cancellationToken);
                lock (_held)
                {
                    _held.Add(owner);
                }
            }

            Interlocked.Exchange(ref _verifiedAt, Stopwatch.GetTimestamp());
        }
        catch (Exception ex) when (ex is NpgsqlException or IOException or InvalidOperationException)
        {
            await ResetAsync();
            throw;
        }
        finally
        {
            _gate.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await ResetAsync();
        _gate.Dispose();
    }

    private bool IsHeld(string owner)
    {
        lock (_held)
        {
            return _held.Contains(owner);
        }
    }

    private async Task ResetAsync()
    {
        lock (_held)
        {
            _held.Clear();
        }

        if (Interlocked.Exchange(ref _connection, null) is { } old)
        {
            await old.DisposeAsync();
        }
    }
}
