using Byoc.Connector.Attachments;
using Byoc.Core.Channels;
using Byoc.Core.Delivery;
using Byoc.Core.Messages;

namespace Byoc.Connector.Channels.Meta;

/// <summary>
/// The WhatsApp channel's inbound half at <c>/channels/{name}</c>, the callback URL of the Meta app: <c>GET</c> is the
/// verification handshake, <c>POST</c> a signed batch of messages and statuses. Each message is stored once by its wamid
/// (Meta redelivers for days); text may answer the latest numbered choices; a tapped reply button, list row or template
/// quick reply is a choice response. Statuses reach the entry through <c>biz_opaque_callback_data</c>, which the outbound
/// half sets on every send, so no table maps wamids to entries; they are stored once per entry and kind, and a
/// <c>delivered</c> after <c>read</c> or <c>failed</c> is dropped (Meta does not keep them in order). Media (image, document,
/// audio, video, sticker) is fetched in two steps, <c>GET /{media-id}</c> for a short-lived URL and a <c>GET</c> of that URL,
/// both with the bearer token, under <c>Connector:Attachments</c> rules; a refused file is skipped (and named) like a
/// malformed item, while a Graph or download failure a retry may fix answers 502 so Meta redelivers the batch (what was
/// stored is then recognised by its wamid). Meta gets an empty 200.
/// </summary>
internal sealed partial class WhatsAppInboundAdapter(
    MetaHubSignature signature,
    WhatsAppEndpointOptions settings,
    WhatsAppEndUsers endUsers,
    WhatsAppGraphApi api,
    InboundFileCheck fileCheck,
    ILogger logger) : IInboundChannelAdapter
{
    // Media URLs are on Meta's CDN (lookaside.fbsbx.com) and need the bearer token; a fake's are on its own origin.
    private readonly DownloadPolicy _media = new()
    {
        AllowedHosts = [settings.GraphBaseUrl.IdnHost, "*.fbsbx.com", "*.facebook.com", "*.whatsapp.net"],
        TrustedOrigin = settings.GraphBaseUrl,
        Authorization = api.Authorization,
    };

    public InboundLimits Limits { get; } = new(settings.MaxBodyBytes, [InboundLimits.Json]);

    public async Task<InboundResult> ReceiveAsync(InboundRequest request, IInboundContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(context);
        if (request.Path.Length > 0)
        {
            return InboundResult.Refuse(InboundRefusalKind.NotFound, "Not found", $"The WhatsApp channel has nothing at '{request.Path}'.");
        }

        if (request.Method == "GET")
        {
            return MetaHubVerification.Answer(request, settings.VerifyToken!);
        }

        if (request.Method != "POST")
        {
            return InboundResult.Refuse(InboundRefusalKind.MethodNotAllowed, "Method not allowed",
                "The WhatsApp channel takes Meta's verification GET and webhook POST only.");
        }

        if (signature.Check(request) is { } refused)
        {
            return refused;
        }

        if (WhatsAppWebhookParser.Parse(request.Body, settings.PhoneNumberId!, out var error) is not { } webhook)
        {
            return InboundResult.Malformed(error!);
        }

        var ingested = new List<InboundMessage>();
        var skipped = new List<string>(webhook.Skipped);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var already = 0;
        foreach (var item in webhook.Messages)
        {
            if (!new EndUserIdentifier(request.Channel, item.User).Fits || item.UserId is { } userId && !new EndUserIdentifier(request.Channel, userId).Fits)
            {
                Log.MessageIgnored(logger, request.Channel, "a message whose sender id is too long for an end-user identifier");
                continue;
            }

            // A user id seen with a wa_id keeps the wa_id's conversation when a later message carries the user id alone.
            var message = item with { User = await endUsers.ResolveAsync(item.User, item.UserId, cancellationToken) };

            await endUsers.WroteAsync(message.User, message.Id, message.At, cancellationToken);
            if (!seen.Add(message.Id) || await context.IsStoredAsync(message.Id, cancellationToken))
            {
                already++;
                continue;
            }

            if (message.Media is { } media)
            {
                var (file, refusal, retry) = await FetchAsync(media, message.Type, context, cancellationToken);
                if (retry is not null)
                {
                    return InboundResult.Refuse(retry);
                }

                if (file is null)
                {
                    skipped.Add($"The {message.Type} in message {message.Id} was refused: {refusal}");
                    continue;
                }

                ingested.Add(Message(request, message, InboundKind.Attachment) with { Attachment = file });
                continue;
            }

            if (await ToInboundAsync(request, message, context, cancellationToken) is { } inbound)
            {
                ingested.Add(inbound);
            }
        }

        foreach (var status in webhook.Statuses)
        {
            if (await StatusAsync(request, status, seen, context, cancellationToken) is { } inbound)
            {
                ingested.Add(inbound);
            }
        }

        return InboundResult.Ingest(ingested, InboundReply.Empty()) with { AlreadyStored = already, Skipped = skipped };
    }

    /// <summary>
    /// The end user's file, stored; or why it was refused (the item is skipped); or, for a failure a redelivery may fix
    /// (Graph or the CDN unreachable or failing), the refusal to answer Meta with.
    /// </summary>
    private async Task<(InboundAttachment? File, string? Refusal, InboundRefusal? Retry)> FetchAsync(WhatsAppMedia media, string type,
        IInboundContext context, CancellationToken cancellationToken)
    {
        // What the webhook declares is checked before any call to Meta: a refused type costs no lookup.
        var name = media.FileName ?? DefaultName(type, media.MimeType);
        if (fileCheck.RefuseType(InboundFileCheck.MimeTypeOf(media.MimeType, name)) is { } badType)
        {
            return (null, badType, null);
        }

        var (outcome, url, mimeType, size) = await api.GetMediaAsync(media.Id, cancellationToken);
        if (url is null)
        {
            return outcome.Kind == DeliveryOutcomeKind.Retryable
                ? (null, null, new InboundRefusal(InboundRefusalKind.UpstreamFailure, "Media not available", $"Meta's media lookup failed; a redelivery may succeed: {outcome.Error}"))
                : (null, outcome.Error, null);
        }

        if (size > fileCheck.MaxBytes)
        {
            return (null, fileCheck.TooLarge, null);
        }

        var stored = await context.DownloadFileAsync(url, name, mimeType ?? media.MimeType, _media, cancellationToken);
        return stored switch
        {
            { Attachment: { } file } => (file, null, null),
            { Refusal.Kind: InboundRefusalKind.UpstreamFailure } => (null, null, stored.Refusal),
            _ => (null, stored.Refusal?.Detail, null),
        };
    }

    /// <summary>A name for a file the end user's app gave none (every type but documents): the type and an extension for the MIME type.</summary>
    private static string DefaultName(string type, string? mimeType) => (mimeType?.Split(';')[0].Trim().ToLowerInvariant()) switch
    {
        "image/jpeg" => type + ".jpg",
        "image/png" => type + ".png",
        "image/webp" => type + ".webp",
        "audio/ogg" => type + ".ogg",
        "audio/mpeg" => type + ".mp3",
        "audio/mp4" or "audio/aac" => type + ".m4a",
        "audio/amr" => type + ".amr",
        "video/mp4" => type + ".mp4",
        "video/3gpp" => type + ".3gp",
        "application/pdf" => type + ".pdf",
        _ => type,
    };

    private static InboundMessage Message(InboundRequest request, WhatsAppEvent message, InboundKind kind) => new()
    {
        Channel = request.Channel,
        PlatformMessageId = message.Id,
        PlatformUserId = message.User,
        Kind = kind,
        Timestamp = message.At,
        Text = message.Text,
    };

    private async Task<InboundMessage?> ToInboundAsync(InboundRequest request, WhatsAppEvent message, IInboundContext context,
        CancellationToken cancellationToken)
    {
        var inbound = Message(request, message, InboundKind.Text);
        if (message.ChoiceId is { } choice)
        {
            return inbound with { Kind = InboundKind.ChoiceResponse, ChoiceOptionIdentifier = choice };
        }

        if (message.Type == "text")
        {
            return await context.MatchChoiceAsync(message.User, message.Text, cancellationToken) is { } match ? match.ToResponse(inbound) : inbound;
        }

        // Locations, reactions, contacts and the rest are not read by this channel yet.
        Log.MessageIgnored(logger, request.Channel, $"a message of type '{message.Type}'");
        return null;
    }

    private async Task<InboundMessage?> StatusAsync(InboundRequest request, WhatsAppStatus status, HashSet<string> seen,
        IInboundContext context, CancellationToken cancellationToken)
    {
        if (status.Entry is not { Length: > 0 } entry)
        {
            // A message sent by something else on the same number (Business Manager, another app): no entry to report on.
            Log.MessageIgnored(logger, request.Channel, "a status without biz_opaque_callback_data");
            return null;
        }

        var (known, key, error) = status.Status switch
        {
            "delivered" => ((DeliveryStatus?)DeliveryStatus.Delivered, "delivered", (string?)null),
            "read" => (DeliveryStatus.Read, "read", null),
            "failed" when status.ErrorCode == WhatsAppGraphApi.ReEngagementCode => (DeliveryStatus.Failed, "failed",
                "Meta error 131047: the end user's WhatsApp 24-hour customer-service window is closed, so only a template can reach them."),
            "failed" => (DeliveryStatus.Failed, "failed",
                $"Meta reports the message failed (error {status.ErrorCode?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "none"}"
                + $"{(status.Error is { Length: > 0 } text ? ": " + text : "")})."),
            _ => (null, "", null),
        };

        // Keyed by entry, not wamid: a long text goes as several messages, and Salesforce hears each status once.
        var id = $"status:{entry}:";
        if (known is not { } mapped
            || (mapped == DeliveryStatus.Delivered && (seen.Contains(id + "read") || seen.Contains(id + "failed")
                || await context.IsStoredAsync(id + "read", cancellationToken) || await context.IsStoredAsync(id + "failed", cancellationToken)))
            || !seen.Add(id + key))
        {
            return null;
        }

        var recipient = status.RecipientUserId is { } userId && new EndUserIdentifier(request.Channel, userId).Fits
            ? await endUsers.ResolveAsync(status.Recipient, userId, cancellationToken)
            : status.Recipient;
        return new InboundMessage
        {
            Channel = request.Channel,
            PlatformMessageId = id + key,
            PlatformUserId = recipient,
            Kind = InboundKind.Status,
            Timestamp = status.At,
            StatusOfEntryIdentifier = entry,
            Status = mapped,
            StatusError = error,
        };
    }
}
