using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json.Nodes;
using Byoc.Connector.Attachments;
using Byoc.Connector.Channels.Sending;
using Byoc.Core.Channels;
using Byoc.Core.Delivery;
using Byoc.Core.Messages;

namespace Byoc.Connector.Channels.Meta;

/// <summary>
/// Sends outbound messages through the Send API: text split at 2,000 characters, choices as a button template or quick
/// replies when they fit (<see cref="MessengerChoices"/>), else numbered text answered by typing (remembered in
/// <see cref="PendingChoices"/> either way). Inside the 24-hour standard messaging window (from the end user's last
/// message, Meta's time) a message goes as <c>messaging_type: RESPONSE</c>; after it, a human rep's message (Salesforce
/// sender role <c>Agent</c>) goes with the <c>HUMAN_AGENT</c> tag up to 7 days, when enabled; anything else fails to
/// Salesforce naming the window. Files are fetched from Salesforce, uploaded (Attachment Upload API) and sent by
/// attachment id (Messenger has no captions: the text goes first); uploading needs no public URL of the connector. The
/// agent's typing shows <c>typing_on</c>/<c>typing_off</c>, and an answer first marks the end user's last message seen.
/// Each entry is recorded for the delivery and read watermarks before it is sent (<see cref="MessengerEndUsers"/>).
/// </summary>
internal sealed class MessengerOutboundAdapter(
    MessengerGraphApi api,
    MessengerEndpointOptions settings,
    MessengerEndUsers endUsers,
    SendRateLimiter limiter,
    PartProgress progress,
    PendingChoices pendingChoices,
    OutboundFileFetcher fetcher,
    AttachmentFiles files,
    TimeProvider timeProvider) : IOutboundChannelAdapter
{
    /// <summary>The longest text message the Send API takes.</summary>
    public const int MaxTextLength = 2000;

    /// <summary>The largest file the Send API takes, of any type (25 MB).</summary>
    public const long MaxFileBytes = 25 * 1024 * 1024;

    // The mid last marked seen per end user: an answer marks the message it answers once. Lost on a restart, which costs
    // one repeated (harmless) mark_seen.
    private readonly ConcurrentDictionary<string, string> _markedSeen = new(StringComparer.Ordinal);

    public async Task<DeliveryOutcome> SendAsync(OutboundMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        var user = message.PlatformUserId;
        var last = await endUsers.LastAsync(user, cancellationToken);
        var age = last is { } known ? timeProvider.GetUtcNow() - known.At : (TimeSpan?)null;
        var inWindow = age < settings.StandardMessagingWindow;
        if (message.Kind is OutboundKind.TypingStarted or OutboundKind.Progress or OutboundKind.TypingStopped)
        {
            // Sender actions go only inside the standard window; a refusal is left alone (a hint, the answer goes anyway).
            if (settings.TypingIndicators && inWindow)
            {
                await api.SendAsync(Action(user, message.Kind == OutboundKind.TypingStopped ? "typing_off" : "typing_on"), cancellationToken);
            }

            return DeliveryOutcome.Succeeded;
        }

        JsonObject envelope;
        if (inWindow)
        {
            envelope = new JsonObject { ["messaging_type"] = "RESPONSE" };
            await MarkSeenAsync(user, last!.Value.Mid, cancellationToken);
        }
        else if (age < settings.HumanAgentWindow && settings.HumanAgentTag && message.SenderRole == "Agent")
        {
            envelope = new JsonObject { ["messaging_type"] = "MESSAGE_TAG", ["tag"] = "HUMAN_AGENT" };
        }
        else
        {
            return DeliveryOutcome.Permanent(ClosedWindow(message, age));
        }

        await endUsers.SendingAsync(user, message.EntryIdentifier, cancellationToken);
        var outcome = await SendContentAsync(message, envelope, cancellationToken);
        if (!outcome.IsSuccess)
        {
            await endUsers.FailedAsync(user, message.EntryIdentifier, CancellationToken.None);
        }

        return outcome;
    }

    private string ClosedWindow(OutboundMessage message, TimeSpan? age)
    {
        var since = age is { } a ? $"the end user last wrote {a.TotalHours.ToString("0.#", CultureInfo.InvariantCulture)} h ago" : "the end user never wrote";
        var standard = $"{settings.StandardMessagingWindow.TotalHours.ToString("0.#", CultureInfo.InvariantCulture)}-hour standard messaging window";
        var why = message.SenderRole != "Agent" ? "only a human rep's message may go after it, with the HUMAN_AGENT tag"
            : !settings.HumanAgentTag ? "the HUMAN_AGENT tag is off (HumanAgentTag)"
            : $"the HUMAN_AGENT tag reaches only {settings.HumanAgentWindow.TotalDays.ToString("0.#", CultureInfo.InvariantCulture)} days after the end user's last message";
        return $"The end user's Messenger {standard} is closed ({since}) and {why}, so the message was not delivered.";
    }

    private async Task<DeliveryOutcome> SendContentAsync(OutboundMessage message, JsonObject envelope, CancellationToken cancellationToken)
    {
        if (message.Kind == OutboundKind.Attachment)
        {
            return await SendFilesAsync(message, envelope, cancellationToken);
        }

        var text = message.Kind switch
        {
            OutboundKind.Choices => TextRendering.Choices(message),
            OutboundKind.ParticipantChanged => ParticipantNotices.Render(message, settings.ParticipantJoinedText, settings.ParticipantLeftText),
            _ => TextRendering.WithLinks(message.Text, message.Links),
        };
        if (message.Kind == OutboundKind.Choices)
        {
            await pendingChoices.OfferAsync(message, cancellationToken);
            if (MessengerChoices.Build(message) is { } rich)
            {
                return await SendOneAsync(message, envelope, rich, cancellationToken);
            }
        }

        var parts = TextParts.Split(text, MaxTextLength);
        return await progress.SendInOrderAsync(message, parts.Count, index =>
            SendOneAsync(message, envelope, new JsonObject { ["text"] = parts[index] }, cancellationToken));
    }

    private async Task<DeliveryOutcome> SendFilesAsync(OutboundMessage message, JsonObject envelope, CancellationToken cancellationToken)
    {
        var fetched = await fetcher.FetchAsync(message, cancellationToken);
        if (fetched.TransientError is { } transient)
        {
            return DeliveryOutcome.Retryable($"A file could not be downloaded from Salesforce: {transient}");
        }

        var refusals = fetched.Refused.Select(r => (r.Attachment.Name, r.Reason)).ToList();
        var uploads = new List<StoredFile>();
        foreach (var file in fetched.Stored)
        {
            if (file.Length > MaxFileBytes)
            {
                refusals.Add((file.Name, "Messenger takes files up to 25 MB"));
            }
            else
            {
                uploads.Add(file);
            }
        }

        var text = TextRendering.WithLinks(message.Text, message.Links);
        if (refusals.Count > 0)
        {
            var notice = $"The agent sent {string.Join(", ", refusals.Select(r => r.Name))}, which could not be delivered.";
            text = string.IsNullOrWhiteSpace(text) ? notice : $"{text}\n{notice}";
        }

        var parts = new List<(string? Text, StoredFile? File)>();
        if (!string.IsNullOrWhiteSpace(text))
        {
            parts.AddRange(TextParts.Split(text, MaxTextLength).Select(part => ((string?)part, (StoredFile?)null)));
        }

        parts.AddRange(uploads.Select(upload => ((string?)null, (StoredFile?)upload)));
        var sent = await progress.SendInOrderAsync(message, parts.Count, index =>
        {
            var (partText, file) = parts[index];
            return file is null
                ? SendOneAsync(message, envelope, new JsonObject { ["text"] = partText }, cancellationToken)
                : SendFileAsync(message, envelope, file, cancellationToken);
        });
        if (!sent.IsSuccess)
        {
            return sent;
        }

        return refusals.Count == 0
            ? DeliveryOutcome.Succeeded
            : DeliveryOutcome.Permanent("Refused attachment(s): " + string.Join("; ", refusals.Select(r => $"{r.Name}: {r.Reason}")));
    }

    private async Task<DeliveryOutcome> SendFileAsync(OutboundMessage message, JsonObject envelope, StoredFile file, CancellationToken cancellationToken)
    {
        var type = TypeOf(file.MimeType);
        (DeliveryOutcome Outcome, string? Id) uploaded;
        await using (var content = files.OpenRead(file))
        {
            uploaded = await api.UploadAsync(content, type, file.Name, file.MimeType, cancellationToken);
        }

        if (uploaded.Id is not { } id)
        {
            return uploaded.Outcome;
        }

        var attachment = new JsonObject
        {
            ["attachment"] = new JsonObject { ["type"] = type, ["payload"] = new JsonObject { ["attachment_id"] = id } },
        };
        return await SendOneAsync(message, envelope, attachment, cancellationToken);
    }

    /// <summary>The Send API's attachment type for a MIME type: <c>image</c>, <c>video</c>, <c>audio</c>, else <c>file</c>.</summary>
    private static string TypeOf(string mimeType) => (mimeType.Split(';')[0].Trim().ToLowerInvariant()) switch
    {
        var m when m.StartsWith("image/", StringComparison.Ordinal) => "image",
        var m when m.StartsWith("video/", StringComparison.Ordinal) => "video",
        var m when m.StartsWith("audio/", StringComparison.Ordinal) => "audio",
        _ => "file",
    };

    private async Task<DeliveryOutcome> SendOneAsync(OutboundMessage message, JsonObject envelope, JsonObject content, CancellationToken cancellationToken)
    {
        if (!limiter.TryReserve(message.PlatformUserId, settings.MaxRateLimitWait, out var wait))
        {
            return DeliveryOutcome.Retryable($"The Messenger channel's rate limit allows the next message in {wait.TotalSeconds:0.#} s.", wait);
        }

        if (wait > TimeSpan.Zero)
        {
            await Task.Delay(wait, timeProvider, cancellationToken);
        }

        var body = (JsonObject)envelope.DeepClone();
        body["recipient"] = new JsonObject { ["id"] = message.PlatformUserId };
        body["message"] = content;
        var (outcome, mid) = await api.SendAsync(body, cancellationToken);
        if (mid is { Length: > 0 })
        {
            await endUsers.SentAsync(message.PlatformUserId, message.EntryIdentifier, mid, cancellationToken);
        }

        return outcome;
    }

    /// <summary><c>mark_seen</c> for the end user's last message, once per message and with <see cref="MessengerEndpointOptions.ReadReceipts"/>.</summary>
    private async Task MarkSeenAsync(string user, string mid, CancellationToken cancellationToken)
    {
        if (!settings.ReadReceipts || (_markedSeen.TryGetValue(user, out var marked) && marked == mid))
        {
            return;
        }

        if ((await api.SendAsync(Action(user, "mark_seen"), cancellationToken)).Outcome.IsSuccess)
        {
            _markedSeen[user] = mid;
        }
    }

    private static JsonObject Action(string user, string action) => new()
    {
        ["recipient"] = new JsonObject { ["id"] = user },
        ["sender_action"] = action,
    };
}
