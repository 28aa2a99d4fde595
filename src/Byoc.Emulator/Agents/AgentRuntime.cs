using System.Text.Json.Nodes;
using Byoc.Emulator.Conversations;
using Byoc.Emulator.Org.Records;
using Byoc.Emulator.Routing;
using Microsoft.Extensions.Options;

namespace Byoc.Emulator.Agents;

/// <summary>
/// The Agentforce Service Agent simulator: one per active BotDefinition, scripted from its YAML definition or driven by
/// the LLM brain. It answers only while it owns the session: the ownership check and the publish happen inside the
/// <see cref="SessionGate"/>, so after a handoff (or while one runs) a reply is dropped, never sent.
/// </summary>
internal sealed partial class AgentRuntime(
    OrgStore store,
    OmniChannel omniChannel,
    SessionGate gate,
    RoutingAnnouncer announcer,
    ChannelSettings settings,
    IConversationEvents events,
    IChannelCapabilities capabilities,
    AgentDefinitionLoader definitions,
    ScriptedBrain scriptedBrain,
    LlmBrain llmBrain,
    IOptions<AgentOptions> options,
    TimeProvider timeProvider,
    ILogger<AgentRuntime> logger)
{
    private IAgentBrain Brain => options.Value.Llm.BaseUrl is null ? scriptedBrain : llmBrain;

    /// <summary>Handles one end-user entry of a session the agent <paramref name="botId"/> owns.</summary>
    public async ValueTask HandleAsync(string botId, InboundEntry entry, bool firstTurn, CancellationToken cancellationToken)
    {
        var address = entry.Address;
        var bot = store.Get(botId);
        var sender = EventSender.Agentforce(botId, bot?.GetString("MasterLabel") ?? bot?.GetString("DeveloperName") ?? "Agent");
        if (settings.InboundAcknowledgements(address.MessagingChannelId))
        {
            await events.PublishAsync(new AcknowledgementEvent(address, sender, AcknowledgementKind.Delivered, entry.EntryIdentifier), cancellationToken);
            await events.PublishAsync(new AcknowledgementEvent(address, sender, AcknowledgementKind.Read, entry.EntryIdentifier), cancellationToken);
        }

        var definition = definitions.Load(bot?.GetString("DeveloperName") ?? "Default");
        var text = string.IsNullOrWhiteSpace(entry.Text) ? "attachment" : entry.Text;
        var plan = await Brain.PlanAsync(
            new AgentTurn(definition, botId, address.MessagingSessionId, text, firstTurn, PickedOption(entry.Payload)), cancellationToken);

        if (plan.Progress is { } progress && capabilities.SupportsProgressIndicators(address.ChannelAddressIdentifier))
        {
            using (await gate.EnterAsync(address.MessagingSessionId, cancellationToken))
            {
                if (!Owns(botId, address))
                {
                    return;
                }

                await events.PublishAsync(new ProgressIndicatorEvent(address, sender, progress.Length > 255 ? progress[..255] : progress), cancellationToken);
            }
        }

        if (options.Value.ThinkTime > TimeSpan.Zero)
        {
            await Task.Delay(options.Value.ThinkTime, timeProvider, cancellationToken);
        }

        using (await gate.EnterAsync(address.MessagingSessionId, cancellationToken))
        {
            if (!Owns(botId, address))
            {
                return;
            }

            if (plan.Escalate)
            {
                await EscalateAsync(botId, sender, definition, plan, address, cancellationToken);
                return;
            }

            foreach (var reply in plan.Replies)
            {
                await SendAsync(sender, address, reply, cancellationToken);
            }
        }
    }

    private async ValueTask EscalateAsync(
        string botId, EventSender sender, AgentDefinition definition, AgentPlan plan, ConversationAddress address, CancellationToken cancellationToken)
    {
        var result = omniChannel.Escalate(address.MessagingSessionId, botId);
        if (!result.Succeeded)
        {
            Log.EscalationFailed(logger, address.MessagingSessionId, result.Status);
            await SendAsync(sender, address, new AgentReply(definition.Escalation.Unavailable), cancellationToken);
            return;
        }

        Brain.Forget(address.MessagingSessionId);
        foreach (var reply in plan.Replies)
        {
            await SendAsync(sender, address, reply, cancellationToken);
        }

        await announcer.EscalatedAsync(address, botId, result, cancellationToken);
        Log.Escalated(logger, address.MessagingSessionId, result.QueueId);
    }

    /// <summary>The option identifier of a <c>ChoicesResponseMessage</c> (the first selected option), else null.</summary>
    private static string? PickedOption(JsonObject payload) =>
        payload["abstractMessage"]?["choicesResponse"]?["selectedOptions"] is JsonArray { Count: > 0 } selected
        && selected[0] is JsonObject first && first["optionIdentifier"] is JsonValue identifier && identifier.TryGetValue<string>(out var value) ? value : null;

    private bool Owns(string botId, ConversationAddress address)
    {
        var owner = omniChannel.OwnerOf(address.MessagingSessionId);
        if (owner.Kind == SessionOwnerKind.Agent && owner.Id == botId)
        {
            return true;
        }

        Log.ReplyDropped(logger, address.MessagingSessionId, owner.Kind);
        return false;
    }

    private async ValueTask SendAsync(EventSender sender, ConversationAddress address, AgentReply reply, CancellationToken cancellationToken)
    {
        if (reply.Choices is { Count: > 0 } choices)
        {
            ChoicesFormat? format =
                choices.All(c => c.Slot is not null) && capabilities.SupportsMessage(address.ChannelAddressIdentifier, "ChoicesMessage", "TimePicker")
                    ? ChoicesFormat.TimePicker
                : capabilities.SupportsMessage(address.ChannelAddressIdentifier, "ChoicesMessage", "Buttons") ? ChoicesFormat.Buttons
                : capabilities.SupportsMessage(address.ChannelAddressIdentifier, "ChoicesMessage", "QuickReplies") ? ChoicesFormat.QuickReplies
                : null;
            if (format is { } structured)
            {
                await events.PublishAsync(new ChoicesMessageEvent(address, sender, structured, reply.Text, choices,
                    structured == ChoicesFormat.TimePicker ? reply.TimezoneOffset : null), cancellationToken);
                return;
            }

            await events.PublishAsync(new TextMessageEvent(
                address, sender, $"{reply.Text} ({string.Join(", ", choices.Select(c => c.Title))})"), cancellationToken);
            return;
        }

        await events.PublishAsync(new TextMessageEvent(address, sender, reply.Text), cancellationToken);
    }
}
