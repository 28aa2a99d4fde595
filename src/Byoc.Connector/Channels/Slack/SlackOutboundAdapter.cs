using System.Text.Json.Nodes;
using Byoc.Connector.Attachments;
using Byoc.Connector.Channels.Sending;
using Byoc.Core.Channels;
using Byoc.Core.Delivery;
using Byoc.Core.Messages;

namespace Byoc.Connector.Channels.Slack;

/// <summary>
/// Shows outbound messages in Slack with the bot token: <c>chat.postMessage</c> to the end user's channel (and thread,
/// see <see cref="SlackEndUsers"/>), text escaped for Slack (<c>&amp;</c>, <c>&lt;</c>, <c>&gt;</c>) and split at
/// 4,000 characters (Slack's recommended most; it truncates beyond 40,000); choices as Block Kit buttons when they fit
/// (<see cref="SlackBlocks"/>), else as numbered text, remembered in <see cref="PendingChoices"/> either way as typed
/// answers count too; files fetched from Salesforce and shared by the external upload flow
/// (<c>files.getUploadURLExternal</c>, the bytes to its <c>upload_url</c>, <c>files.completeUploadExternal</c>), the text
/// as the first file's comment. Slack shows bots no typing indicator and gives them no read receipts: typing and
/// progress send nothing, and a successful post is reported Delivered.
/// </summary>
internal sealed class SlackOutboundAdapter(
    SlackWebApi api,
    SlackEndpointOptions settings,
    SendRateLimiter limiter,
    PartProgress progress,
    PendingChoices pendingChoices,
    OutboundFileFetcher fetcher,
    AttachmentFiles files,
    TimeProvider timeProvider) : IOutboundChannelAdapter
{
    /// <summary>The longest text of one message: Slack recommends at most 4,000 characters.</summary>
    public const int MaxTextLength = 4000;

    /// <summary>The text of buttons that came without a prompt: a message needs some text.</summary>
    internal const string DefaultChoicesPrompt = "Please choose:";

    public async Task<DeliveryOutcome> SendAsync(OutboundMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (!SlackEndUsers.TryParse(message.PlatformUserId, out var channel, out var thread))
        {
            return DeliveryOutcome.Permanent($"'{message.PlatformUserId}' is not a Slack end user ('{{channel}}:{{user}}' or '{{channel}}:{{thread ts}}:{{user}}').");
        }

        switch (message.Kind)
        {
            case OutboundKind.TypingStarted or OutboundKind.TypingStopped or OutboundKind.Progress:
                // Slack has no typing indicator for bots (only the retired RTM API had one).
                return DeliveryOutcome.Succeeded;
            case OutboundKind.Attachment:
                return await SendFilesAsync(message, channel, thread, cancellationToken);
            case OutboundKind.Choices:
                await pendingChoices.OfferAsync(message, cancellationToken);
                var prompt = Escape(TextRendering.WithLinks(message.Text, message.Links));
                var parts = TextParts.Split(string.IsNullOrWhiteSpace(prompt) ? DefaultChoicesPrompt : prompt, SlackBlocks.MaxSectionText);
                if (SlackBlocks.Choices(message, parts[^1], Math.Min(settings.MaxButtons, SlackBlocks.MaxButtons)) is { } blocks)
                {
                    return await progress.SendInOrderAsync(message, parts.Count, index =>
                        PostAsync(channel, thread, parts[index], index == parts.Count - 1 ? blocks : null, cancellationToken));
                }

                return await SendTextAsync(message, channel, thread, Escape(TextRendering.Choices(message)), cancellationToken);
            case OutboundKind.ParticipantChanged:
                return await SendTextAsync(message, channel, thread,
                    Escape(ParticipantNotices.Render(message, settings.ParticipantJoinedText, settings.ParticipantLeftText)), cancellationToken);
            default:
                return await SendTextAsync(message, channel, thread, Escape(TextRendering.WithLinks(message.Text, message.Links)), cancellationToken);
        }
    }

    /// <summary>Slack's three control characters in message text, as its formatting reference asks.</summary>
    internal static string Escape(string text) =>
        text.Replace("&", "&amp;", StringComparison.Ordinal).Replace("<", "&lt;", StringComparison.Ordinal).Replace(">", "&gt;", StringComparison.Ordinal);

    private async Task<DeliveryOutcome> SendTextAsync(OutboundMessage message, string channel, string? thread, string text, CancellationToken cancellationToken)
    {
        var parts = TextParts.Split(text, MaxTextLength);
        if (parts.Count == 0)
        {
            return DeliveryOutcome.Permanent("The message has no text to post.");
        }

        return await progress.SendInOrderAsync(message, parts.Count, index => PostAsync(channel, thread, parts[index], null, cancellationToken));
    }

    private async Task<DeliveryOutcome> PostAsync(string channel, string? thread, string text, JsonArray? blocks, CancellationToken cancellationToken)
    {
        if (await WaitTurnAsync(channel, cancellationToken) is { } limited)
        {
            return limited;
        }

        var body = new JsonObject { ["channel"] = channel, ["text"] = text };
        if (blocks is not null)
        {
            body["blocks"] = blocks.DeepClone();
        }

        if (thread is not null)
        {
            body["thread_ts"] = thread;
        }

        return (await api.CallAsync("chat.postMessage", body, cancellationToken)).Outcome;
    }

    private async Task<DeliveryOutcome?> WaitTurnAsync(string channel, CancellationToken cancellationToken)
    {
        if (!limiter.TryReserve(channel, settings.MaxRateLimitWait, out var wait))
        {
            return DeliveryOutcome.Retryable($"The Slack channel's rate limit allows the next message in {wait.TotalSeconds:0.#} s.", wait);
        }

        if (wait > TimeSpan.Zero)
        {
            await Task.Delay(wait, timeProvider, cancellationToken);
        }

        return null;
    }

    private async Task<DeliveryOutcome> SendFilesAsync(OutboundMessage message, string channel, string? thread, CancellationToken cancellationToken)
    {
        var fetched = await fetcher.FetchAsync(message, cancellationToken);
        if (fetched.TransientError is { } transient)
        {
            return DeliveryOutcome.Retryable($"A file could not be downloaded from Salesforce: {transient}");
        }

        var text = TextRendering.WithLinks(message.Text, message.Links);
        if (fetched.Refused.Count > 0)
        {
            var notice = $"The agent sent {string.Join(", ", fetched.Refused.Select(r => r.Attachment.Name))}, which could not be delivered.";
            text = string.IsNullOrWhiteSpace(text) ? notice : $"{text}\n{notice}";
        }

        text = Escape(text);
        var uploads = fetched.Stored;
        // A short text is the first file's comment; a longer one (or one with no file to carry it) goes first on its own.
        var commented = uploads.Count > 0 && text.Length <= MaxTextLength;
        var texts = commented || string.IsNullOrWhiteSpace(text) ? [] : TextParts.Split(text, MaxTextLength);
        var sent = await progress.SendInOrderAsync(message, texts.Count + uploads.Count, index => index < texts.Count
            ? PostAsync(channel, thread, texts[index], null, cancellationToken)
            : UploadAsync(uploads[index - texts.Count], channel, thread, commented && index == texts.Count && text.Length > 0 ? text : null, cancellationToken));
        if (!sent.IsSuccess || fetched.Refused.Count == 0)
        {
            return sent;
        }

        return DeliveryOutcome.Permanent("Refused attachment(s): " + string.Join("; ", fetched.Refused.Select(r => $"{r.Attachment.Name}: {r.Reason}")));
    }

    private async Task<DeliveryOutcome> UploadAsync(StoredFile file, string channel, string? thread, string? comment, CancellationToken cancellationToken)
    {
        if (await WaitTurnAsync(channel, cancellationToken) is { } limited)
        {
            return limited;
        }

        var ticket = await api.CallFormAsync("files.getUploadURLExternal",
            [new("filename", file.Name), new("length", SlackWebApi.Length(file.Length))], cancellationToken);
        if (!ticket.IsSuccess)
        {
            return ticket.Outcome;
        }

        if (ticket.Body?["upload_url"]?.GetValue<string>() is not { } link || !Uri.TryCreate(link, UriKind.Absolute, out var uploadUrl)
            || ticket.Body["file_id"]?.GetValue<string>() is not { Length: > 0 } fileId)
        {
            return DeliveryOutcome.Permanent("Slack's files.getUploadURLExternal gave no upload_url or file_id.");
        }

        DeliveryOutcome uploaded;
        await using (var content = files.OpenRead(file))
        {
            uploaded = await api.UploadAsync(uploadUrl, content, file.MimeType, cancellationToken);
        }

        if (!uploaded.IsSuccess)
        {
            return uploaded;
        }

        var fields = new List<KeyValuePair<string, string>>
        {
            new("files", new JsonArray(new JsonObject { ["id"] = fileId, ["title"] = file.Name }).ToJsonString()),
            new("channel_id", channel),
        };
        if (thread is not null)
        {
            fields.Add(new("thread_ts", thread));
        }

        if (comment is not null)
        {
            fields.Add(new("initial_comment", comment));
        }

        return (await api.CallFormAsync("files.completeUploadExternal", fields, cancellationToken)).Outcome;
    }
}
