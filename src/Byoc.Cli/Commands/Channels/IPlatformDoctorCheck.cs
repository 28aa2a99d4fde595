using Byoc.Setup.Checks;

namespace Byoc.Cli.Commands.Channels;

/// <summary>A doctor check of one channel on its messaging platform: it needs nothing of the org, so it also runs without one.</summary>
internal interface IPlatformDoctorCheck : IDoctorCheck
{
    /// <summary>The check itself, without an org.</summary>
    Task<CheckResult> CheckAsync(CancellationToken cancellationToken);
}
