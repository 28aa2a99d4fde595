using System.Globalization;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Serialization;
using Byoc.Connector.Attachments;
using Byoc.Core.Channels;
using Byoc.Core.Delivery;
using Byoc.Core.Messages;

namespace Byoc.Connector.Channels.Webhook;

/// <summary>
/// POSTs outbound messages to the customer's endpoint, signed like inbound ones. 2xx is delivered. Files are downloaded
/// first and sent inline, or as signed links when <paramref name="links"/> is set; a refused file is named in the text and
/// the entry is reported failed. A <c>Text</c> channel gets readable text for choices (remembered in
/// <see cref="PendingChoices"/> so a typed answer maps back), links, participant changes and notices.
/// </summary>
internal sealed class WebhookOutboundAdapter(
    HttpClient httpClient,
    WebhookEndpointOptions settings,
    byte[] key,
    FileLinks? links,
    OutboundFileFetcher fetcher,
    AttachmentFiles files,
    PendingChoices pendingChoices,
    TimeProvider timeProvider) : IOutboundChannelAdapter
{
    private static readonly JsonSerializerOptions s_json = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public async Task<DeliveryOutcome> SendAsync(OutboundMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        var fetched = message.Kind == OutboundKind.Attachment
            ? await fetcher.FetchAsync(message, cancellationToken)
            : new OutboundFiles([], [], null);
        if (fetched.TransientError is { } transient)
        {
            return DeliveryOutcome.Retryable($"A file could not be downloaded: {transient}");
        }

        if (settings.RichMessages == RichMessageMode.Text && message.Kind == OutboundKind.Choices)
        {
            await pendingChoices.OfferAsync(message, cancellationToken);
        }

        var payload = await ToPayloadAsync(message, fetched, cancellationToken);
        var result = await PostAsync(message, payload, cancellationToken);
        return result.IsSuccess && fetched.RefusalError is { } refused ? DeliveryOutcome.Permanent(refused) : result;
    }

    private async Task<DeliveryOutcome> PostAsync(OutboundMessage message, WebhookOutboundPayload payload, CancellationToken cancellationToken)
    {
        var body = JsonSerializer.SerializeToUtf8Bytes(payload, s_json);
        var timestamp = timeProvider.GetUtcNow().ToUnixTimeSeconds();
        var id = message.Kind is OutboundKind.TypingStarted or OutboundKind.TypingStopped
            ? $"{message.EntryIdentifier}:{message.Kind}"
            : message.EntryIdentifier;
        using var request = new HttpRequestMessage(HttpMethod.Post, settings.OutboundUrl) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        request.Headers.Add(StandardWebhookSignature.IdHeader, id);
        request.Headers.Add(StandardWebhookSignature.TimestampHeader, timestamp.ToString(CultureInfo.InvariantCulture));
        request.Headers.Add(StandardWebhookSignature.SignatureHeader, StandardWebhookSignature.Sign(key, id, timestamp, body));

        using var timeoutCts = new CancellationTokenSource(settings.OutboundTimeout, timeProvider);
        using var linkedCts = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeoutCts.Token);
        try
        {
            using var response = await httpClient.SendAsync(request, linkedCts.Token);
            return response.IsSuccessStatusCode
                ? DeliveryOutcome.Succeeded
                : TransientFailures.Classify(response, $"The endpoint answered {(int)response.StatusCode}.", timeProvider);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return DeliveryOutcome.Retryable($"The endpoint did not answer within {settings.OutboundTimeout}.");
        }
        catch (HttpRequestException ex)
        {
            return DeliveryOutcome.Retryable($"The endpoint could not be reached: {ex.Message}");
        }
    }

    private async Task<WebhookOutboundPayload> ToPayloadAsync(OutboundMessage message, OutboundFiles fetched, CancellationToken cancellationToken)
    {
        var text = message.Kind == OutboundKind.ParticipantChanged
            ? ParticipantNotices.Render(message, settings.ParticipantJoinedText, settings.ParticipantLeftText)
            : message.Text;
        if (fetched.RefusalNotice is { } notice)
        {
            text = string.IsNullOrWhiteSpace(text) ? notice : $"{text}\n{notice}";
        }

        var attachments = new List<WebhookFile>();
        foreach (var file in fetched.Stored)
        {
            attachments.Add(await ToWebhookFileAsync(file, cancellationToken));
        }

        var payload = new WebhookOutboundPayload
        {
            Type = EventTypes.Outbound(message.Kind),
            Id = message.EntryIdentifier,
            UserId = message.PlatformUserId,
            ConversationId = message.ConversationIdentifier,
            Text = text,
            Format = message.ChoicesFormat,
            Choices = message.Choices.Count == 0 ? null : message.Choices.Select(c => new WebhookChoice(c.Identifier, c.Title, c.StartTime?.UtcDateTime, c.Duration)).ToList(),
            Attachments = attachments.Count == 0 ? null : attachments,
            Links = message.Links.Count == 0 ? null : message.Links.Select(l => new WebhookLink(l.Url, l.Title)).ToList(),
            Operation = message.ParticipantJoined switch { true => "joined", false => "left", null => null },
            Sender = message.SenderDisplayName,
            Timestamp = message.Timestamp,
        };
        return settings.RichMessages == RichMessageMode.Native ? payload : AsText(message, payload);
    }

    private async Task<WebhookFile> ToWebhookFileAsync(StoredFile file, CancellationToken cancellationToken)
    {
        var described = new WebhookFile { Name = file.Name, MimeType = file.MimeType, Size = file.Length };
        if (links is not null)
        {
            var (url, expiresAt) = links.Create(file.Id, timeProvider.GetUtcNow());
            return described with { Url = url.AbsoluteUri, ExpiresAt = expiresAt };
        }

        await using var stream = files.OpenRead(file);
        using var buffer = new MemoryStream();
        await stream.CopyToAsync(buffer, cancellationToken);
        return described with { Data = Convert.ToBase64String(buffer.ToArray()) };
    }

    /// <summary>The payload for a text-only platform: everything structured becomes a <c>message</c> with readable text.</summary>
    private static WebhookOutboundPayload AsText(OutboundMessage message, WebhookOutboundPayload payload) => message.Kind switch
    {
        OutboundKind.Choices => payload with { Type = "message", Text = TextRendering.Choices(message), Choices = null, Format = null },
        OutboundKind.ParticipantChanged or OutboundKind.Notice => payload with { Type = "message", Operation = null },
        OutboundKind.Text or OutboundKind.Attachment => payload with { Text = TextRendering.WithLinks(payload.Text, message.Links), Links = null },
        _ => payload,
    };
}
