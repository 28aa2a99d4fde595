namespace Byoc.Connector.Hosting;

/// <summary>How the connector's host reads its configuration; see docs/connector.md, "Configuration sources".</summary>
public sealed record ConnectorHostSettings
{
    /// <summary>Command-line style configuration arguments (<c>--Connector:Salesforce:OrgId=…</c>), the strongest source.</summary>
    /// <value>The default is none.</value>
    public IReadOnlyList<string> Args { get; init; } = [];

    /// <summary>
    /// A JSON configuration file read after <c>appsettings.json</c> and before environment variables (<c>byoc connector
    /// --config</c> or <c>BYOC_CONFIG</c>); it must exist. Relative paths are taken from the working directory.
    /// </summary>
    /// <value>The default is null: only <c>appsettings.json</c> and <c>appsettings.{Environment}.json</c>, when present.</value>
    public string? ConfigFile { get; init; }

    /// <summary>
    /// Re-read the JSON configuration files when they change, by polling those files alone (every 4 s; no folder is
    /// watched). Only what the connector reads live takes effect: the <c>Logging</c> section. Everything under
    /// <c>Connector</c> is read once at start and needs a restart.
    /// </summary>
    /// <value>The default is false: nothing is watched.</value>
    public bool ReloadOnChange { get; init; }
}
