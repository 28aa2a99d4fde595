using Byoc.Storage.Sqlite;

namespace Byoc.Storage;

/// <summary>
/// Where the durable stores live: one SQLite file (one process per file) or one PostgreSQL database (several instances).
/// Made with <see cref="Sqlite"/> or <see cref="Postgres"/>; handed to
/// <see cref="StorageServiceCollectionExtensions.AddDurableStores"/>.
/// </summary>
public sealed record StorageLocation
{
    private StorageLocation()
    {
    }

    /// <summary>The SQLite database file, or null for PostgreSQL.</summary>
    public string? SqlitePath { get; private init; }

    /// <summary>SQLite's <c>PRAGMA synchronous</c> mode (ignored for PostgreSQL).</summary>
    public SqliteSynchronous Synchronous { get; private init; }

    /// <summary>The PostgreSQL connection string, or null for SQLite.</summary>
    public string? PostgresConnectionString { get; private init; }

    /// <summary>Whether the stores are on PostgreSQL.</summary>
    public bool IsPostgres => PostgresConnectionString is not null;

    /// <summary>The stores in one SQLite file (created with its directory when first used).</summary>
    /// <param name="path">The database file.</param>
    /// <param name="synchronous">The <c>PRAGMA synchronous</c> mode.</param>
    public static StorageLocation Sqlite(string path, SqliteSynchronous synchronous = SqliteSynchronous.Normal)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        return new StorageLocation { SqlitePath = path, Synchronous = synchronous };
    }

    /// <summary>The stores in one PostgreSQL database (the schema is created when first used).</summary>
    /// <param name="connectionString">The Npgsql connection string.</param>
    public static StorageLocation Postgres(string connectionString)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        return new StorageLocation { PostgresConnectionString = connectionString };
    }
}
