using Byoc.Core.Channels;
using Byoc.Core.Messages;

namespace Byoc.Connector.Channels.Meta;

/// <summary>
/// The WhatsApp channel's inbound half at <c>/channels/{name}</c>, the callback URL of the Meta app: <c>GET</c> is the
/// verification handshake, <c>POST</c> a signed batch of messages and statuses. Each message is stored once by its wamid
/// (Meta redelivers for days); text may answer the latest numbered choices; a tapped reply button, list row or template
/// quick reply is a choice response. Statuses reach the entry through <c>biz_opaque_callback_data</c>, which the outbound
/// half sets on every send, so no table maps wamids to entries; they are stored once per entry and kind, and a
/// <c>delivered</c> after <c>read</c> or <c>failed</c> is dropped (Meta does not keep them in order). Meta gets an empty 200.
/// </summary>
internal sealed partial class WhatsAppInboundAdapter(
    MetaHubSignature signature,
    WhatsAppEndpointOptions settings,
    WhatsAppEndUsers endUsers,
    ILogger logger) : IInboundChannelAdapter
{
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
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var already = 0;
        foreach (var message in webhook.Messages)
        {
            if (!new EndUserIdentifier(request.Channel, message.User).Fits)
            {
                Log.MessageIgnored(logger, request.Channel, "a message whose sender id is too long for an end-user identifier");
                continue;
            }

            await endUsers.WroteAsync(message.User, message.Id, message.At, cancellationToken);
            if (!seen.Add(message.Id) || await context.IsStoredAsync(message.Id, cancellationToken))
            {
                already++;
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

        return InboundResult.Ingest(ingested, InboundReply.Empty()) with { AlreadyStored = already, Skipped = webhook.Skipped };
    }

    private async Task<InboundMessage?> ToInboundAsync(InboundRequest request, WhatsAppEvent message, IInboundContext context,
        CancellationToken cancellationToken)
    {
        var inbound = new InboundMessage
        {
            Channel = request.Channel,
            PlatformMessageId = message.Id,
            PlatformUserId = message.User,
            Kind = InboundKind.Text,
            Timestamp = message.At,
            Text = message.Text,
        };
        if (message.ChoiceId is { } choice)
        {
            return inbound with { Kind = InboundKind.ChoiceResponse, ChoiceOptionIdentifier = choice };
        }

        if (message.Type == "text")
        {
            return await context.MatchChoiceAsync(message.User, message.Text, cancellationToken) is { } match ? match.ToResponse(inbound) : inbound;
        }

        // Media, locations, reactions and the rest are not read by this channel yet.
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

        return new InboundMessage
        {
            Channel = request.Channel,
            PlatformMessageId = id + key,
            PlatformUserId = status.Recipient,
            Kind = InboundKind.Status,
            Timestamp = status.At,
            StatusOfEntryIdentifier = entry,
            Status = mapped,
            StatusError = error,
        };
    }
}
