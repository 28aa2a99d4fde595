using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Byoc.Connector.Attachments;
using Byoc.Connector.Channels.Sending;
using Byoc.Connector.Channels.Telegram;
using Byoc.Core.Channels;
using Byoc.Core.Delivery;
using Byoc.Core.Messages;

namespace Byoc.Connector.Channels.Line;

/// <summary>
/// Sends outbound messages through the Messaging API: text split at 5,000 characters, at most 5 message objects a call;
/// choices as a quick reply of postback buttons when they fit (at most 13), else as numbered text answered by typing
/// (remembered in <see cref="PendingChoices"/> either way, as typed answers count too); images as image messages and
/// other files as lines with a link, both to the connector's signed, expiring file links (LINE fetches HTTPS URLs itself;
/// its bots cannot send files of other kinds). A call goes as a reply while the end user's reply token is fresh, else as
/// a push with <c>X-Line-Retry-Key</c>. Typing and progress show the loading animation; an answer or typing first marks
/// the end user's messages read. Every call waits its turn per end user and per account. Nothing goes to an end user who
/// blocked the account (an <c>unfollow</c> event): LINE would accept the push and drop it.
/// </summary>
internal sealed class LineOutboundAdapter(
    string channel,
    LineApi api,
    LineEndpointOptions settings,
    FileLinks? links,
    LineEndUsers endUsers,
    SendRateLimiter limiter,
    PartProgress progress,
    PendingChoices pendingChoices,
    TelegramKeyboards keyboards,
    OutboundFileFetcher fetcher,
    TimeProvider timeProvider) : IOutboundChannelAdapter
{
    // LINE's image message: the original at most 10 MB, the preview (shown in the chat) at most 1 MB, both JPEG or PNG.
    // The connector makes no thumbnails, so an image goes as an image message when the one file can be both.
    private const long MaxPreviewBytes = 1024 * 1024;

    public async Task<DeliveryOutcome> SendAsync(OutboundMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        var user = message.PlatformUserId;
        if (message.Kind is OutboundKind.TypingStarted or OutboundKind.Progress)
        {
            await ShowLoadingAsync(user, cancellationToken);
            return DeliveryOutcome.Succeeded;
        }

        if (message.Kind == OutboundKind.TypingStopped)
        {
            // LINE has no "stop": the animation ends with the next message or after its seconds.
            return DeliveryOutcome.Succeeded;
        }

        if (await endUsers.UnfollowedAtAsync(user, cancellationToken) is { } blockedAt)
        {
            return DeliveryOutcome.Permanent($"The end user blocked the LINE account (unfollow at {blockedAt}); LINE would drop the message.");
        }

        string? refused = null;
        var objects = new List<JsonObject>();
        switch (message.Kind)
        {
            case OutboundKind.Choices:
                await pendingChoices.OfferAsync(message, cancellationToken);
                var quickReply = LineMessages.QuickReply(message, settings.MaxQuickReplies);
                if (quickReply is not null)
                {
                    await keyboards.OfferAsync(message, cancellationToken);
                }

                objects.AddRange(Texts(quickReply is null ? TextRendering.Choices(message) : Prompt(message)));
                if (quickReply is not null)
                {
                    objects[^1]["quickReply"] = quickReply;
                }

                break;
            case OutboundKind.ParticipantChanged:
                objects.AddRange(Texts(ParticipantNotices.Render(message, settings.ParticipantJoinedText, settings.ParticipantLeftText)));
                break;
            case OutboundKind.Attachment:
                if (links is null)
                {
                    return DeliveryOutcome.Permanent($"The LINE channel '{channel}' sends files as HTTPS links LINE fetches, which needs "
                        + $"{LineChannelOptions.Section}:Channels:{channel}:PublicBaseUrl or Connector:Channels:PublicBaseUrl.");
                }

                var fetched = await fetcher.FetchAsync(message, cancellationToken);
                if (fetched.TransientError is { } transient)
                {
                    return DeliveryOutcome.Retryable($"A file could not be downloaded from Salesforce: {transient}");
                }

                (var files, refused) = Files(message, fetched, links);
                objects.AddRange(files);
                break;
            default:
                objects.AddRange(Texts(TextRendering.WithLinks(message.Text, message.Links)));
                break;
        }

        if (objects.Count == 0)
        {
            return refused is null ? DeliveryOutcome.Succeeded : DeliveryOutcome.Permanent(refused);
        }

        await MarkReadAsync(user, cancellationToken);
        var calls = objects.Chunk(LineMessages.MaxPerCall).ToList();
        var sent = await progress.SendInOrderAsync(message, calls.Count, index => SendCallAsync(message, index, calls[index], cancellationToken));
        return !sent.IsSuccess || refused is null ? sent : DeliveryOutcome.Permanent(refused);
    }

    /// <summary>
    /// The retry key of one call of an outbox item: a UUID derived from the item's channel, kind, entry and the call's
    /// index, so every retry of the item (after a timeout, a 5xx, a restart, on another instance) sends the same key and
    /// LINE shows the call at most once, without a column for it in the outbox. SHA-256 of those, as an RFC 9562 version 8
    /// (custom) UUID in LINE's hexadecimal form.
    /// </summary>
    internal static Guid RetryKey(string channel, OutboundMessage message, int call)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"line-retry-key\n{channel}\n{message.Kind}\n{message.EntryIdentifier}\n{call}"));
        var bytes = hash.AsSpan(0, 16);
        bytes[6] = (byte)((bytes[6] & 0x0F) | 0x80);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes, bigEndian: true);
    }

    private static IEnumerable<JsonObject> Texts(string text) => TextParts.Split(text, LineMessages.MaxTextLength).Select(LineMessages.Text);

    /// <summary>The text above the quick-reply buttons; LINE shows buttons only under a message, so one is needed.</summary>
    private static string Prompt(OutboundMessage message) => string.IsNullOrWhiteSpace(message.Text) ? "Please choose:" : message.Text;

    /// <summary>The text and files as message objects, and the failure to report for the files that cannot go.</summary>
    private (List<JsonObject> Objects, string? Refused) Files(OutboundMessage message, OutboundFiles fetched, FileLinks links)
    {
        var now = timeProvider.GetUtcNow();
        var images = new List<JsonObject>();
        var lines = new List<string>();
        foreach (var file in fetched.Stored)
        {
            var url = links.Create(file.Id, now).Url;
            if (file.MimeType is "image/jpeg" or "image/png" && file.Length <= MaxPreviewBytes)
            {
                images.Add(LineMessages.Image(url, url));
            }
            else
            {
                lines.Add($"{file.Name}: {url.AbsoluteUri}");
            }
        }

        var text = TextRendering.WithLinks(message.Text, message.Links);
        if (lines.Count > 0)
        {
            text = string.IsNullOrWhiteSpace(text) ? string.Join("\n", lines) : $"{text}\n{string.Join("\n", lines)}";
        }

        if (fetched.RefusalNotice is { } notice)
        {
            text = string.IsNullOrWhiteSpace(text) ? notice : $"{text}\n{notice}";
        }

        var objects = string.IsNullOrWhiteSpace(text) ? [] : Texts(text).ToList();
        objects.AddRange(images);
        return (objects, fetched.RefusalError);
    }

    /// <summary>
    /// One call: a reply while the end user's reply token is fresh, else (or when LINE refuses the token) a push with the
    /// call's retry key. The freshness choice is <see cref="LineEndpointOptions.ReplyTokenMaxAge"/> (30 s by default): LINE's
    /// reference ("Send reply message") guarantees a reply token for one minute after the webhook and not after it, and
    /// the outbox, Salesforce and the agent take part of that minute; an expired token costs a refused call and a push.
    /// A reply that times out is not retried as a reply (the token is taken before the call): its retry is a push, which
    /// may repeat the reply if LINE did take it, as a reply has no retry key.
    /// </summary>
    private async Task<DeliveryOutcome> SendCallAsync(OutboundMessage message, int index, JsonObject[] objects, CancellationToken cancellationToken)
    {
        if (!limiter.TryReserve(message.PlatformUserId, settings.MaxRateLimitWait, out var wait))
        {
            return DeliveryOutcome.Retryable($"The LINE channel's rate limit allows the next message in {wait.TotalSeconds:0.#} s.", wait);
        }

        if (wait > TimeSpan.Zero)
        {
            await Task.Delay(wait, timeProvider, cancellationToken);
        }

        if (await endUsers.TakeReplyTokenAsync(message.PlatformUserId, settings.ReplyTokenMaxAge, cancellationToken) is { } token)
        {
            var (outcome, tokenRefused) = await api.ReplyAsync(token, new JsonArray([.. objects.Select(o => (JsonNode)o.DeepClone())]), cancellationToken);
            if (!tokenRefused)
            {
                return outcome;
            }
        }

        return await api.PushAsync(message.PlatformUserId, new JsonArray([.. objects.Select(o => (JsonNode)o.DeepClone())]),
            RetryKey(channel, message, index), cancellationToken);
    }

    /// <summary>The loading animation (one-to-one chats only, which are the only ones this channel answers), after marking the end user's messages read.</summary>
    private async Task ShowLoadingAsync(string user, CancellationToken cancellationToken)
    {
        if (!settings.TypingIndicators)
        {
            return;
        }

        await MarkReadAsync(user, cancellationToken);
        // A refusal is left alone: the animation is a hint, and the answer goes anyway.
        await api.StartLoadingAsync(user, settings.LoadingSeconds, cancellationToken);
    }

    /// <summary>Marks the end user's messages read up to the latest, once per message; a refusal is left alone.</summary>
    private async Task MarkReadAsync(string user, CancellationToken cancellationToken)
    {
        if (settings.ReadReceipts && await endUsers.ReadTokenAsync(user, cancellationToken) is { } token
            && (await api.MarkAsReadAsync(token, cancellationToken)).IsSuccess)
        {
            await endUsers.ReadTokenUsedAsync(user, token, cancellationToken);
        }
    }
}
