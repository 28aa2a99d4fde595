using Byoc.Core.Storage;

namespace Byoc.Storage.Sqlite;

/// <summary>The inbox on SQLite.</summary>
internal sealed class SqliteInboxStore(SqliteDatabase database, TimeProvider timeProvider)
    : SqliteWorkQueue(database, timeProvider, "inbox"), IInboxStore;
