namespace Byoc.Storage.Sqlite;

/// <summary>
/// SQLite's <c>PRAGMA synchronous</c> under WAL: <see cref="Normal"/> syncs at checkpoints only (a power cut may lose the
/// last commits, a process crash loses nothing); <see cref="Full"/> syncs the log at every commit.
/// </summary>
public enum SqliteSynchronous
{
    /// <summary><c>PRAGMA synchronous = NORMAL</c>.</summary>
    Normal,

    /// <summary><c>PRAGMA synchronous = FULL</c>.</summary>
    Full,
}
