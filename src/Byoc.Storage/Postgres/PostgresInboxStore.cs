using Byoc.Core.Storage;

namespace Byoc.Storage.Postgres;

/// <summary>The inbox on PostgreSQL.</summary>
internal sealed class PostgresInboxStore(PostgresDatabase database, TimeProvider timeProvider)
    : PostgresWorkQueue(database, timeProvider, "inbox"), IInboxStore;
