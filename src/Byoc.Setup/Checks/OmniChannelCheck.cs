using Byoc.Setup.Org;

namespace Byoc.Setup.Checks;

/// <summary>
/// Omni-Channel is enabled (guide step 2: "Omni-Channel Settings shows Omni-Channel is enabled"): without it no
/// messaging session is routed to the agent or the fallback queue.
/// </summary>
internal sealed class OmniChannelCheck : IDoctorCheck
{
    public string Name => "omni-channel";

    public string Title => "Omni-Channel enabled";

    public async Task<CheckResult> RunAsync(DoctorContext context, CancellationToken cancellationToken)
    {
        var setting = await OmniChannelSetting.ReadAsync(context.Org, cancellationToken);
        return setting.Enabled
            ? new CheckResult(Name, Title, CheckStatus.Pass, setting.Evidence)
            : new CheckResult(Name, Title, CheckStatus.Fail, $"{setting.Evidence} Sessions are not routed while Omni-Channel is off.",
                "Setup → Omni-Channel Settings → Enable Omni-Channel (or run byoc setup, which deploys the OmniChannel settings).");
    }
}
