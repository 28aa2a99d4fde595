using System.Text.Json.Nodes;
using System.Xml.Linq;
using Byoc.Setup.Org;
using Byoc.Setup.Package;

namespace Byoc.Setup.Steps;

/// <summary>
/// Guide step 4: the BYOC messaging channel (<c>MessageType='Custom'</c>, active, bound to the provider's channel
/// definition). Missing, setup deploys a <c>MessagingChannel</c> component; UNCONFIRMED (interaction-service-api.md §7.3):
/// whether a real org accepts that. When the org refuses, setup prints the Setup click-path and stops, and a rerun resumes
/// here once the channel exists.
/// </summary>
internal sealed class ChannelStep : ISetupStep
{
    public string Title => "4. BYOC messaging channel";

    public async Task<StepPlan> PlanAsync(SetupContext context, CancellationToken cancellationToken)
    {
        var channel = await FindAsync(context, cancellationToken);
        var name = context.Options.Channel;
        if (channel is null)
        {
            return StepPlan.Change($"create MessagingChannel {name} (Custom, {context.Package.ChannelDefinition}) by Metadata deploy");
        }

        if (!string.Equals(channel.Str("MessageType"), "Custom", StringComparison.Ordinal))
        {
            return StepPlan.Failed($"MessagingChannel {name} has MessageType {channel.Str("MessageType")}, not Custom.",
                "Pass --channel with the developer name of your Bring Your Own Channel channel.");
        }

        return channel.Bool("IsActive")
            ? StepPlan.Done($"{name} ({channel.Str("Id")}) Custom, active, address {channel.Str("ChannelAddressIdentifier")}.")
            : StepPlan.Action($"{name} exists but IsActive=false.", $"Setup → Messaging Settings → {name} → Activate; then rerun byoc setup.");
    }

    public async Task ApplyAsync(SetupContext context, CancellationToken cancellationToken)
    {
        var md = MetadataZip.Md;
        var name = context.Options.Channel;
        var component = new MetadataComponent("MessagingChannel", name, $"messagingChannels/{name}.messagingChannel",
            new XElement(md + "MessagingChannel",
                new XElement(md + "conversationChannelDefinition", context.Package.ChannelDefinition),
                new XElement(md + "isActive", true),
                new XElement(md + "masterLabel", context.Options.ChannelLabel),
                new XElement(md + "messagingChannelType", "Custom")));
        try
        {
            await context.DeployAsync([component], cancellationToken);
        }
        catch (DeployFailedException ex)
        {
            throw new ActionRequiredException(
                $"The org did not create the channel by Metadata API ({string.Join("; ", ex.Result.Failures)}).", ClickPath(context));
        }
        catch (OrgApiException ex)
        {
            throw new ActionRequiredException($"The org refused the channel's Metadata deploy ({ex.Message}).", ClickPath(context));
        }
    }

    /// <summary>How a person creates the channel in Setup (the guide's step 4). UNCONFIRMED: the exact labels of the wizard.</summary>
    public static string ClickPath(SetupContext context) =>
        $"Setup → Quick Find 'Messaging Settings' → New Channel → Bring Your Own Channel → Start; " +
        $"Channel Name '{context.Options.ChannelLabel}', Developer Name '{context.Options.Channel}', " +
        $"Channel Definition '{context.Package.ChannelDefinition}' → Save → Activate. Then rerun byoc setup: it resumes here.";

    public static async Task<JsonObject?> FindAsync(SetupContext context, CancellationToken cancellationToken) =>
        (await context.Org.QueryAsync(
            "SELECT Id, DeveloperName, MessageType, IsActive, ChannelAddressIdentifier, SessionHandlerId, FallbackQueueId " +
            $"FROM MessagingChannel WHERE DeveloperName={Soql.Quote(context.Options.Channel)}", cancellationToken: cancellationToken)) is [var channel, ..]
            ? channel
            : null;
}
