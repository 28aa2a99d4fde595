using Byoc.Connector.Attachments;
using Byoc.Connector.Diagnostics;
using Byoc.Connector.Salesforce;
using Byoc.Connector.Salesforce.Translation;
using Byoc.Connector.Salesforce.Wire;
using Byoc.Core.Delivery;
using Byoc.Core.Messages;
using Byoc.Core.Storage;
using Microsoft.Extensions.Options;

namespace Byoc.Connector.Pipeline;

/// <summary>
/// Forwards inbox rows to the Interaction Service API in per-conversation order: messages, typing indicators and
/// choice responses as interactions, platform Delivered/Read statuses as acknowledgements, and failures as
/// MessageDeliveryFailed.
/// </summary>
internal sealed class InboundForwarderWorker(
    IInboxStore inbox,
    InboxSignal signal,
    IConversationStore conversations,
    ChannelRegistry channels,
    InteractionServiceClient client,
    AttachmentFiles files,
    IOptions<DeliveryOptions> options,
    TimeProvider timeProvider,
    ConnectorMetrics metrics,
    ILogger<InboundForwarderWorker> logger) : QueueWorker(inbox, signal.Signal, options, timeProvider, metrics, logger)
{
    /// <summary>"Message ids must be unique": the org already holds this very entry (see <see cref="ToOutcome"/>).</summary>
    private const int DuplicateMessageId = 10073;

    protected override string QueueName => "inbox";

    protected override async Task<DeliveryOutcome> ProcessAsync(QueueItem item, CancellationToken cancellationToken)
    {
        var message = PipelineJson.Deserialize<InboundMessage>(item.Payload);
        if (channels.Find(message.Channel) is not { } channel)
        {
            return DeliveryOutcome.Permanent($"Channel '{message.Channel}' is no longer configured.");
        }

        var conversation = await conversations.GetOrAddAsync(channel.Name, message.PlatformUserId, channel.ChannelAddressIdentifier,
            EndUserIdentifiers.For(channel.Name, message.PlatformUserId), cancellationToken);
        // The identifier Salesforce already knows this end user by, as stored (earlier versions may have stored another form).
        var endUser = conversation.EndUserClientIdentifier;
        switch (message.Kind)
        {
            case InboundKind.Status when message.Status is DeliveryStatus.Failed:
                return ToOutcome(await client.SendInteractionAsync(
                    InteractionMapper.ToDeliveryFailed(message, channel.ChannelAddressIdentifier, endUser), cancellationToken));
            case InboundKind.Status:
                var conversationIdentifier = conversation.ConversationIdentifier;
                if (conversationIdentifier is null)
                {
                    var established = await client.EstablishConversationAsync(
                        new ConversationRequest(channel.ChannelAddressIdentifier, [Participant.EndUser(endUser)]), cancellationToken);
                    if (!established.IsSuccess || established.Value?.ConversationIdentifier is not { } createdIdentifier)
                    {
                        return ToOutcome(established);
                    }

                    conversationIdentifier = createdIdentifier;
                    await conversations.SetConversationAsync(channel.Name, message.PlatformUserId, createdIdentifier,
                        established.Value.MessagingSessionId, cancellationToken);
                }

                return ToOutcome(await client.AcknowledgeAsync(
                    InteractionMapper.ToAcknowledgement(message, conversationIdentifier, endUser), cancellationToken));
            default:
                var result = message.Kind == InboundKind.Attachment
                    ? await SendAttachmentAsync(message, channel.ChannelAddressIdentifier, endUser, cancellationToken)
                    : await client.SendInteractionAsync(
                        InteractionMapper.ToInteraction(message, channel.ChannelAddressIdentifier, endUser), cancellationToken);
                if (result.IsSuccess && result.Value?.ConversationIdentifier is { } identifier)
                {
                    await conversations.SetConversationAsync(channel.Name, message.PlatformUserId, identifier,
                        result.Value.WorkItemIds is [var first, ..] ? first : null, cancellationToken);
                }

                return ToOutcome(result);
        }
    }

    /// <summary>The stored file goes with the interaction; a file that is gone is a permanent failure.</summary>
    private async Task<ApiResult<PostInteractionResponse>> SendAttachmentAsync(InboundMessage message, string channelAddressIdentifier,
        string endUser, CancellationToken cancellationToken)
    {
        var attachment = message.Attachment!;
        if (await files.FindAsync(attachment.FileId, cancellationToken) is not { } file)
        {
            return new ApiResult<PostInteractionResponse>
            {
                Outcome = DeliveryOutcome.Permanent($"The file {attachment.FileId} of the attachment is no longer stored."),
            };
        }

        return await client.SendAttachmentAsync(InteractionMapper.ToAttachment(message, channelAddressIdentifier, endUser),
            new InteractionFile(attachment.Name, attachment.MimeType, () => files.OpenRead(file)), cancellationToken);
    }

    /// <summary>
    /// The outcome of one call, with 10073 as accepted. Entry ids derive from the inbox key (<c>EntryIds</c>) and the inbox
    /// holds each key once, so a repeated id can only be an earlier attempt of this item that reached the org: one whose
    /// answer was lost, or one in flight when the process was killed, which left no attempt on the row (the soak found
    /// one dead letter per SIGKILL while the attempt count was the test).
    /// </summary>
    internal static DeliveryOutcome ToOutcome<T>(ApiResult<T> result) =>
        !result.IsSuccess && result.ErrorCode == DuplicateMessageId ? DeliveryOutcome.Succeeded : result.Outcome;
}
