namespace Byoc.Connector.Storage;

/// <summary>Where the connector keeps its inbox, outbox, conversation map and checkpoints. Section <c>Connector:Storage</c>.</summary>
internal sealed class ConnectorStorageOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Connector:Storage";

    /// <summary>The store provider: <c>Sqlite</c> (one instance) or <c>Postgres</c> (several instances). <value>Default <c>Sqlite</c>.</value></summary>
    public string Provider { get; set; } = "Sqlite";

    /// <summary>The SQLite database file. <value>Default <c>.byoc/connector.db</c>.</value></summary>
    public string? Path { get; set; } = ".byoc/connector.db";

    /// <summary>
    /// SQLite's <c>PRAGMA synchronous</c>: <c>Normal</c> (a process crash loses nothing; a power cut may lose the last
    /// commits) or <c>Full</c> (every commit reaches the disk first, slower). <value>Default <c>Normal</c>.</value>
    /// </summary>
    public string Synchronous { get; set; } = "Normal";

    /// <summary>The PostgreSQL connection string, for <c>Provider = Postgres</c>. <value>Default: none.</value></summary>
    public string? ConnectionString { get; set; }
}
