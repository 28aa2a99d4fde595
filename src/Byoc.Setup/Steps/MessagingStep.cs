using Byoc.Setup.Org;
using Byoc.Setup.Package;

namespace Byoc.Setup.Steps;

/// <summary>
/// Guide step 2: Messaging is on, shown by the <c>sfdc_livemessage</c> service channel Salesforce creates when Digital
/// Engagement is enabled (switched on in Setup, not by API); and Omni-Channel is on, read back from
/// <c>OmniChannelSettings</c> and, when off, switched on by deploying the provider package's <c>OmniChannel</c> settings.
/// </summary>
internal sealed class MessagingStep : ISetupStep
{
    public string Title => "2. Messaging and Omni-Channel";

    public async Task<StepPlan> PlanAsync(SetupContext context, CancellationToken cancellationToken)
    {
        var channels = await context.Org.QueryAsync(
            "SELECT Id, DeveloperName, RelatedEntity FROM ServiceChannel WHERE DeveloperName='sfdc_livemessage' LIMIT 1", cancellationToken: cancellationToken);
        if (channels is not [var channel])
        {
            return StepPlan.Action("No ServiceChannel sfdc_livemessage: Messaging is not enabled.",
                "Setup → Quick Find 'Messaging Settings' → turn Messaging on; then rerun byoc setup.");
        }

        var messaging = $"ServiceChannel sfdc_livemessage ({channel["Id"]}) routes {channel["RelatedEntity"]}.";
        var omniChannel = await OmniChannelSetting.ReadAsync(context.Org, cancellationToken);
        return omniChannel.Enabled
            ? StepPlan.Done($"{messaging} Omni-Channel already enabled ({omniChannel.Evidence.TrimEnd('.')}).")
            : StepPlan.Change($"deploy {OmniChannelComponent(context).ZipPath} to enable Omni-Channel ({omniChannel.Evidence.TrimEnd('.')})");
    }

    public Task ApplyAsync(SetupContext context, CancellationToken cancellationToken) =>
        context.DeployAsync([OmniChannelComponent(context)], cancellationToken);

    private static MetadataComponent OmniChannelComponent(SetupContext context) =>
        context.Package.Find("Settings", OmniChannelSetting.FullName);
}
