using Byoc.Connector.Diagnostics.Platforms;
using Byoc.Setup.Checks;
using Microsoft.Extensions.Configuration;

namespace Byoc.Cli.Commands.Channels;

/// <summary>
/// One of the connector's platform checks (<see cref="PlatformChecks"/>) as a <c>byoc doctor</c> check: it needs nothing
/// of the org, so it also runs without one.
/// </summary>
internal sealed class PlatformDoctorCheck(IPlatformCheck check) : IDoctorCheck
{
    public string Name => check.Name;

    public string Title => check.Title;

    /// <summary>A doctor check for each Telegram, Twilio, WhatsApp, Messenger, Slack and LINE channel of <paramref name="configuration"/>.</summary>
    public static IReadOnlyList<PlatformDoctorCheck> From(IConfiguration configuration, HttpClient http) =>
        [.. PlatformChecks.From(configuration, http).Select(c => new PlatformDoctorCheck(c))];

    public Task<CheckResult> RunAsync(DoctorContext context, CancellationToken cancellationToken) => CheckAsync(cancellationToken);

    /// <summary>The check itself, without an org.</summary>
    public async Task<CheckResult> CheckAsync(CancellationToken cancellationToken)
    {
        var result = await check.CheckAsync(cancellationToken);
        return new CheckResult(result.Name, result.Title, Status(result.Status), result.Evidence, result.Fix);
    }

    private static CheckStatus Status(PlatformCheckStatus status) => status switch
    {
        PlatformCheckStatus.Pass => CheckStatus.Pass,
        PlatformCheckStatus.Fail => CheckStatus.Fail,
        PlatformCheckStatus.Skip => CheckStatus.Skip,
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, "Unknown platform check status."),
    };
}
