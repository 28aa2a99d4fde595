using System.Globalization;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Serialization;
using Byoc.Core.Channels;
using Byoc.Core.Messages;

namespace Byoc.Connector.Channels.Webhook;

/// <summary>POSTs outbound messages to the customer's endpoint, signed like inbound ones. 2xx is delivered.</summary>
internal sealed class WebhookOutboundAdapter(HttpClient httpClient, Uri url, byte[] key, TimeSpan timeout, TimeProvider timeProvider)
    : IOutboundChannelAdapter
{
    private static readonly JsonSerializerOptions s_json = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public async Task<SendResult> SendAsync(OutboundMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        var body = JsonSerializer.SerializeToUtf8Bytes(ToPayload(message), s_json);
        var timestamp = timeProvider.GetUtcNow().ToUnixTimeSeconds();
        var id = message.Kind is OutboundKind.TypingStarted or OutboundKind.TypingStopped
            ? $"{message.EntryIdentifier}:{message.Kind}"
            : message.EntryIdentifier;
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        request.Headers.Add(StandardWebhookSignature.IdHeader, id);
        request.Headers.Add(StandardWebhookSignature.TimestampHeader, timestamp.ToString(CultureInfo.InvariantCulture));
        request.Headers.Add(StandardWebhookSignature.SignatureHeader, StandardWebhookSignature.Sign(key, id, timestamp, body));

        using var timeoutCts = new CancellationTokenSource(timeout, timeProvider);
        using var linkedCts = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeoutCts.Token);
        try
        {
            using var response = await httpClient.SendAsync(request, linkedCts.Token);
            var status = (int)response.StatusCode;
            if (response.IsSuccessStatusCode)
            {
                return SendResult.Delivered;
            }

            return status is 408 or 429 or >= 500
                ? SendResult.Retryable($"The endpoint answered {status}.")
                : SendResult.Permanent($"The endpoint answered {status}.");
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return SendResult.Retryable($"The endpoint did not answer within {timeout}.");
        }
        catch (HttpRequestException ex)
        {
            return SendResult.Retryable($"The endpoint could not be reached: {ex.Message}");
        }
    }

    private static WebhookOutboundPayload ToPayload(OutboundMessage message) => new()
    {
        Type = message.Kind switch
        {
            OutboundKind.Text => "message",
            OutboundKind.Choices => "choices",
            OutboundKind.TypingStarted => "typing.started",
            OutboundKind.TypingStopped => "typing.stopped",
            _ => "progress",
        },
        Id = message.EntryIdentifier,
        UserId = message.PlatformUserId,
        ConversationId = message.ConversationIdentifier,
        Text = message.Text,
        Choices = message.Choices.Count == 0 ? null : message.Choices.Select(c => new WebhookChoice(c.Identifier, c.Title)).ToList(),
        Sender = message.SenderDisplayName,
        Timestamp = message.Timestamp,
    };
}
