using System.Text.Json.Nodes;
using Byoc.Setup.Org;

namespace Byoc.Setup.Steps;

/// <summary>
/// Guide step 5b: the channel routes to the agent (<c>SessionHandlerId</c> = the BotDefinition) with the fallback queue
/// (<c>FallbackQueueId</c>), set by a REST update of the MessagingChannel instead of the guide's anonymous Apex.
/// UNCONFIRMED: that a real org accepts the REST PATCH; it rests on the guide's Apex <c>update channel</c>, the same DML.
/// </summary>
internal sealed class RoutingStep : ISetupStep
{
    public string Title => "5b. Route the channel to the agent (SessionHandlerId, FallbackQueueId)";

    public async Task<StepPlan> PlanAsync(SetupContext context, CancellationToken cancellationToken)
    {
        var channel = await ChannelStep.FindAsync(context, cancellationToken);
        if (channel is null || context.AgentId is null || context.QueueId is null)
        {
            return StepPlan.Change($"set SessionHandlerId={context.AgentId ?? "(the agent)"} and FallbackQueueId={context.QueueId ?? "(the queue)"} once the channel exists");
        }

        var handlerOk = JsonFields.SameId(channel.Str("SessionHandlerId"), context.AgentId);
        var fallbackOk = JsonFields.SameId(channel.Str("FallbackQueueId"), context.QueueId);
        return handlerOk && fallbackOk
            ? StepPlan.Done($"SessionHandlerId={context.AgentId} ({context.Options.Agent}), FallbackQueueId={context.QueueId}.")
            : StepPlan.Change(
                $"set SessionHandlerId {channel.Str("SessionHandlerId") ?? "(none)"} → {context.AgentId}, FallbackQueueId {channel.Str("FallbackQueueId") ?? "(none)"} → {context.QueueId}");
    }

    public async Task ApplyAsync(SetupContext context, CancellationToken cancellationToken)
    {
        var channel = await ChannelStep.FindAsync(context, cancellationToken)
            ?? throw new InvalidOperationException($"MessagingChannel {context.Options.Channel} does not exist.");
        await context.Org.UpdateAsync("MessagingChannel", channel.Str("Id")!, new JsonObject
        {
            ["SessionHandlerId"] = context.AgentId,
            ["FallbackQueueId"] = context.QueueId,
        }, cancellationToken);
    }
}
