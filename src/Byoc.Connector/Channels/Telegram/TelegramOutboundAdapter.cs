using System.Globalization;
using Byoc.Connector.Attachments;
using Byoc.Connector.Channels.Sending;
using Byoc.Core.Channels;
using Byoc.Core.Delivery;
using Byoc.Core.Messages;
using Telegram.Bot;
using Telegram.Bot.Types;
using Telegram.Bot.Types.Enums;
using Telegram.Bot.Types.ReplyMarkups;

namespace Byoc.Connector.Channels.Telegram;

/// <summary>
/// Shows outbound messages in a Telegram chat. Text is split at 4,096 characters; choices become an inline keyboard (one
/// button per row, remembered in <see cref="TelegramKeyboards"/> so a tap maps back), or numbered text answered by typing
/// when there are more than <c>MaxButtons</c>; files are downloaded from Salesforce and uploaded (sendPhoto for JPEG and
/// PNG up to 10 MB, sendDocument otherwise); typing is sendChatAction, refreshed by <see cref="TelegramTyping"/>. Every
/// message waits for its turn in <see cref="SendRateLimiter"/>. Telegram has no delivery or read receipts for bots,
/// so a successful send is reported Delivered, and nothing is ever reported Read.
/// </summary>
internal sealed class TelegramOutboundAdapter(
    TelegramBot bot,
    TelegramEndpointOptions settings,
    SendRateLimiter limiter,
    TelegramTyping typing,
    PartProgress progress,
    TelegramKeyboards keyboards,
    PendingChoices pendingChoices,
    OutboundFileFetcher fetcher,
    AttachmentFiles files,
    TimeProvider timeProvider) : IOutboundChannelAdapter
{
    /// <summary>The text of a keyboard that came without one: sendMessage needs some text.</summary>
    internal const string DefaultChoicesPrompt = "Please choose:";

    // Sending files: photos up to 10 MB, other files up to 50 MB by upload.
    private const long MaxPhotoBytes = 10L * 1024 * 1024;
    private const long MaxUploadBytes = 50L * 1024 * 1024;

    public async Task<DeliveryOutcome> SendAsync(OutboundMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (!long.TryParse(message.PlatformUserId, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var chatId))
        {
            return DeliveryOutcome.Permanent($"'{message.PlatformUserId}' is not a Telegram chat id.");
        }

        switch (message.Kind)
        {
            case OutboundKind.TypingStarted:
            case OutboundKind.Progress when settings.ProgressIndicators == TelegramProgressMode.Typing:
                await StartTypingAsync(message.PlatformUserId, chatId, cancellationToken);
                return DeliveryOutcome.Succeeded;
            case OutboundKind.TypingStopped:
                // Telegram has no "stopped typing": the indicator ends by itself within 5 seconds once it is not refreshed.
                typing.Stop(message.PlatformUserId);
                return DeliveryOutcome.Succeeded;
        }

        typing.Stop(message.PlatformUserId);
        var fetched = message.Kind == OutboundKind.Attachment ? await fetcher.FetchAsync(message, cancellationToken) : null;
        if (fetched?.TransientError is { } transient)
        {
            return DeliveryOutcome.Retryable($"A file could not be downloaded from Salesforce: {transient}");
        }

        var (parts, refused) = await PlanAsync(message, fetched, cancellationToken);
        var sent = await progress.SendInOrderAsync(message, parts.Count,
            index => SendPartAsync(message.PlatformUserId, chatId, parts[index], cancellationToken));
        return !sent.IsSuccess || refused is null ? sent : DeliveryOutcome.Permanent(refused);
    }

    private async Task StartTypingAsync(string platformUserId, long chatId, CancellationToken cancellationToken)
    {
        var first = await SendTypingAsync(chatId, cancellationToken);
        if (first.IsSuccess)
        {
            typing.Start(platformUserId, ct => SendTypingAsync(chatId, ct));
        }
    }

    private Task<TelegramCall<bool>> SendTypingAsync(long chatId, CancellationToken cancellationToken) =>
        bot.CallAsync("sendChatAction", async (client, ct) =>
        {
            await client.SendChatAction(chatId, ChatAction.Typing, cancellationToken: ct);
            return true;
        }, cancellationToken);

    /// <summary>The sends that show the message, in order, and the delivery failure to report for files that could not go.</summary>
    private async Task<(IReadOnlyList<TelegramPart> Parts, string? Refused)> PlanAsync(OutboundMessage message, OutboundFiles? fetched,
        CancellationToken cancellationToken)
    {
        switch (message.Kind)
        {
            case OutboundKind.Choices when message.Choices.Count is > 0 and var count && count <= settings.MaxButtons:
                await keyboards.OfferAsync(message, cancellationToken);
                var keyboard = new InlineKeyboardMarkup(message.Choices.Select((option, index) => new[]
                {
                    InlineKeyboardButton.WithCallbackData(ButtonText(option, index), TelegramKeyboards.CallbackData(message.EntryIdentifier, index)),
                }));
                var prompt = TextRendering.WithLinks(message.Text, message.Links);
                var texts = TelegramText.Split(string.IsNullOrWhiteSpace(prompt) ? DefaultChoicesPrompt : prompt);
                return ([.. texts.Select((text, index) => new TelegramPart(text, index == texts.Count - 1 ? keyboard : null))], null);
            case OutboundKind.Choices:
                await pendingChoices.OfferAsync(message, cancellationToken);
                return (Texts(TextRendering.Choices(message)), null);
            case OutboundKind.Attachment:
                return Files(message, fetched!);
            case OutboundKind.ParticipantChanged:
                return (Texts(ParticipantNotices.Render(message, settings.ParticipantJoinedText, settings.ParticipantLeftText)), null);
            default:
                return (Texts(TextRendering.WithLinks(message.Text, message.Links)), null);
        }
    }

    private static (IReadOnlyList<TelegramPart> Parts, string? Refused) Files(OutboundMessage message, OutboundFiles fetched)
    {
        var refusals = fetched.Refused.Select(r => (r.Attachment.Name, r.Reason)).ToList();
        var uploads = new List<StoredFile>();
        foreach (var file in fetched.Stored)
        {
            if (file.Length > MaxUploadBytes)
            {
                refusals.Add((file.Name, $"Telegram takes files up to {MaxUploadBytes / (1024 * 1024)} MB from bots"));
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

        // A short text is the first file's caption; a longer one (or one with no file to carry it) goes first on its own.
        var captioned = uploads.Count > 0 && text.Length <= TelegramText.MaxCaptionLength;
        var parts = new List<TelegramPart>();
        if (!captioned)
        {
            parts.AddRange(Texts(text));
        }

        parts.AddRange(uploads.Select((file, index) => new TelegramPart(captioned && index == 0 && text.Length > 0 ? text : null, File: file,
            AsPhoto: file.MimeType is "image/jpeg" or "image/png" && file.Length <= MaxPhotoBytes)));
        var refused = refusals.Count == 0 ? null : "Refused attachment(s): " + string.Join("; ", refusals.Select(r => $"{r.Name}: {r.Reason}"));
        return (parts, refused);
    }

    private static List<TelegramPart> Texts(string text) => [.. TelegramText.Split(text).Select(part => new TelegramPart(part))];

    private static string ButtonText(ChoiceOption option, int index) =>
        string.IsNullOrWhiteSpace(option.Title) ? (index + 1).ToString(CultureInfo.InvariantCulture) : option.Title;

    private async Task<DeliveryOutcome> SendPartAsync(string platformUserId, long chatId, TelegramPart part, CancellationToken cancellationToken)
    {
        if (!limiter.TryReserve(platformUserId, settings.MaxRateLimitWait, out var wait))
        {
            return DeliveryOutcome.Retryable($"The chat's Telegram rate limit allows the next message in {wait.TotalSeconds:0.#} s.", wait);
        }

        if (wait > TimeSpan.Zero)
        {
            await Task.Delay(wait, timeProvider, cancellationToken);
        }

        if (part.File is not { } file)
        {
            var sent = await bot.CallAsync("sendMessage",
                (client, ct) => client.SendMessage(chatId, part.Text!, replyMarkup: part.Keyboard, cancellationToken: ct), cancellationToken);
            return sent.Outcome;
        }

        var method = part.AsPhoto ? "sendPhoto" : "sendDocument";
        var uploaded = await bot.CallAsync(method, async (client, ct) =>
        {
            await using var content = files.OpenRead(file);
            var upload = InputFile.FromStream(content, file.Name);
            return part.AsPhoto
                ? await client.SendPhoto(chatId, upload, caption: part.Text, cancellationToken: ct)
                : await client.SendDocument(chatId, upload, caption: part.Text, cancellationToken: ct);
        }, cancellationToken);
        return uploaded.Outcome;
    }
}
