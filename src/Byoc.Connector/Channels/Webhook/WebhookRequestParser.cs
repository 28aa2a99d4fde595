using System.Globalization;
using Byoc.Core.Channels;
using Byoc.Core.Messages;

namespace Byoc.Connector.Channels.Webhook;

/// <summary>
/// Verifies the Standard Webhooks signature on the raw body, then parses the generic webhook JSON into one canonical
/// message; no I/O (the adapter completes files and typed choices).
/// </summary>
internal sealed class WebhookRequestParser(byte[] key, TimeSpan tolerance, TimeProvider timeProvider)
{
    /// <summary>The request's message, or a refusal.</summary>
    public InboundResult Parse(InboundRequest request) => Parse(request, out _);

    /// <summary>The request's message and its payload (for the attachment's file), or a refusal.</summary>
    public InboundResult Parse(InboundRequest request, out WebhookInboundPayload? payload)
    {
        ArgumentNullException.ThrowIfNull(request);
        payload = null;
        var check = StandardWebhookSignature.Verify(key,
            request.Header(StandardWebhookSignature.IdHeader),
            request.Header(StandardWebhookSignature.TimestampHeader),
            request.Header(StandardWebhookSignature.SignatureHeader),
            request.Body.Span, timeProvider.GetUtcNow(), tolerance);
        switch (check)
        {
            case SignatureCheck.MissingHeaders:
                return InboundResult.Unauthenticated("The webhook-id, webhook-timestamp and webhook-signature headers are required.");
            case SignatureCheck.StaleTimestamp:
                return InboundResult.Unauthenticated(
                    $"The webhook-timestamp is not within {tolerance.TotalSeconds.ToString(CultureInfo.InvariantCulture)} seconds of the server time.");
            case SignatureCheck.BadSignature:
                return InboundResult.Unauthenticated("The webhook-signature does not match the body.");
        }

        if (!InboundJson.TryRead(request, out payload, out var refusal))
        {
            return refusal;
        }

        var missing = new List<string>();
        if (string.IsNullOrWhiteSpace(payload.Id))
        {
            missing.Add("id");
        }

        if (string.IsNullOrWhiteSpace(payload.UserId))
        {
            missing.Add("userId");
        }

        var kind = payload.Type switch
        {
            "message" => InboundKind.Text,
            "attachment" => InboundKind.Attachment,
            "typing.started" => InboundKind.TypingStarted,
            "typing.stopped" => InboundKind.TypingStopped,
            "choice" => InboundKind.ChoiceResponse,
            "status" => InboundKind.Status,
            _ => (InboundKind?)null,
        };
        if (kind is null)
        {
            return InboundResult.Malformed(
                $"Unknown type '{payload.Type}'; expected message, attachment, typing.started, typing.stopped, choice or status.");
        }

        DeliveryStatus? status = null;
        switch (kind)
        {
            case InboundKind.Text when string.IsNullOrEmpty(payload.Text):
                missing.Add("text");
                break;
            case InboundKind.Attachment when payload.Attachment is null:
                missing.Add("attachment");
                break;
            case InboundKind.Attachment when string.IsNullOrEmpty(payload.Attachment.Url) == string.IsNullOrEmpty(payload.Attachment.Data):
                return InboundResult.Malformed("The attachment needs exactly one of 'url' and 'data' (base64).");
            case InboundKind.ChoiceResponse when string.IsNullOrEmpty(payload.OptionId):
                missing.Add("optionId");
                break;
            case InboundKind.Status:
                if (string.IsNullOrEmpty(payload.MessageId))
                {
                    missing.Add("messageId");
                }

                status = MapStatus(payload.Status);
                if (status is null)
                {
                    return InboundResult.Malformed($"Unknown status '{payload.Status}'; expected delivered, read or failed.");
                }

                break;
        }

        if (missing.Count > 0)
        {
            return InboundResult.Malformed($"Missing required field(s): {string.Join(", ", missing)}.");
        }

        var message = new InboundMessage
        {
            Channel = request.Channel,
            PlatformMessageId = payload.Id!,
            PlatformUserId = payload.UserId!,
            Kind = kind.Value,
            Timestamp = payload.Timestamp ?? timeProvider.GetUtcNow(),
            Text = payload.Text,
            InReplyToEntryIdentifier = payload.InReplyTo,
            ChoiceOptionIdentifier = payload.OptionId,
            StatusOfEntryIdentifier = payload.MessageId,
            Status = status,
            StatusError = payload.Error,
        };
        return InboundResult.Ingest([message]);
    }

    /// <summary>The platform's status names → canonical statuses.</summary>
    internal static DeliveryStatus? MapStatus(string? status) => status switch
    {
        "delivered" => DeliveryStatus.Delivered,
        "read" => DeliveryStatus.Read,
        "failed" => DeliveryStatus.Failed,
        _ => null,
    };
}
