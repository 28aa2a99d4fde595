namespace Byoc.Connector.Diagnostics.Platforms;

/// <summary>What one <see cref="IPlatformCheck"/> found.</summary>
/// <param name="Name">The check's name.</param>
/// <param name="Title">What the check looks at.</param>
/// <param name="Status">Passed, failed or skipped.</param>
/// <param name="Evidence">What the platform answered, in a sentence.</param>
/// <param name="Fix">What to do when the check failed; null when there is nothing to do.</param>
public sealed record PlatformCheckResult(string Name, string Title, PlatformCheckStatus Status, string Evidence, string? Fix = null);
