using System.Text.Json;
using Byoc.Connector.Channels.Telegram;
using Byoc.Core.Channels;
using Byoc.Core.Delivery;
using Byoc.Core.Messages;

namespace Byoc.Connector.Channels.Twilio;

/// <summary>
/// Sends outbound messages as Twilio messages: text split at 1,600 characters, choices as numbered text answered by
/// typing (remembered in <see cref="PendingChoices"/>), each send with a status callback to
/// <c>{public}/channels/{name}/status?entry={entry id}</c> when a public base URL is configured. Every send waits its turn per end user and per channel. On
/// WhatsApp, outside the customer-service window (from the end user's last message), a
/// message goes as the configured template or fails naming the window. An end user who sent STOP gets nothing until START.
/// Typing indicators are not sent: Twilio's WhatsApp typing indicator is a public beta tied to an inbound message id.
/// </summary>
internal sealed class TwilioOutboundAdapter(
    string channel,
    TwilioApi api,
    TwilioEndpointOptions settings,
    Uri? publicBaseUrl,
    TwilioEndUsers endUsers,
    TelegramRateLimiter limiter,
    TelegramSendProgress progress,
    PendingChoices pendingChoices,
    TimeProvider timeProvider) : IOutboundChannelAdapter
{
    /// <summary>Twilio error 21610: the recipient replied STOP.</summary>
    internal const int Unsubscribed = 21610;

    public async Task<DeliveryOutcome> SendAsync(OutboundMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        switch (message.Kind)
        {
            case OutboundKind.TypingStarted or OutboundKind.TypingStopped or OutboundKind.Progress:
                return DeliveryOutcome.Succeeded;
            case OutboundKind.Attachment:
                return DeliveryOutcome.Permanent("The Twilio channel does not send files yet; the agent's attachment was not delivered.");
        }

        if (settings.HonorOptOut && endUsers.IsOptedOut(message.PlatformUserId))
        {
            return DeliveryOutcome.Permanent("The end user opted out with STOP; nothing is sent until they send START.");
        }

        string text;
        switch (message.Kind)
        {
            case OutboundKind.Choices:
                await pendingChoices.OfferAsync(message, cancellationToken);
                text = TextRendering.Choices(message);
                break;
            case OutboundKind.ParticipantChanged:
                text = ParticipantNotices.Render(message, settings.ParticipantJoinedText, settings.ParticipantLeftText);
                break;
            default:
                text = TextRendering.WithLinks(message.Text, message.Links);
                break;
        }

        if (string.IsNullOrWhiteSpace(text))
        {
            // Twilio refuses a message with no body, media or content (error 21602); there is nothing to show.
            return DeliveryOutcome.Succeeded;
        }

        var whatsApp = settings.Kind == TwilioChannelKind.WhatsApp;
        if (whatsApp && !endUsers.InWindow(message.PlatformUserId, settings.CustomerServiceWindow))
        {
            return await SendTemplateAsync(message, text, cancellationToken);
        }

        var parts = TwilioText.Split(text);
        var key = $"{message.Kind}:{message.EntryIdentifier}";
        for (var index = progress.Sent(key); index < parts.Count; index++)
        {
            // Twilio reports 63016 (outside the window) later, in the status callback: TwilioInboundAdapter maps it.
            var (outcome, _) = await SendAsync(message, [new("Body", parts[index])], cancellationToken);
            if (!outcome.IsSuccess)
            {
                if (outcome.Kind == DeliveryOutcomeKind.Permanent)
                {
                    progress.Done(key);
                }

                return outcome;
            }

            progress.Record(key, index + 1);
        }

        progress.Done(key);
        return DeliveryOutcome.Succeeded;
    }

    private async Task<DeliveryOutcome> SendTemplateAsync(OutboundMessage message, string text, CancellationToken cancellationToken)
    {
        if (settings.WindowTemplateContentSid is not { } contentSid)
        {
            return DeliveryOutcome.Permanent($"The end user's WhatsApp 24-hour customer-service window is closed (last message more than "
                + $"{settings.CustomerServiceWindow.TotalHours:0.#} h ago, or none since the connector started) and no WindowTemplateContentSid is configured.");
        }

        var variables = JsonSerializer.Serialize(new Dictionary<string, string> { ["1"] = text[..Math.Min(text.Length, TwilioText.MaxLength)] });
        var (outcome, _) = await SendAsync(message, [new("ContentSid", contentSid), new("ContentVariables", variables)], cancellationToken);
        return outcome;
    }

    private async Task<(DeliveryOutcome Outcome, int? Code)> SendAsync(OutboundMessage message, KeyValuePair<string, string>[] content,
        CancellationToken cancellationToken)
    {
        if (!limiter.TryReserve(message.PlatformUserId, settings.MaxRateLimitWait, out var wait))
        {
            return (DeliveryOutcome.Retryable($"The Twilio channel's rate limit allows the next message in {wait.TotalSeconds:0.#} s.", wait), null);
        }

        if (wait > TimeSpan.Zero)
        {
            await Task.Delay(wait, timeProvider, cancellationToken);
        }

        List<KeyValuePair<string, string>> fields =
        [
            new("To", message.PlatformUserId),
            settings.MessagingServiceSid is { } service ? new("MessagingServiceSid", service) : new("From", settings.Address!),
            .. content,
        ];
        if (publicBaseUrl is not null)
        {
            fields.Add(new("StatusCallback", TwilioInboundAdapter.WebhookUrl(publicBaseUrl, channel, TwilioInboundAdapter.StatusPath).AbsoluteUri
                + $"?entry={Uri.EscapeDataString(message.EntryIdentifier)}"));
        }

        var result = await api.CreateMessageAsync(fields, cancellationToken);
        if (result.Code == Unsubscribed)
        {
            endUsers.OptOut(message.PlatformUserId, optedOut: true);
        }

        return result;
    }
}
