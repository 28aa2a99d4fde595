using Byoc.Connector.Attachments;
using Byoc.Connector.Channels.Telegram;
using Byoc.Core.Channels;
using Byoc.Core.Messages;

namespace Byoc.Connector.Channels.Line;

/// <summary>
/// The LINE channel's inbound half at <c>/channels/{name}</c>, the channel's webhook URL: a <c>POST</c> signed with
/// <c>x-line-signature</c> carrying an array of events. Each event is stored once by its <c>webhookEventId</c>: LINE's
/// redelivery (<c>deliveryContext.isRedelivery</c>, when webhook redelivery is on) carries the same id and is recognised,
/// never dropped just for being one. A text message may answer the latest numbered choices; a postback (a tapped quick
/// reply) is a choice response; a sticker is a short text. Images, videos, audio and files are fetched from the data host
/// (<c>GET /v2/bot/message/{id}/content</c> with the bearer token) under <c>Connector:Attachments</c> rules; a refused
/// file is skipped (and named), while a download failure a retry may fix answers 502 so LINE redelivers. A <c>follow</c>
/// and an <c>unfollow</c> are kept as the end user's state (nothing is sent to a user who blocked the account). Each
/// event's reply token and each message's mark-as-read token are kept for the outbound half. An empty event array is
/// the console's "Verify" and gets 200 like every accepted delivery; LINE reads nothing of the body.
/// </summary>
internal sealed partial class LineInboundAdapter(
    LineSignature signature,
    LineEndpointOptions settings,
    LineEndUsers endUsers,
    LineApi api,
    TelegramKeyboards keyboards,
    InboundFileCheck fileCheck,
    ILogger logger) : IInboundChannelAdapter
{
    private readonly DownloadPolicy _content = new()
    {
        AllowedHosts = [settings.DataBaseUrl.IdnHost],
        TrustedOrigin = settings.DataBaseUrl,
        Authorization = api.Authorization,
    };

    public InboundLimits Limits { get; } = new(settings.MaxBodyBytes, [InboundLimits.Json]);

    public async Task<InboundResult> ReceiveAsync(InboundRequest request, IInboundContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(context);
        if (request.Path.Length > 0)
        {
            return InboundResult.Refuse(InboundRefusalKind.NotFound, "Not found", $"The LINE channel has nothing at '{request.Path}'.");
        }

        if (request.Method != "POST")
        {
            return InboundResult.Refuse(InboundRefusalKind.MethodNotAllowed, "Method not allowed", "The LINE channel takes LINE's webhook POST only.");
        }

        if (signature.Check(request) is { } refused)
        {
            return refused;
        }

        if (LineWebhookParser.Parse(request.Body, out var error) is not { } webhook)
        {
            return InboundResult.Malformed(error!);
        }

        var ingested = new List<InboundMessage>();
        var skipped = new List<string>(webhook.Skipped);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var already = 0;
        foreach (var item in webhook.Events)
        {
            if (!new EndUserIdentifier(request.Channel, item.User).Fits)
            {
                Log.EventIgnored(logger, request.Channel, "an event whose user id is too long for an end-user identifier");
                continue;
            }

            if (!seen.Add(item.Id) || await context.IsStoredAsync(item.Id, cancellationToken))
            {
                already++;
                continue;
            }

            if (item.ReplyToken is { Length: > 0 } replyToken && !item.Redelivery)
            {
                // A redelivered event's reply token is of no use: LINE redelivers after the minute it is valid for.
                await endUsers.ReceivedReplyTokenAsync(item.User, replyToken, cancellationToken);
            }

            if (item.Message?.MarkAsReadToken is { Length: > 0 } readToken)
            {
                await endUsers.ReceivedReadTokenAsync(item.User, readToken, cancellationToken);
            }

            switch (item.Type)
            {
                case "message" when item.Message is { } message:
                    var (inbound, refusal, retry) = await MessageAsync(request, item, message, context, cancellationToken);
                    if (retry is not null)
                    {
                        return InboundResult.Refuse(retry);
                    }

                    if (refusal is not null)
                    {
                        skipped.Add(refusal);
                    }
                    else if (inbound is not null)
                    {
                        ingested.Add(inbound);
                    }

                    break;
                case "postback":
                    if (await ChoiceAsync(request, item, cancellationToken) is { } choice)
                    {
                        ingested.Add(choice);
                    }

                    break;
                case "follow" or "unfollow":
                    await endUsers.FollowedAsync(item.User, item.Type == "unfollow", item.At, cancellationToken);
                    Log.EventIgnored(logger, request.Channel, $"a {item.Type} event (kept as the end user's state)");
                    break;
                default:
                    Log.EventIgnored(logger, request.Channel, $"an event of type '{item.Type}'");
                    break;
            }
        }

        return InboundResult.Ingest(ingested, InboundReply.Empty()) with { AlreadyStored = already, Skipped = skipped };
    }

    private async Task<(InboundMessage? Inbound, string? Refusal, InboundRefusal? Retry)> MessageAsync(InboundRequest request, LineEvent item,
        LineMessage message, IInboundContext context, CancellationToken cancellationToken)
    {
        var inbound = Inbound(request, item, InboundKind.Text) with { Text = message.Text };
        switch (message.Type)
        {
            case "text":
                return (await context.MatchChoiceAsync(item.User, message.Text, cancellationToken) is { } match ? match.ToResponse(inbound) : inbound, null, null);
            case "sticker":
                return (inbound, null, null);
            case "image" or "video" or "audio" or "file":
                break;
            default:
                // Locations and the rest are not read by this channel yet.
                Log.EventIgnored(logger, request.Channel, $"a message of type '{message.Type}'");
                return (null, null, null);
        }

        // LINE declares no MIME type: its images are JPEG, videos MP4 and audio M4A; a file's type comes from its name.
        var (name, mimeType) = message.Type switch
        {
            "image" => ("image.jpg", "image/jpeg"),
            "video" => ("video.mp4", "video/mp4"),
            "audio" => ("audio.m4a", "audio/mp4"),
            _ => (message.FileName ?? "file", InboundFileCheck.MimeTypeOf(null, message.FileName)),
        };
        if (fileCheck.RefuseType(mimeType) is { } badType)
        {
            return (null, $"The {message.Type} in message {message.Id} was refused: {badType}", null);
        }

        if (message.FileSize > fileCheck.MaxBytes)
        {
            return (null, $"The {message.Type} in message {message.Id} was refused: {fileCheck.TooLarge}", null);
        }

        // Content LINE does not host is fetched from its own URL, without the token, like any URL an end user supplies.
        var stored = message.ExternalUrl is { } external
            ? await context.DownloadFileAsync(external, name, mimeType, DownloadPolicy.Default, cancellationToken)
            : await context.DownloadFileAsync(api.ContentUrl(message.Id), name, mimeType, _content, cancellationToken);
        return stored switch
        {
            { Attachment: { } file } => (Inbound(request, item, InboundKind.Attachment) with { Attachment = file }, null, null),
            { Refusal.Kind: InboundRefusalKind.UpstreamFailure } => (null, null, stored.Refusal with
            {
                Detail = $"LINE's content of message {message.Id} could not be fetched; a redelivery may succeed. {stored.Refusal.Detail}",
            }),
            _ => (null, $"The {message.Type} in message {message.Id} was refused: {stored.Refusal?.Detail}", null),
        };
    }

    /// <summary>A tapped quick reply as the pick of its choices entry; null (logged) for a postback the connector did not send, such as a rich menu's.</summary>
    private async Task<InboundMessage?> ChoiceAsync(InboundRequest request, LineEvent item, CancellationToken cancellationToken)
    {
        var offer = TelegramKeyboards.TryParse(item.PostbackData, out var entryKey, out var index)
            ? await keyboards.FindAsync(request.Channel, item.User, entryKey, cancellationToken)
            : null;
        if (offer is null || index >= offer.Options.Count)
        {
            Log.EventIgnored(logger, request.Channel, "a postback the connector did not send");
            return null;
        }

        var option = offer.Options[index];
        return Inbound(request, item, InboundKind.ChoiceResponse) with
        {
            ChoiceOptionIdentifier = option.Identifier,
            InReplyToEntryIdentifier = offer.EntryIdentifier,
            Text = option.Title,
        };
    }

    private static InboundMessage Inbound(InboundRequest request, LineEvent item, InboundKind kind) => new()
    {
        Channel = request.Channel,
        PlatformMessageId = item.Id,
        PlatformUserId = item.User,
        Kind = kind,
        Timestamp = item.At,
    };
}
