using System.Text.Json;
using Byoc.Connector.Pipeline;
using Byoc.Core.Channels;
using Byoc.Core.Messages;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Byoc.Connector.Channels.Webhook;

/// <summary>
/// <c>POST /webhooks/{channel}</c>: size cap (413), JSON only (415), unknown channel (404), signature on the raw bytes
/// (401), body shape (400), then insert-or-ignore into the inbox and 202 only after the commit. File links are served by
/// <see cref="WebhookFileEndpoints"/>.
/// </summary>
internal static class WebhookEndpoints
{
    private static readonly JsonSerializerOptions s_json = new(JsonSerializerDefaults.Web);

    public static IEndpointRouteBuilder MapWebhookEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/webhooks");
        group.MapPost("/{channel}", ReceiveAsync).DisableAntiforgery();
        group.MapWebhookFiles();
        return endpoints;
    }

    internal static async Task<Results<Accepted<WebhookAcceptedResponse>, ProblemHttpResult>> ReceiveAsync(
        string channel, HttpRequest request, ChannelRegistry channels, InboundIngestor ingestor, WebhookAttachmentReceiver attachments,
        PendingChoices pendingChoices, CancellationToken cancellationToken)
    {
        if (channels.Find(channel) is not WebhookChannel webhook)
        {
            return Problem(StatusCodes.Status404NotFound, "Unknown channel", $"No webhook channel named '{channel}' is configured.");
        }

        if (!IsJson(request.ContentType))
        {
            return Problem(StatusCodes.Status415UnsupportedMediaType, "Unsupported content type",
                $"Expected Content-Type application/json, got '{request.ContentType}'.");
        }

        if (request.ContentLength > webhook.MaxBodyBytes)
        {
            return TooLarge(webhook.MaxBodyBytes);
        }

        var body = await ReadBodyAsync(request, webhook.MaxBodyBytes, cancellationToken);
        if (body is null)
        {
            return TooLarge(webhook.MaxBodyBytes);
        }

        var headers = request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase);
        var parsed = webhook.Inbound.Parse(webhook.Name, new InboundRequest(headers, body));
        switch (parsed.Status)
        {
            case InboundParseStatus.Unauthenticated:
                return Problem(StatusCodes.Status401Unauthorized, "Invalid signature", parsed.Error!);
            case InboundParseStatus.Malformed:
                return Problem(StatusCodes.Status400BadRequest, "Malformed body", parsed.Error!);
        }

        var messages = new List<InboundMessage>();
        foreach (var message in parsed.Messages)
        {
            switch (message.Kind)
            {
                case InboundKind.Attachment:
                    var file = JsonSerializer.Deserialize<WebhookInboundPayload>(body, s_json)!.Attachment!;
                    var received = await attachments.ReceiveAsync(file, cancellationToken);
                    if (received.Attachment is null)
                    {
                        return Problem(received.Status, "Attachment refused", received.Error!);
                    }

                    messages.Add(message with { Attachment = received.Attachment });
                    break;
                case InboundKind.Text when webhook.RichMessages == RichMessageMode.Text
                    && await pendingChoices.MatchAsync(webhook.Name, message.PlatformUserId, message.Text, cancellationToken) is var (entry, option):
                    messages.Add(message with
                    {
                        Kind = InboundKind.ChoiceResponse,
                        ChoiceOptionIdentifier = option.Identifier,
                        InReplyToEntryIdentifier = entry,
                        Text = option.Title,
                    });
                    break;
                default:
                    messages.Add(message);
                    break;
            }
        }

        var result = await ingestor.IngestAsync(webhook, messages, cancellationToken);
        foreach (var answer in messages.Where(m => m.Kind == InboundKind.ChoiceResponse && m.InReplyToEntryIdentifier is not null))
        {
            await pendingChoices.AnsweredAsync(webhook.Name, answer.PlatformUserId, answer.InReplyToEntryIdentifier!, cancellationToken);
        }

        return TypedResults.Accepted((string?)null, new WebhookAcceptedResponse(result.Stored, result.Duplicates));
    }

    private static bool IsJson(string? contentType) =>
        contentType is not null
        && contentType.Split(';')[0].Trim().Equals("application/json", StringComparison.OrdinalIgnoreCase);

    /// <summary>Reads at most <paramref name="max"/> bytes; null when the body is longer.</summary>
    private static async Task<byte[]?> ReadBodyAsync(HttpRequest request, int max, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > max)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }

    private static ProblemHttpResult TooLarge(int max) =>
        Problem(StatusCodes.Status413PayloadTooLarge, "Body too large", $"The body exceeds the channel's limit of {max} bytes.");

    internal static ProblemHttpResult Problem(int status, string title, string detail) =>
        TypedResults.Problem(detail: detail, statusCode: status, title: title);
}
