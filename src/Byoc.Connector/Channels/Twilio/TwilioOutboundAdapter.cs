using System.Text.Json;
using Byoc.Connector.Attachments;
using Byoc.Connector.Channels.Sending;
using Byoc.Core.Channels;
using Byoc.Core.Delivery;
using Byoc.Core.Messages;

namespace Byoc.Connector.Channels.Twilio;

/// <summary>
/// Sends outbound messages as Twilio messages: text split at 1,600 characters, choices on WhatsApp as quick-reply
/// buttons (<see cref="TwilioQuickReplies"/>) when they fit, else (and on SMS) as numbered text answered by typing
/// (remembered in <see cref="PendingChoices"/>), files as <c>MediaUrl</c> links to the connector's signed,
/// expiring file links (one file a message, the text with the first), each send with a status callback to
/// <c>{public}/channels/{name}/status?entry={entry id}</c> when a public base URL is configured. Every send waits its turn
/// per end user and per channel. On WhatsApp, outside the customer-service window (from the end user's last message), a
/// message goes as the configured template or fails naming the window. An end user who sent STOP gets nothing until
/// START. On WhatsApp, typing and progress show Twilio's typing indicator for the end user's last message.
/// </summary>
internal sealed class TwilioOutboundAdapter(
    string channel,
    TwilioApi api,
    TwilioEndpointOptions settings,
    Uri? publicBaseUrl,
    FileLinks? links,
    TwilioEndUsers endUsers,
    TwilioQuickReplies quickReplies,
    SendRateLimiter limiter,
    PartProgress progress,
    PendingChoices pendingChoices,
    OutboundFileFetcher fetcher,
    TimeProvider timeProvider) : IOutboundChannelAdapter
{
    /// <summary>Twilio error 21610: the recipient replied STOP.</summary>
    internal const int Unsubscribed = 21610;

    private const long Megabyte = 1024 * 1024;

    private bool WhatsApp => settings.Kind == TwilioChannelKind.WhatsApp;

    public async Task<DeliveryOutcome> SendAsync(OutboundMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (message.Kind is OutboundKind.TypingStarted or OutboundKind.Progress)
        {
            await ShowTypingAsync(message.PlatformUserId, cancellationToken);
            return DeliveryOutcome.Succeeded;
        }

        if (message.Kind == OutboundKind.TypingStopped)
        {
            // Twilio has no "stopped typing": WhatsApp clears the indicator on the next message or after 25 seconds.
            return DeliveryOutcome.Succeeded;
        }

        if (settings.HonorOptOut && await endUsers.IsOptedOutAsync(message.PlatformUserId, cancellationToken))
        {
            return DeliveryOutcome.Permanent("The end user opted out with STOP; nothing is sent until they send START.");
        }

        var text = message.Kind switch
        {
            OutboundKind.Choices => TextRendering.Choices(message),
            OutboundKind.ParticipantChanged => ParticipantNotices.Render(message, settings.ParticipantJoinedText, settings.ParticipantLeftText),
            _ => TextRendering.WithLinks(message.Text, message.Links),
        };
        if (WhatsApp && !await endUsers.InWindowAsync(message.PlatformUserId, settings.CustomerServiceWindow, cancellationToken))
        {
            return message.Kind == OutboundKind.Attachment
                ? DeliveryOutcome.Permanent("The end user's WhatsApp 24-hour customer-service window is closed, and files can only go inside it.")
                : await SendTemplateAsync(message, text, cancellationToken);
        }

        if (message.Kind == OutboundKind.Choices)
        {
            // Typed answers ("2", a title) still count, with buttons too.
            await pendingChoices.OfferAsync(message, cancellationToken);
            if (WhatsApp && TwilioQuickReplies.Fit(message))
            {
                var (buttons, created) = await quickReplies.FieldsAsync(message, cancellationToken);
                if (buttons is not null)
                {
                    return (await SendAsync(message, buttons, cancellationToken)).Outcome;
                }

                if (created.Kind == DeliveryOutcomeKind.Retryable)
                {
                    return created;
                }

                // Twilio refused to create the buttons (a validation error): the numbered text still carries the choices.
            }
        }

        string? refused = null;
        IReadOnlyList<(Uri Url, string MimeType)> media = [];
        if (message.Kind == OutboundKind.Attachment)
        {
            if (links is null)
            {
                return DeliveryOutcome.Permanent($"The Twilio channel '{channel}' sends files as links Twilio fetches, which needs "
                    + $"{TwilioChannelOptions.Section}:Channels:{channel}:PublicBaseUrl or Connector:Channels:PublicBaseUrl.");
            }

            var fetched = await fetcher.FetchAsync(message, cancellationToken);
            if (fetched.TransientError is { } transient)
            {
                return DeliveryOutcome.Retryable($"A file could not be downloaded from Salesforce: {transient}");
            }

            (media, text, refused) = Files(fetched, text, links);
        }

        return await SendPartsAsync(message, Plan(text, media), refused, cancellationToken);
    }

    /// <summary>The files' links, the text with a notice of the files that cannot go, and the failure to report for them.</summary>
    private (IReadOnlyList<(Uri Url, string MimeType)> Media, string Text, string? Refused) Files(OutboundFiles fetched, string text, FileLinks links)
    {
        var refusals = fetched.Refused.Select(r => (r.Attachment.Name, r.Reason)).ToList();
        var media = new List<(Uri, string)>();
        foreach (var file in fetched.Stored)
        {
            if (file.Length > MaxMediaBytes(file.MimeType))
            {
                refusals.Add((file.Name, $"Twilio takes such media up to {MaxMediaBytes(file.MimeType) / Megabyte} MB on this channel"));
            }
            else
            {
                media.Add((links.Create(file.Id, timeProvider.GetUtcNow()).Url, file.MimeType));
            }
        }

        if (refusals.Count == 0)
        {
            return (media, text, null);
        }

        var notice = $"The agent sent {string.Join(", ", refusals.Select(r => r.Name))}, which could not be delivered.";
        return (media, string.IsNullOrWhiteSpace(text) ? notice : $"{text}\n{notice}",
            "Refused attachment(s): " + string.Join("; ", refusals.Select(r => $"{r.Name}: {r.Reason}")));
    }

    // Twilio's media limits: an MMS at most 5 MB; a WhatsApp message 16 MB, its images 5 MB ("Guidance on WhatsApp media messages").
    private long MaxMediaBytes(string mimeType) =>
        !WhatsApp || mimeType.StartsWith("image/", StringComparison.OrdinalIgnoreCase) ? 5 * Megabyte : 16 * Megabyte;

    /// <summary>
    /// The messages to create, in order: one file each (WhatsApp takes one a message), the text with the first when it
    /// fits and can be shown there, else before them. WhatsApp shows no caption on a document, only on images and videos.
    /// </summary>
    private List<KeyValuePair<string, string>[]> Plan(string text, IReadOnlyList<(Uri Url, string MimeType)> media)
    {
        var texts = string.IsNullOrWhiteSpace(text) ? [] : TwilioText.Split(text);
        var captioned = media.Count > 0 && texts.Count == 1
            && (!WhatsApp || media[0].MimeType.StartsWith("image/", StringComparison.OrdinalIgnoreCase)
                || media[0].MimeType.StartsWith("video/", StringComparison.OrdinalIgnoreCase));
        var parts = captioned ? [] : texts.Select(part => new KeyValuePair<string, string>[] { new("Body", part) }).ToList();
        for (var index = 0; index < media.Count; index++)
        {
            parts.Add(captioned && index == 0
                ? [new("Body", texts[0]), new("MediaUrl", media[index].Url.AbsoluteUri)]
                : [new("MediaUrl", media[index].Url.AbsoluteUri)]);
        }

        return parts;
    }

    private async Task<DeliveryOutcome> SendPartsAsync(OutboundMessage message, List<KeyValuePair<string, string>[]> parts, string? refused,
        CancellationToken cancellationToken)
    {
        // Twilio reports 63016 (outside the window) later, in the status callback: TwilioInboundAdapter maps it.
        var sent = await progress.SendInOrderAsync(message, parts.Count,
            async index => (await SendAsync(message, parts[index], cancellationToken)).Outcome);
        return !sent.IsSuccess || refused is null ? sent : DeliveryOutcome.Permanent(refused);
    }

    /// <summary>
    /// WhatsApp's typing indicator (Twilio's Typing Indicators resource, public beta), which refers to the end user's message
    /// being answered: their last one, inside the window (there is nothing to answer outside it). It also marks that
    /// message read and lasts 25 seconds or until the next message; it is sent once per TypingStarted or progress
    /// indicator, not refreshed (Salesforce sends those again while work goes on). A refusal is left alone: it is a hint.
    /// </summary>
    private async Task ShowTypingAsync(string user, CancellationToken cancellationToken)
    {
        if (WhatsApp && settings.TypingIndicators
            && await endUsers.LastMessageInWindowAsync(user, settings.CustomerServiceWindow, cancellationToken) is { Length: > 0 } messageSid)
        {
            await api.SendTypingAsync(messageSid, cancellationToken);
        }
    }

    private async Task<DeliveryOutcome> SendTemplateAsync(OutboundMessage message, string text, CancellationToken cancellationToken)
    {
        if (settings.WindowTemplateContentSid is not { } contentSid)
        {
            return DeliveryOutcome.Permanent($"The end user's WhatsApp 24-hour customer-service window is closed (last message more than "
                + $"{settings.CustomerServiceWindow.TotalHours:0.#} h ago, or none) and no WindowTemplateContentSid is configured.");
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
            await endUsers.OptOutAsync(message.PlatformUserId, optedOut: true, cancellationToken);
        }

        return result;
    }
}
