using Byoc.Core.Channels;
using Byoc.Core.Messages;

namespace Byoc.Connector.Channels.Webhook;

/// <summary>
/// The generic webhook's inbound half: verifies the Standard Webhooks signature on the raw body, parses the JSON once,
/// and completes the message before the door stores it: an <c>attachment</c>'s file is stored (inline <c>data</c>, or
/// downloaded from <c>url</c> under the connector's allow-list; a repeat of a stored event downloads nothing), and on a
/// <c>Text</c> channel a typed number or title becomes the pick of the latest offered choices.
/// </summary>
internal sealed class WebhookInboundAdapter(WebhookRequestParser parser, int maxBodyBytes, RichMessageMode richMessages, PendingChoices pendingChoices)
    : IInboundChannelAdapter
{
    public InboundLimits Limits { get; } = new(maxBodyBytes, [InboundLimits.Json]);

    public async Task<InboundResult> ReceiveAsync(InboundRequest request, IInboundContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(context);
        if (request.Path.Length > 0)
        {
            return InboundResult.Refuse(InboundRefusalKind.NotFound, "Not found", $"The webhook channel has nothing at '{request.Path}'.");
        }

        if (request.Method != "POST")
        {
            return InboundResult.Refuse(InboundRefusalKind.MethodNotAllowed, "Method not allowed", "The webhook channel takes POST only.");
        }

        var parsed = parser.Parse(request, out var payload);
        if (parsed.Kind != InboundResultKind.Ingest)
        {
            return parsed;
        }

        var message = parsed.Messages[0];
        switch (message.Kind)
        {
            case InboundKind.Attachment:
                if (await context.IsStoredAsync(message.PlatformMessageId, cancellationToken))
                {
                    return InboundResult.Ingest([]) with { AlreadyStored = 1 };
                }

                var file = await StoreFileAsync(payload!.Attachment!, context, cancellationToken);
                if (file.Attachment is null)
                {
                    return InboundResult.Refuse(file.Refusal!);
                }

                message = message with { Attachment = file.Attachment };
                break;
            case InboundKind.Text when richMessages == RichMessageMode.Text
                && await context.MatchChoiceAsync(message.PlatformUserId, message.Text, cancellationToken) is { } match:
                message = match.ToResponse(message);
                break;
            case InboundKind.ChoiceResponse when richMessages == RichMessageMode.Text && message.InReplyToEntryIdentifier is { } entry:
                context.AfterCommit(ct => pendingChoices.AnsweredAsync(request.Channel, message.PlatformUserId, entry, ct));
                break;
        }

        return InboundResult.Ingest([message]);
    }

    private static async Task<InboundFileResult> StoreFileAsync(WebhookFile file, IInboundContext context, CancellationToken cancellationToken)
    {
        if (file.Data is { } data)
        {
            byte[] bytes;
            try
            {
                bytes = Convert.FromBase64String(data);
            }
            catch (FormatException)
            {
                return InboundFileResult.Refused(InboundRefusalKind.Malformed, "The attachment's 'data' is not base64.");
            }

            return await context.SaveFileAsync(file.Name, file.MimeType, bytes, cancellationToken);
        }

        return Uri.TryCreate(file.Url, UriKind.Absolute, out var url)
            ? await context.DownloadFileAsync(url, file.Name, file.MimeType, DownloadPolicy.Default, cancellationToken)
            : InboundFileResult.Refused(InboundRefusalKind.Malformed, "The attachment's 'url' is not an absolute URL.");
    }
}
