using System.Globalization;
using System.Text.Json;
using Byoc.Core.Channels;
using Byoc.Core.Messages;

namespace Byoc.Connector.Channels.Webhook;

/// <summary>Verifies the Standard Webhooks signature on the raw body, then parses the generic webhook JSON.</summary>
internal sealed class WebhookInboundAdapter(byte[] key, TimeSpan tolerance, TimeProvider timeProvider) : IInboundChannelAdapter
{
    private static readonly JsonSerializerOptions s_json = new(JsonSerializerDefaults.Web);

    public InboundParseResult Parse(string channel, InboundRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var check = StandardWebhookSignature.Verify(key,
            request.Header(StandardWebhookSignature.IdHeader),
            request.Header(StandardWebhookSignature.TimestampHeader),
            request.Header(StandardWebhookSignature.SignatureHeader),
            request.Body.Span, timeProvider.GetUtcNow(), tolerance);
        switch (check)
        {
            case SignatureCheck.MissingHeaders:
                return InboundParseResult.Unauthenticated("The webhook-id, webhook-timestamp and webhook-signature headers are required.");
            case SignatureCheck.StaleTimestamp:
                return InboundParseResult.Unauthenticated(
                    $"The webhook-timestamp is not within {tolerance.TotalSeconds.ToString(CultureInfo.InvariantCulture)} seconds of the server time.");
            case SignatureCheck.BadSignature:
                return InboundParseResult.Unauthenticated("The webhook-signature does not match the body.");
        }

        WebhookInboundPayload? payload;
        try
        {
            payload = JsonSerializer.Deserialize<WebhookInboundPayload>(request.Body.Span, s_json);
        }
        catch (JsonException ex)
        {
            return InboundParseResult.Malformed($"The body is not valid JSON: {ex.Message}");
        }

        if (payload is null)
        {
            return InboundParseResult.Malformed("The body must be a JSON object.");
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
            return InboundParseResult.Malformed(
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
                return InboundParseResult.Malformed("The attachment needs exactly one of 'url' and 'data' (base64).");
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
                    return InboundParseResult.Malformed($"Unknown status '{payload.Status}'; expected delivered, read or failed.");
                }

                break;
        }

        if (missing.Count > 0)
        {
            return InboundParseResult.Malformed($"Missing required field(s): {string.Join(", ", missing)}.");
        }

        var message = new InboundMessage
        {
            Channel = channel,
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
        return InboundParseResult.Accepted([message]);
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
