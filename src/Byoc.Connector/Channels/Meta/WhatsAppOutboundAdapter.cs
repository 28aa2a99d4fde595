using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Byoc.Connector.Attachments;
using Byoc.Connector.Channels.Sending;
using Byoc.Core.Channels;
using Byoc.Core.Delivery;
using Byoc.Core.Messages;

namespace Byoc.Connector.Channels.Meta;

/// <summary>
/// Sends outbound messages through the Cloud API: text split at 4,096 characters, choices as reply buttons or a list
/// when they fit (<see cref="WhatsAppInteractive"/>), else as numbered text answered by typing (remembered in
/// <see cref="PendingChoices"/> either way, as typed answers count too). Every message carries the entry id in
/// <c>biz_opaque_callback_data</c> so its statuses find their entry. Outside the customer-service window (from the end
/// user's last message) a message goes as the configured template or fails naming the window; a Salesforce message
/// definition with a mapping in <see cref="WhatsAppEndpointOptions.Templates"/> goes as its template anywhere. Typing and progress mark
/// the end user's last message read with the typing indicator; Salesforce sends no "agent read" event, so an answer in the
/// window also marks the end user's last message read first (once per message; Meta marks earlier ones read with it),
/// which shows the blue ticks even when the agent never types. Files are fetched from Salesforce, uploaded to the number's
/// media (<c>POST /{phone-number-id}/media</c>) and sent by media id as an image, video, audio or document by their MIME
/// type, the text as the first file's caption when it fits; uploading needs no public URL of the connector, which a
/// <c>link</c> would. Every send waits its turn per end user and per number.
/// </summary>
internal sealed class WhatsAppOutboundAdapter(
    WhatsAppGraphApi api,
    WhatsAppEndpointOptions settings,
    WhatsAppEndUsers endUsers,
    SendRateLimiter limiter,
    PartProgress progress,
    PendingChoices pendingChoices,
    OutboundFileFetcher fetcher,
    AttachmentFiles files,
    TimeProvider timeProvider) : IOutboundChannelAdapter
{
    /// <summary>The longest text message body the Cloud API takes.</summary>
    public const int MaxTextLength = 4096;

    /// <summary>The longest caption of an image, video or document.</summary>
    public const int MaxCaptionLength = 1024;

    // biz_opaque_callback_data is at most 512 characters.
    private const int MaxCallbackData = 512;

    // The wamid last marked read per end user: an answer marks the message it answers once. Lost on a restart, which
    // costs one repeated (harmless) read call.
    private readonly ConcurrentDictionary<string, string> _markedRead = new(StringComparer.Ordinal);

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
            if (await endUsers.LastMessageInWindowAsync(user, settings.CustomerServiceWindow, cancellationToken) is not { } lastMessage)
            {
                return DeliveryOutcome.Permanent("The end user's WhatsApp 24-hour customer-service window is closed (last message more than "
                    + $"{settings.CustomerServiceWindow.TotalHours:0.#} h ago, or none): files go only inside it, so "
                    + $"{string.Join(", ", message.Attachments.Select(a => a.Name))} was not delivered.");
            }

            await MarkReadAsync(user, lastMessage, typing: false, cancellationToken);
            return await SendFilesAsync(message, cancellationToken);
        }

        if (message.Definition is { } definition && settings.Templates.TryGetValue(definition.NameOrId, out var mapping))
        {
            return await SendDefinitionAsync(message, definition, mapping, cancellationToken);
        }

        var text = message.Kind switch
        {
            OutboundKind.Choices => TextRendering.Choices(message),
            OutboundKind.ParticipantChanged => ParticipantNotices.Render(message, settings.ParticipantJoinedText, settings.ParticipantLeftText),
            _ => TextRendering.WithLinks(message.Text, message.Links),
        };
        if (await endUsers.LastMessageInWindowAsync(user, settings.CustomerServiceWindow, cancellationToken) is not { } last)
        {
            return await SendTemplateAsync(message, text, cancellationToken);
        }

        await MarkReadAsync(user, last, typing: false, cancellationToken);

        if (message.Kind == OutboundKind.Choices)
        {
            await pendingChoices.OfferAsync(message, cancellationToken);
            if (WhatsAppInteractive.Build(message) is { } interactive)
            {
                return await SendOneAsync(message, "interactive", interactive, cancellationToken);
            }
        }

        var parts = TextParts.Split(text, MaxTextLength);
        return await progress.SendInOrderAsync(message, parts.Count, index =>
            SendOneAsync(message, "text", new JsonObject { ["body"] = parts[index], ["preview_url"] = false }, cancellationToken));
    }

    private async Task<DeliveryOutcome> SendFilesAsync(OutboundMessage message, CancellationToken cancellationToken)
    {
        var fetched = await fetcher.FetchAsync(message, cancellationToken);
        if (fetched.TransientError is { } transient)
        {
            return DeliveryOutcome.Retryable($"A file could not be downloaded from Salesforce: {transient}");
        }

        var refusals = fetched.Refused.Select(r => (r.Attachment.Name, r.Reason)).ToList();
        var uploads = new List<(StoredFile File, string Type)>();
        foreach (var file in fetched.Stored)
        {
            var (type, limit) = WhatsAppMediaTypes.For(file.MimeType);
            if (file.Length > limit)
            {
                refusals.Add((file.Name, $"WhatsApp takes {type} files up to {limit / (1024 * 1024)} MB"));
            }
            else
            {
                uploads.Add((file, type));
            }
        }

        var text = TextRendering.WithLinks(message.Text, message.Links);
        if (refusals.Count > 0)
        {
            var notice = $"The agent sent {string.Join(", ", refusals.Select(r => r.Name))}, which could not be delivered.";
            text = string.IsNullOrWhiteSpace(text) ? notice : $"{text}\n{notice}";
        }

        // A short text is the first file's caption (audio takes none); a longer one goes first on its own.
        var captioned = uploads.Count > 0 && uploads[0].Type != "audio" && text.Length <= MaxCaptionLength;
        var parts = new List<(string? Text, StoredFile? File, string? Type)>();
        if (!captioned && !string.IsNullOrWhiteSpace(text))
        {
            parts.AddRange(TextParts.Split(text, MaxTextLength).Select(part => ((string?)part, (StoredFile?)null, (string?)null)));
        }

        parts.AddRange(uploads.Select((upload, index) => (captioned && index == 0 && text.Length > 0 ? text : null, (StoredFile?)upload.File, (string?)upload.Type)));
        var sent = await progress.SendInOrderAsync(message, parts.Count, index =>
        {
            var (partText, file, type) = parts[index];
            return file is null
                ? SendOneAsync(message, "text", new JsonObject { ["body"] = partText, ["preview_url"] = false }, cancellationToken)
                : SendFileAsync(message, file, type!, partText, cancellationToken);
        });
        if (!sent.IsSuccess)
        {
            return sent;
        }

        return refusals.Count == 0
            ? DeliveryOutcome.Succeeded
            : DeliveryOutcome.Permanent("Refused attachment(s): " + string.Join("; ", refusals.Select(r => $"{r.Name}: {r.Reason}")));
    }

    private async Task<DeliveryOutcome> SendFileAsync(OutboundMessage message, StoredFile file, string type, string? caption,
        CancellationToken cancellationToken)
    {
        (DeliveryOutcome Outcome, string? MediaId) uploaded;
        await using (var content = files.OpenRead(file))
        {
            uploaded = await api.UploadMediaAsync(content, file.Name, file.MimeType, cancellationToken);
        }

        if (uploaded.MediaId is not { } id)
        {
            return uploaded.Outcome;
        }

        var media = new JsonObject { ["id"] = id };
        if (caption is not null)
        {
            media["caption"] = caption;
        }

        if (type == "document")
        {
            media["filename"] = file.Name;
        }

        return await SendOneAsync(message, type, media, cancellationToken);
    }

    /// <summary>
    /// A Salesforce message definition as its mapped template (<see cref="WhatsAppEndpointOptions.Templates"/>), inside the
    /// window or outside it, since an approved template may open a conversation: the mapped parameters, in order, fill the
    /// body. A parameter the mapping names and the message lacks fails to Salesforce naming it; Meta would refuse the
    /// send (132000, parameter count mismatch) on every retry.
    /// </summary>
    private async Task<DeliveryOutcome> SendDefinitionAsync(OutboundMessage message, OutboundMessageDefinition definition,
        WhatsAppTemplateMapping mapping, CancellationToken cancellationToken)
    {
        var values = definition.Parameters.ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal);
        var names = mapping.BodyParameters.Count > 0 ? mapping.BodyParameters : [.. definition.Parameters.Select(p => p.Key)];
        if (names.FirstOrDefault(n => !values.ContainsKey(n)) is { } missing)
        {
            return DeliveryOutcome.Permanent($"The WhatsApp template '{mapping.Name}' for the message definition '{definition.NameOrId}' takes "
                + $"the parameter '{missing}', which the message did not carry (it had {(values.Count == 0 ? "none" : string.Join(", ", values.Keys))}).");
        }

        var language = mapping.Language ?? definition.Locale?.Replace('-', '_') ?? settings.WindowTemplateLanguage;
        var template = new JsonObject { ["name"] = mapping.Name, ["language"] = new JsonObject { ["code"] = language } };
        if (names.Count > 0)
        {
            template["components"] = new JsonArray(new JsonObject
            {
                ["type"] = "body",
                ["parameters"] = new JsonArray([.. names.Select(n => (JsonNode)new JsonObject { ["type"] = "text", ["text"] = TemplateParameter(values[n]) })]),
            });
        }

        return await SendOneAsync(message, "template", template, cancellationToken);
    }

    /// <summary>A template body parameter may not hold new lines or tabs, nor more than four spaces in a row (Graph error 132018).</summary>
    private static string TemplateParameter(string text)
    {
        var flat = string.Join(' ', text.Split((char[])['\n', '\r', '\t', ' '], StringSplitOptions.RemoveEmptyEntries));
        return flat[..Math.Min(flat.Length, WhatsAppInteractive.MaxBody)];
    }

    private async Task<DeliveryOutcome> SendTemplateAsync(OutboundMessage message, string text, CancellationToken cancellationToken)
    {
        if (settings.WindowTemplateName is not { } name)
        {
            return DeliveryOutcome.Permanent($"The end user's WhatsApp 24-hour customer-service window is closed (last message more than "
                + $"{settings.CustomerServiceWindow.TotalHours:0.#} h ago, or none) and no WindowTemplateName is configured.");
        }

        var template = new JsonObject
        {
            ["name"] = name,
            ["language"] = new JsonObject { ["code"] = settings.WindowTemplateLanguage },
            ["components"] = new JsonArray(new JsonObject
            {
                ["type"] = "body",
                ["parameters"] = new JsonArray(new JsonObject { ["type"] = "text", ["text"] = TemplateParameter(text) }),
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

        // An end user known only by a business-scoped user id goes in "recipient", which Meta's Messages API takes for a
        // BSUID ("to" stays for a phone number and wins when both are sent), per Meta's business-scoped user ids docs
        // (developers.facebook.com/documentation/business-messaging/whatsapp/business-scoped-user-ids).
        var body = new JsonObject
        {
            ["messaging_product"] = "whatsapp",
            ["recipient_type"] = "individual",
            [WhatsAppEndUsers.IsBusinessScoped(message.PlatformUserId) ? "recipient" : "to"] = message.PlatformUserId,
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
    /// Marks the end user's last message read and shows the typing indicator, in one call (Meta's typing indicator is
    /// only ever sent with a read receipt); only inside the window (there is nothing to answer outside it).
    /// </summary>
    private async Task ShowTypingAsync(string user, CancellationToken cancellationToken)
    {
        if (settings.TypingIndicators
            && await endUsers.LastMessageInWindowAsync(user, settings.CustomerServiceWindow, cancellationToken) is { Length: > 0 } wamid)
        {
            await MarkReadAsync(user, wamid, typing: true, cancellationToken);
        }
    }

    /// <summary>
    /// <c>status: read</c> for <paramref name="wamid"/>, with the typing indicator when <paramref name="typing"/>; a read
    /// receipt without typing only once per message and with <see cref="WhatsAppEndpointOptions.ReadReceipts"/>. A
    /// refusal is left alone: it is a hint, and the answer goes anyway.
    /// </summary>
    private async Task MarkReadAsync(string user, string wamid, bool typing, CancellationToken cancellationToken)
    {
        if (wamid.Length == 0 || (!typing && (!settings.ReadReceipts || _markedRead.TryGetValue(user, out var marked) && marked == wamid)))
        {
            return;
        }

        var receipt = new JsonObject
        {
            ["messaging_product"] = "whatsapp",
            ["status"] = "read",
            ["message_id"] = wamid,
        };
        if (typing)
        {
            receipt["typing_indicator"] = new JsonObject { ["type"] = "text" };
        }

        if ((await api.SendAsync(receipt, cancellationToken)).Outcome.IsSuccess)
        {
            _markedRead[user] = wamid;
        }
    }
}
