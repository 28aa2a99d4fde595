using System.Text.Json.Nodes;
using Byoc.Connector.Channels.Telegram;
using Byoc.Connector.Channels.Twilio;
using Byoc.Core.Channels;
using Byoc.Core.Delivery;
using Byoc.Core.Messages;

namespace Byoc.Connector.Channels.Meta;

/// <summary>
/// Sends outbound messages through the Cloud API: text split at 4,096 characters, choices as reply buttons or a list
/// when they fit (<see cref="WhatsAppInteractive"/>), else as numbered text answered by typing (remembered in
/// <see cref="PendingChoices"/> either way, as typed answers count too). Every message carries the entry id in
/// <c>biz_opaque_callback_data</c> so its statuses find their entry. Outside the customer-service window (from the end
/// user's last message) a message goes as the configured template or fails naming the window. Typing and progress mark
/// the end user's last message read with the typing indicator. Every send waits its turn per end user and per number.
/// </summary>
internal sealed class WhatsAppOutboundAdapter(
    WhatsAppGraphApi api,
    WhatsAppEndpointOptions settings,
    WhatsAppEndUsers endUsers,
    TelegramRateLimiter limiter,
    TelegramSendProgress progress,
    PendingChoices pendingChoices,
    TimeProvider timeProvider) : IOutboundChannelAdapter
{
    /// <summary>The longest text message body the Cloud API takes.</summary>
    public const int MaxTextLength = 4096;

    // biz_opaque_callback_data is at most 512 characters.
    private const int MaxCallbackData = 512;

    public async Task<DeliveryOutcome> SendAsync(OutboundMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        var user = message.PlatformUserId;
        if (message.Kind is OutboundKind.TypingStarted or OutboundKind.Progress)
        {
            await ShowTypingAsync(user, cancellationToken);
            return DeliveryOutcome.Succeeded;
        }

        if (message.Kind == OutboundKind.TypingStopped)
        {
            // WhatsApp has no "stopped typing": the indicator clears on the next message or after 25 seconds.
            return DeliveryOutcome.Succeeded;
        }

        if (message.Kind == OutboundKind.Attachment)
        {
            return DeliveryOutcome.Permanent("The WhatsApp channel does not send files yet; the agent's file was not delivered.");
        }

        var text = message.Kind switch
        {
            OutboundKind.Choices => TextRendering.Choices(message),
            OutboundKind.ParticipantChanged => ParticipantNotices.Render(message, settings.ParticipantJoinedText, settings.ParticipantLeftText),
            _ => TextRendering.WithLinks(message.Text, message.Links),
        };
        if (await endUsers.LastMessageInWindowAsync(user, settings.CustomerServiceWindow, cancellationToken) is null)
        {
            return await SendTemplateAsync(message, text, cancellationToken);
        }

        if (message.Kind == OutboundKind.Choices)
        {
            await pendingChoices.OfferAsync(message, cancellationToken);
            if (WhatsAppInteractive.Build(message) is { } interactive)
            {
                return await SendOneAsync(message, "interactive", interactive, cancellationToken);
            }
        }

        var parts = TwilioText.Split(text, MaxTextLength);
        var key = $"{message.Kind}:{message.EntryIdentifier}";
        for (var index = progress.Sent(key); index < parts.Count; index++)
        {
            var outcome = await SendOneAsync(message, "text", new JsonObject { ["body"] = parts[index], ["preview_url"] = false }, cancellationToken);
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
        if (settings.WindowTemplateName is not { } name)
        {
            return DeliveryOutcome.Permanent($"The end user's WhatsApp 24-hour customer-service window is closed (last message more than "
                + $"{settings.CustomerServiceWindow.TotalHours:0.#} h ago, or none) and no WindowTemplateName is configured.");
        }

        // A template body parameter may not hold new lines or tabs, nor more than four spaces in a row (Graph error 132018).
        var parameter = string.Join(' ', text.Split((char[])['\n', '\r', '\t', ' '], StringSplitOptions.RemoveEmptyEntries));
        var template = new JsonObject
        {
            ["name"] = name,
            ["language"] = new JsonObject { ["code"] = settings.WindowTemplateLanguage },
            ["components"] = new JsonArray(new JsonObject
            {
                ["type"] = "body",
                ["parameters"] = new JsonArray(new JsonObject { ["type"] = "text", ["text"] = parameter[..Math.Min(parameter.Length, WhatsAppInteractive.MaxBody)] }),
            }),
        };
        return await SendOneAsync(message, "template", template, cancellationToken);
    }

    private async Task<DeliveryOutcome> SendOneAsync(OutboundMessage message, string type, JsonObject content, CancellationToken cancellationToken)
    {
        if (!limiter.TryReserve(message.PlatformUserId, settings.MaxRateLimitWait, out var wait))
        {
            return DeliveryOutcome.Retryable($"The WhatsApp channel's rate limit allows the next message in {wait.TotalSeconds:0.#} s.", wait);
        }

        if (wait > TimeSpan.Zero)
        {
            await Task.Delay(wait, timeProvider, cancellationToken);
        }

        var body = new JsonObject
        {
            ["messaging_product"] = "whatsapp",
            ["recipient_type"] = "individual",
            ["to"] = message.PlatformUserId,
            ["type"] = type,
            [type] = content,
        };
        if (message.EntryIdentifier.Length <= MaxCallbackData)
        {
            body["biz_opaque_callback_data"] = message.EntryIdentifier;
        }

        return (await api.SendAsync(body, cancellationToken)).Outcome;
    }

    /// <summary>
    /// Marks the end user's last message read and shows the typing indicator, in one call; only inside the window (there
    /// is nothing to answer outside it). A refusal is left alone: it is a hint.
    /// </summary>
    private async Task ShowTypingAsync(string user, CancellationToken cancellationToken)
    {
        if (settings.TypingIndicators
            && await endUsers.LastMessageInWindowAsync(user, settings.CustomerServiceWindow, cancellationToken) is { Length: > 0 } wamid)
        {
            await api.SendAsync(new JsonObject
            {
                ["messaging_product"] = "whatsapp",
                ["status"] = "read",
                ["message_id"] = wamid,
                ["typing_indicator"] = new JsonObject { ["type"] = "text" },
            }, cancellationToken);
        }
    }
}
