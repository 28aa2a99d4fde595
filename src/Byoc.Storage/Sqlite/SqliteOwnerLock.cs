namespace Byoc.Storage.Sqlite;

/// <summary>
/// An exclusive lock on <c>{database}.lock</c> for as long as one connector process uses the SQLite file. The operating
/// system drops it when the process ends, however it ends (SIGKILL included), so whoever holds it knows that no other
/// process works on the file and that every lease in it belongs to a process that is gone.
/// </summary>
internal sealed class SqliteOwnerLock : IDisposable
{
    private readonly FileStream _file;

    private SqliteOwnerLock(FileStream file) => _file = file;

    /// <summary>Takes the lock or throws, naming the file, when another process (or another store in this one) holds it.</summary>
    public static SqliteOwnerLock Acquire(string databasePath)
    {
        var path = databasePath + ".lock";
        try
        {
            // FileShare.None is an exclusive flock(2) on Unix and a share-mode lock on Windows; both end with the process.
            return new SqliteOwnerLock(new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None));
        }
        catch (IOException ex)
        {
            throw new InvalidOperationException(
                $"The SQLite database '{databasePath}' is in use by another connector (lock file '{path}'). SQLite serves one connector " +
                "process; run several instances on PostgreSQL (Connector:Storage:Provider=Postgres).", ex);
        }
    }

    public void Dispose() => _file.Dispose();
}
