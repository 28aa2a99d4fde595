using Byoc.Connector.Attachments;
using Byoc.Core.Channels;
using Byoc.Core.Messages;
using Telegram.Bot;

namespace Byoc.Connector.Channels.Telegram;

/// <summary>
/// The Telegram channel's inbound half, behind <c>POST /channels/{name}</c> (the webhook set with the secret token): a
/// verified update becomes a text message, a file (fetched with <c>getFile</c> and downloaded with the bot token from the
/// configured Bot API server, after the duplicate check, under the connector's type and size rules) or a choice response
/// (a tap, mapped back through <see cref="TelegramKeyboards"/> and always answered with <c>answerCallbackQuery</c>). Every
/// other update is answered 200 and ignored. Telegram retries any answer but 2xx, so refusals are only for requests that
/// are not authentic updates or that carry a file the connector cannot take.
/// </summary>
internal sealed partial class TelegramInboundAdapter(
    TelegramUpdateParser parser,
    TelegramBot bot,
    TelegramKeyboards keyboards,
    InboundFileCheck fileCheck,
    TelegramEndpointOptions settings,
    TimeProvider timeProvider,
    ILogger logger) : IInboundChannelAdapter
{
    /// <summary>getFile: bots can download files of up to 20 MB.</summary>
    internal const long MaxDownloadBytes = 20L * 1024 * 1024;

    /// <summary>What a tap on a keyboard the connector no longer knows shows the end user.</summary>
    internal const string StaleTapText = "This choice is no longer available.";

    private readonly DownloadPolicy _files = new()
    {
        AllowedHosts = [settings.ApiBaseUrl.IdnHost],
        TrustedOrigin = settings.ApiBaseUrl,
    };

    public InboundLimits Limits { get; } = new(settings.MaxBodyBytes, [InboundLimits.Json]);

    public async Task<InboundResult> ReceiveAsync(InboundRequest request, IInboundContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(context);
        if (request.Path.Length > 0)
        {
            return InboundResult.Refuse(InboundRefusalKind.NotFound, "Not found", $"The Telegram channel has nothing at '{request.Path}'.");
        }

        if (request.Method != "POST")
        {
            return InboundResult.Refuse(InboundRefusalKind.MethodNotAllowed, "Method not allowed", "The Telegram channel takes POST only (Telegram's webhook).");
        }

        if (parser.Parse(request, out var refusal) is not { } update)
        {
            return refusal!;
        }

        switch (update.Kind)
        {
            case TelegramInboundKind.Text:
                // A retried update changes nothing: matching it again would mark the latest offer answered with nothing stored.
                if (await context.IsStoredAsync(update.PlatformMessageId, cancellationToken))
                {
                    return InboundResult.Ingest([], InboundReply.Empty()) with { AlreadyStored = 1 };
                }

                var text = Message(request, update, InboundKind.Text);
                return Stored(await context.MatchChoiceAsync(update.ChatId, update.Text, cancellationToken) is { } match ? match.ToResponse(text) : text);
            case TelegramInboundKind.File:
                return await ReceiveFileAsync(request, update, context, cancellationToken);
            case TelegramInboundKind.Tap:
                return await ReceiveTapAsync(request, update, context, cancellationToken);
            default:
                Log.UpdateIgnored(logger, request.Channel, update.IgnoredReason ?? "unknown");
                if (update.CallbackQueryId is { } ignoredTap)
                {
                    await AnswerTapAsync(ignoredTap, null, cancellationToken);
                }

                return InboundResult.Answer(InboundReply.Empty());
        }
    }

    private async Task<InboundResult> ReceiveFileAsync(InboundRequest request, TelegramInbound update, IInboundContext context,
        CancellationToken cancellationToken)
    {
        if (await context.IsStoredAsync(update.PlatformMessageId, cancellationToken))
        {
            return InboundResult.Ingest([], InboundReply.Empty()) with { AlreadyStored = 1 };
        }

        // What the update declares is checked before any call to Telegram: a refused type or size costs no download.
        var file = update.File!;
        if (fileCheck.RefuseType(InboundFileCheck.MimeTypeOf(file.MimeType, file.Name)) is { } badType)
        {
            return InboundResult.Refuse(InboundRefusalKind.UnsupportedMediaType, "Attachment refused", badType);
        }

        if (file.Size > Math.Min(MaxDownloadBytes, fileCheck.MaxBytes))
        {
            return file.Size > MaxDownloadBytes ? TooLarge() : InboundResult.Refuse(InboundRefusalKind.PayloadTooLarge, "Attachment refused", fileCheck.TooLarge);
        }

        var found = await bot.CallAsync("getFile", (client, ct) => client.GetFile(file.FileId, ct), cancellationToken);
        if (!found.IsSuccess || found.Value?.FilePath is not { Length: > 0 } filePath)
        {
            return found switch
            {
                { Description: { } description } when description.Contains("file is too big", StringComparison.OrdinalIgnoreCase) => TooLarge(),
                { IsSuccess: false, Outcome.Kind: Core.Delivery.DeliveryOutcomeKind.Retryable } => InboundResult.Refuse(InboundRefusalKind.UpstreamFailure,
                    "File not available", $"Telegram's getFile failed; the retried update may succeed: {found.Outcome.Error}"),
                _ => InboundResult.Refuse(InboundRefusalKind.Unprocessable, "File not available",
                    $"Telegram's getFile gave no file: {found.Outcome.Error ?? "no file_path"}"),
            };
        }

        // getFile: https://api.telegram.org/file/bot<token>/<file_path>; the token in the path is redacted from every log.
        var url = new Uri($"{settings.ApiBaseUrl.GetLeftPart(UriPartial.Authority)}/file/bot{settings.BotToken}/{filePath.TrimStart('/')}");
        var stored = await context.DownloadFileAsync(url, file.Name, file.MimeType, _files, cancellationToken);
        if (stored.Attachment is not { } attachment)
        {
            return InboundResult.Refuse(stored.Refusal!);
        }

        return Stored(Message(request, update, InboundKind.Attachment) with { Attachment = attachment });
    }

    private async Task<InboundResult> ReceiveTapAsync(InboundRequest request, TelegramInbound update, IInboundContext context,
        CancellationToken cancellationToken)
    {
        var queryId = update.CallbackQueryId!;
        if (await context.IsStoredAsync(update.PlatformMessageId, cancellationToken))
        {
            // Telegram retried the tap: it may not have seen the first answer either, so answer again (best effort).
            context.AfterCommit(ct => AnswerTapAsync(queryId, null, ct));
            return InboundResult.Ingest([], InboundReply.Empty()) with { AlreadyStored = 1 };
        }

        var offer = TelegramKeyboards.TryParse(update.CallbackData, out var entryKey, out var index)
            ? await keyboards.FindAsync(request.Channel, update.ChatId, entryKey, cancellationToken)
            : null;
        if (offer is null || index >= offer.Options.Count)
        {
            Log.UpdateIgnored(logger, request.Channel, "a tap on a keyboard the connector does not know");
            await AnswerTapAsync(queryId, StaleTapText, cancellationToken);
            return InboundResult.Answer(InboundReply.Empty());
        }

        var option = offer.Options[index];
        context.AfterCommit(ct => AnswerTapAsync(queryId, null, ct));
        return Stored(Message(request, update, InboundKind.ChoiceResponse) with
        {
            ChoiceOptionIdentifier = option.Identifier,
            InReplyToEntryIdentifier = offer.EntryIdentifier,
            Text = option.Title,
        });
    }

    /// <summary>answerCallbackQuery, which every tap needs (the button shows a spinner until then); a failure is only logged.</summary>
    private async Task AnswerTapAsync(string queryId, string? text, CancellationToken cancellationToken) =>
        await bot.CallAsync("answerCallbackQuery", async (client, ct) =>
        {
            await client.AnswerCallbackQuery(queryId, text, cancellationToken: ct);
            return true;
        }, cancellationToken);

    private InboundMessage Message(InboundRequest request, TelegramInbound update, InboundKind kind) => new()
    {
        Channel = request.Channel,
        PlatformMessageId = update.PlatformMessageId,
        PlatformUserId = update.ChatId,
        Kind = kind,
        Timestamp = update.Timestamp ?? timeProvider.GetUtcNow(),
        Text = update.Text,
    };

    private static InboundResult Stored(InboundMessage message) => InboundResult.Ingest([message], InboundReply.Empty());

    private static InboundResult TooLarge() => InboundResult.Refuse(InboundRefusalKind.PayloadTooLarge, "Attachment refused",
        $"Telegram lets bots download files of up to {MaxDownloadBytes / (1024 * 1024)} MB.");
}
