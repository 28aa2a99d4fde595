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
    /// <summary>"Message ids must be unique": on a retry this means the first attempt got through.</summary>
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
                return ToOutcome(item, await client.SendInteractionAsync(
                    InteractionMapper.ToDeliveryFailed(message, channel.ChannelAddressIdentifier, endUser), cancellationToken));
            case InboundKind.Status:
                var conversationIdentifier = conversation.ConversationIdentifier;
                if (conversationIdentifier is null)
                {
                    var established = await client.EstablishConversationAsync(
                        new ConversationRequest(channel.ChannelAddressIdentifier, [Participant.EndUser(endUser)]), cancellationToken);
                    if (!established.IsSuccess || established.Value?.ConversationIdentifier is not { } createdIdentifier)
                    {
                        return ToOutcome(item, established);
                    }

                    conversationIdentifier = createdIdentifier;
                    await conversations.SetConversationAsync(channel.Name, message.PlatformUserId, createdIdentifier,
                        established.Value.MessagingSessionId, cancellationToken);
                }

                return ToOutcome(item, await client.AcknowledgeAsync(
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

                return ToOutcome(item, result);
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

    private static DeliveryOutcome ToOutcome<T>(QueueItem item, ApiResult<T> result) =>
        !result.IsSuccess && result.ErrorCode == DuplicateMessageId && item.Attempts > 0 ? DeliveryOutcome.Succeeded : result.Outcome;
}
