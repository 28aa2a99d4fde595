using Byoc.Core.Channels;
using Byoc.Core.Messages;

namespace Byoc.Connector.Channels.Meta;

/// <summary>
/// The Messenger channel's inbound half at <c>/channels/{name}</c>, the callback URL of the Meta app's Messenger webhook:
/// <c>GET</c> is the verification handshake, <c>POST</c> a signed batch of <c>messaging</c> events (the same door as
/// WhatsApp: <see cref="MetaHubVerification"/>, <see cref="MetaHubSignature"/>). Each message and postback is stored once
/// by its mid (Meta redelivers for days); text may answer the latest numbered choices; a quick reply or a postback
/// button is a choice response; each file (by URL on Meta's CDN) is fetched under <c>Connector:Attachments</c> rules and
/// stored as its own message (<c>{mid}</c>, then <c>{mid}#2</c>, …), a refused file skipped and named, a CDN failure a
/// retry may fix answered 502 so Meta redelivers. Delivery and read watermarks acknowledge every entry sent to the end
/// user at or before them (and a delivery's mids, whatever the time), once per entry and kind; a delivery after the
/// entry's read is dropped. Meta gets an empty 200.
/// </summary>
internal sealed partial class MessengerInboundAdapter(
    MetaHubSignature signature,
    MessengerEndpointOptions settings,
    MessengerEndUsers endUsers,
    ILogger logger) : IInboundChannelAdapter
{
    // Files are on Meta's CDN (scontent*.fbcdn.net, cdn.fbsbx.com) and need no credentials; a fake's are on its own origin.
    private readonly DownloadPolicy _files = new()
    {
        AllowedHosts = [settings.GraphBaseUrl.IdnHost, "*.fbcdn.net", "*.fbsbx.com", "*.facebook.com"],
        TrustedOrigin = settings.GraphBaseUrl,
    };

    public InboundLimits Limits { get; } = new(settings.MaxBodyBytes, [InboundLimits.Json]);

    public async Task<InboundResult> ReceiveAsync(InboundRequest request, IInboundContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(context);
        if (request.Path.Length > 0)
        {
            return InboundResult.Refuse(InboundRefusalKind.NotFound, "Not found", $"The Messenger channel has nothing at '{request.Path}'.");
        }

        if (request.Method == "GET")
        {
            return MetaHubVerification.Answer(request, settings.VerifyToken!);
        }

        if (request.Method != "POST")
        {
            return InboundResult.Refuse(InboundRefusalKind.MethodNotAllowed, "Method not allowed",
                "The Messenger channel takes Meta's verification GET and webhook POST only.");
        }

        if (signature.Check(request) is { } refused)
        {
            return refused;
        }

        if (MessengerWebhookParser.Parse(request.Body, settings.PageId!, out var error) is not { } webhook)
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
                Log.EventIgnored(logger, request.Channel, "an event whose sender id is too long for an end-user identifier");
                continue;
            }

            if (item.Kind is MessengerEventKind.Delivery or MessengerEventKind.Read)
            {
                ingested.AddRange(await WatermarkAsync(request, item, seen, context, cancellationToken));
                continue;
            }

            // A postback is the end user's action too: it opens the standard messaging window like a message.
            await endUsers.WroteAsync(item.User, item.Id, item.At, cancellationToken);
            if (!seen.Add(item.Id) || await context.IsStoredAsync(item.Id, cancellationToken))
            {
                already++;
                continue;
            }

            if (item.Attachments is { Count: > 0 } files)
            {
                var (stored, retry) = await FilesAsync(request, item, files, skipped, context, cancellationToken);
                if (retry is not null)
                {
                    return InboundResult.Refuse(retry);
                }

                ingested.AddRange(stored);
                if (item.Text is null)
                {
                    continue;
                }
            }

            ingested.Add(await ToInboundAsync(request, item, context, cancellationToken));
        }

        return InboundResult.Ingest(ingested, InboundReply.Empty()) with { AlreadyStored = already, Skipped = skipped };
    }

    private static InboundMessage Message(InboundRequest request, MessengerEvent item, string id, InboundKind kind) => new()
    {
        Channel = request.Channel,
        PlatformMessageId = id,
        PlatformUserId = item.User,
        Kind = kind,
        Timestamp = item.At,
        Text = item.Text,
    };

    private static async Task<InboundMessage> ToInboundAsync(InboundRequest request, MessengerEvent item, IInboundContext context,
        CancellationToken cancellationToken)
    {
        // A message with text and files: the files went as {mid} and {mid}#n, the text as {mid}#text.
        var id = item.Attachments is { Count: > 0 } ? item.Id + "#text" : item.Id;
        var inbound = Message(request, item, id, InboundKind.Text);
        if (item.ChoiceId is { } choice)
        {
            return inbound with { Kind = InboundKind.ChoiceResponse, ChoiceOptionIdentifier = choice };
        }

        return await context.MatchChoiceAsync(item.User, item.Text, cancellationToken) is { } match ? match.ToResponse(inbound) : inbound;
    }

    /// <summary>
    /// Each file of <paramref name="item"/>, stored; a refused one is named in <paramref name="skipped"/>; for a download
    /// failure a redelivery may fix, the refusal to answer Meta with.
    /// </summary>
    private async Task<(List<InboundMessage> Stored, InboundRefusal? Retry)> FilesAsync(InboundRequest request, MessengerEvent item,
        IReadOnlyList<MessengerAttachment> files, List<string> skipped, IInboundContext context, CancellationToken cancellationToken)
    {
        var stored = new List<InboundMessage>();
        for (var index = 0; index < files.Count; index++)
        {
            var file = files[index];
            var id = index == 0 ? item.Id : $"{item.Id}#{index + 1}";
            if (index > 0 && await context.IsStoredAsync(id, cancellationToken))
            {
                continue;
            }

            var name = FileName(file);
            var result = await context.DownloadFileAsync(file.Url, name, DeclaredType(file.Type, name), _files, cancellationToken);
            switch (result)
            {
                case { Attachment: { } attachment }:
                    stored.Add(Message(request, item, id, InboundKind.Attachment) with { Text = null, Attachment = attachment });
                    break;
                case { Refusal.Kind: InboundRefusalKind.UpstreamFailure }:
                    return (stored, result.Refusal);
                default:
                    skipped.Add($"The {file.Type} in message {item.Id} was refused: {result.Refusal?.Detail}");
                    break;
            }
        }

        return (stored, null);
    }

    /// <summary>The file name in the CDN URL's path, else the attachment's type.</summary>
    private static string FileName(MessengerAttachment file) =>
        Uri.UnescapeDataString(file.Url.Segments[^1]) is { Length: > 0 } last && last != "/" ? last : file.Type;

    /// <summary>
    /// The MIME type when the URL's file name has no extension to imply one (UNCONFIRMED: Meta's CDN names usually
    /// carry one): images and videos as JPEG and MP4, voice clips as MP4 audio; a <c>file</c> needs its extension.
    /// </summary>
    private static string? DeclaredType(string type, string name) => Path.HasExtension(name) ? null : type switch
    {
        "image" => "image/jpeg",
        "video" => "video/mp4",
        "audio" => "audio/mp4",
        _ => null,
    };

    /// <summary>
    /// The acknowledgements a watermark makes: Read for every tracked entry sent at or before a read watermark; Delivered
    /// for every one at or before a delivery watermark or named by its mids, unless it was already read. Each once.
    /// </summary>
    private async Task<List<InboundMessage>> WatermarkAsync(InboundRequest request, MessengerEvent item, HashSet<string> seen,
        IInboundContext context, CancellationToken cancellationToken)
    {
        var statuses = new List<InboundMessage>();
        var read = item.Kind == MessengerEventKind.Read;
        foreach (var sent in await endUsers.SentAsync(item.User, cancellationToken))
        {
            var covered = sent.At <= item.Watermark || (!read && item.Mids is { } mids && sent.Mids.Any(mids.Contains));
            var id = $"status:{sent.Entry}:";
            var key = read ? "read" : "delivered";
            if (!covered || seen.Contains(id + key) || seen.Contains(id + "read")
                || await context.IsStoredAsync(id + key, cancellationToken)
                || (!read && await context.IsStoredAsync(id + "read", cancellationToken)))
            {
                continue;
            }

            seen.Add(id + key);
            statuses.Add(new InboundMessage
            {
                Channel = request.Channel,
                PlatformMessageId = id + key,
                PlatformUserId = item.User,
                Kind = InboundKind.Status,
                Timestamp = item.Watermark ?? item.At,
                StatusOfEntryIdentifier = sent.Entry,
                Status = read ? DeliveryStatus.Read : DeliveryStatus.Delivered,
            });
        }

        if (statuses.Count == 0)
        {
            Log.EventIgnored(logger, request.Channel, $"a {(read ? "read" : "delivery")} watermark that acknowledges no new entry");
        }

        return statuses;
    }
}
