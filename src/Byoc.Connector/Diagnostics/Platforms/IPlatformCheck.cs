namespace Byoc.Connector.Diagnostics.Platforms;

/// <summary>
/// A check of one configured channel on its messaging platform, with the connector's own platform client: it needs nothing
/// of the Salesforce org, so <c>byoc doctor</c> also runs it without one.
/// </summary>
public interface IPlatformCheck
{
    /// <summary>The check's short, stable name (<c>telegram-{channel}</c>), as <c>byoc doctor --json</c> prints it.</summary>
    string Name { get; }

    /// <summary>What the check looks at, as the report's line shows it.</summary>
    string Title { get; }

    /// <summary>Runs the check; a failure is a result with its fix, never an exception.</summary>
    Task<PlatformCheckResult> CheckAsync(CancellationToken cancellationToken);
}
