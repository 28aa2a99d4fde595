using System.Globalization;
using Byoc.Core.Channels;
using Byoc.Core.Messages;

namespace Byoc.Connector.Channels.Twilio;

/// <summary>
/// The Twilio channel's inbound half. <c>POST /channels/{name}</c> is the incoming-message webhook: a signed message
/// becomes text (a typed number or title answers the latest numbered choices), a WhatsApp button tap
/// (<c>ButtonPayload</c>) a choice response, and each <c>MediaUrlN</c> an attachment downloaded with the account's
/// credentials after the duplicate check. <c>POST /channels/{name}/status?entry=…</c> is the status callback the outbound
/// half sets on every send: the entry id rides in the signed URL, so no table maps MessageSid to entry. Twilio is answered
/// with empty TwiML (no reply message) and a status callback with an empty 200.
/// </summary>
internal sealed partial class TwilioInboundAdapter(
    TwilioRequestSignature signature,
    TwilioEndpointOptions settings,
    TwilioEndUsers endUsers,
    TimeProvider timeProvider,
    ILogger logger) : IInboundChannelAdapter
{
    /// <summary>The sub-path of the status callback.</summary>
    public const string StatusPath = "status";

    /// <summary>Empty TwiML: Twilio sends nothing back to the end user (messaging webhooks, "TwiML for Programmable Messaging").</summary>
    internal const string EmptyTwiml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response></Response>";

    // A message has at most 10 media (Messages resource, MediaUrl).
    private const int MaxMedia = 10;

    // Media URLs are on the API host and redirect to Twilio's media CDN (Messages > Media: "redirect to the media file").
    // The credentials go only to the API origin; the CDN's signed URL needs none.
    private readonly DownloadPolicy _media = new()
    {
        AllowedHosts = [settings.ApiBaseUrl.IdnHost, "*.twiliocdn.com", "*.twilio.com", "*.amazonaws.com"],
        TrustedOrigin = settings.ApiBaseUrl,
        Authorization = TwilioApi.Authorization(settings),
    };

    /// <summary>The incoming-message webhook URL to give Twilio: <c>{public base}/channels/{name}</c>, plus <paramref name="path"/>.</summary>
    public static Uri WebhookUrl(Uri publicBaseUrl, string channel, string path = "")
    {
        ArgumentNullException.ThrowIfNull(publicBaseUrl);
        return new($"{publicBaseUrl.AbsoluteUri.TrimEnd('/')}/channels/{Uri.EscapeDataString(channel)}{(path.Length > 0 ? "/" + path : "")}");
    }

    public InboundLimits Limits { get; } = new(settings.MaxBodyBytes, [InboundLimits.Form, InboundLimits.Json]);

    public async Task<InboundResult> ReceiveAsync(InboundRequest request, IInboundContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(context);
        if (request.Path.Length > 0 && request.Path != StatusPath)
        {
            return InboundResult.Refuse(InboundRefusalKind.NotFound, "Not found", $"The Twilio channel has nothing at '{request.Path}'.");
        }

        if (request.Method != "POST")
        {
            return InboundResult.Refuse(InboundRefusalKind.MethodNotAllowed, "Method not allowed", "The Twilio channel takes POST only (Twilio's webhooks).");
        }

        if (signature.Check(request) is { } refused)
        {
            return refused;
        }

        if (request.MediaType != InboundLimits.Form)
        {
            return InboundResult.Refuse(InboundRefusalKind.UnsupportedMediaType, "Unsupported body",
                "Twilio's messaging webhooks are form posts (application/x-www-form-urlencoded).");
        }

        var form = request.Form;
        if ((form["MessageSid"] ?? form["SmsSid"]) is not { Length: > 0 } sid)
        {
            return InboundResult.Malformed("The form has no MessageSid.");
        }

        return request.Path == StatusPath
            ? await ReceiveStatusAsync(request, context, cancellationToken)
            : await ReceiveMessageAsync(request, sid, context, cancellationToken);
    }

    private async Task<InboundResult> ReceiveMessageAsync(InboundRequest request, string sid, IInboundContext context, CancellationToken cancellationToken)
    {
        var form = request.Form;
        if (form["From"] is not { Length: > 0 } from)
        {
            return InboundResult.Malformed("The form has no From.");
        }

        if (!new EndUserIdentifier(request.Channel, from).Fits)
        {
            return InboundResult.Refuse(InboundRefusalKind.Unprocessable, "Sender too long", "From is too long for an end-user identifier.");
        }

        var mediaCount = 0;
        if (form["NumMedia"] is { } numMedia
            && (!int.TryParse(numMedia, NumberStyles.None, CultureInfo.InvariantCulture, out mediaCount) || mediaCount > MaxMedia))
        {
            return InboundResult.Malformed($"NumMedia must be a number from 0 to {MaxMedia} (got '{numMedia}').");
        }

        // A replay (Twilio's retry, or a copy) changes nothing: not the window's start, not the opt-out state. A message
        // the inbox does not keep (an empty one, a refused one) is caught by TwilioEndUsers.WroteAsync instead.
        if (await context.IsStoredAsync(sid, cancellationToken))
        {
            return InboundResult.Ingest([], InboundReply.Xml(EmptyTwiml)) with { AlreadyStored = 1 };
        }

        var body = form["Body"];
        var keyword = TwilioKeywords.Classify(form["OptOutType"], body);

        // What the end user did is a fact at Twilio whatever the connector makes of the message: any new message opens
        // WhatsApp's window (also one ignored here, or one whose media is refused), and a STOP holds at Twilio.
        await endUsers.WroteAsync(from, sid, cancellationToken);
        if (settings.HonorOptOut && keyword is "STOP" or "START")
        {
            await endUsers.OptOutAsync(from, keyword == "STOP", cancellationToken);
            Log.OptOutRecorded(logger, request.Channel, keyword);
        }

        var messages = new List<InboundMessage>();
        if (form["ButtonPayload"] is { Length: > 0 } payload)
        {
            messages.Add(Message(request, sid, from, InboundKind.ChoiceResponse) with { ChoiceOptionIdentifier = payload, Text = form["ButtonText"] ?? body });
        }
        else if (!string.IsNullOrEmpty(body))
        {
            var text = Message(request, sid, from, InboundKind.Text) with { Text = body };
            messages.Add(keyword is null && await context.MatchChoiceAsync(from, body, cancellationToken) is { } match ? match.ToResponse(text) : text);
        }

        for (var index = 0; index < mediaCount; index++)
        {
            if (form[$"MediaUrl{index}"] is not { } mediaUrl || !Uri.TryCreate(mediaUrl, UriKind.Absolute, out var url))
            {
                return InboundResult.Malformed($"MediaUrl{index} is missing or not an absolute URL.");
            }

            var stored = await context.DownloadFileAsync(url, null, form[$"MediaContentType{index}"], _media, cancellationToken);
            if (stored.Attachment is not { } attachment)
            {
                return InboundResult.Refuse(stored.Refusal!);
            }

            // The first item keeps the MessageSid (the de-duplication key checked above); the others are numbered after it.
            var id = messages.Count == 0 ? sid : $"{sid}:{index}";
            messages.Add(Message(request, id, from, InboundKind.Attachment) with { Attachment = attachment });
        }

        if (messages.Count == 0)
        {
            Log.MessageIgnored(logger, request.Channel, "a message with no text, button or media");
            return InboundResult.Answer(InboundReply.Xml(EmptyTwiml));
        }

        return InboundResult.Ingest(messages, InboundReply.Xml(EmptyTwiml));
    }

    private async Task<InboundResult> ReceiveStatusAsync(InboundRequest request, IInboundContext context, CancellationToken cancellationToken)
    {
        var form = request.Form;
        if (request.Query["entry"] is not { Length: > 0 } entry || form["To"] is not { Length: > 0 } to)
        {
            return InboundResult.Malformed("A status callback needs the entry query parameter and To.");
        }

        var (status, error) = form["MessageStatus"] switch
        {
            "delivered" => (DeliveryStatus.Delivered, null),
            "read" => (DeliveryStatus.Read, null),
            "failed" or "undelivered" when form["ErrorCode"] == TwilioApi.OutsideWindowCode => ((DeliveryStatus?)DeliveryStatus.Failed,
                "Twilio error 63016: the end user's WhatsApp 24-hour customer-service window is closed, so only a template can reach them."),
            "failed" or "undelivered" => (DeliveryStatus.Failed,
                $"Twilio reports the message {form["MessageStatus"]} (error {form["ErrorCode"] ?? "none"}{(form["ErrorMessage"] is { } message ? ": " + message : "")})."),
            _ => (null, null),
        };

        // Keyed by entry, not MessageSid: a long text goes as several messages, and Salesforce hears each status once.
        // Callbacks arrive in any order; a Delivered after Read (or after a failure) would move the entry backwards.
        var id = $"status:{entry}:";
        if (status is not { } known
            || (known == DeliveryStatus.Delivered && (await context.IsStoredAsync(id + "read", cancellationToken)
                || await context.IsStoredAsync(id + "failed", cancellationToken))))
        {
            return InboundResult.Answer(InboundReply.Empty());
        }

        var key = known == DeliveryStatus.Failed ? "failed" : form["MessageStatus"]!;
        return InboundResult.Ingest([Message(request, id + key, to, InboundKind.Status) with
        {
            StatusOfEntryIdentifier = entry,
            Status = known,
            StatusError = error,
        }], InboundReply.Empty());
    }

    private InboundMessage Message(InboundRequest request, string id, string user, InboundKind kind) => new()
    {
        Channel = request.Channel,
        PlatformMessageId = id,
        PlatformUserId = user,
        Kind = kind,
        Timestamp = timeProvider.GetUtcNow(),
    };
}
