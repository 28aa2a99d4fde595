using Byoc.Core.Channels;
using Byoc.Core.Messages;

namespace Byoc.Connector.Channels.WebChat;

/// <summary>Verifies the visitor's session token before reading the body, then parses the page's JSON event; no I/O.</summary>
internal sealed class WebChatRequestParser(WebChatSessionTokens tokens, TimeProvider timeProvider)
{
    /// <summary>Verifies the token and parses the page's event, without storing anything.</summary>
    public InboundResult Parse(InboundRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var session = tokens.Verify(WebChatInboundAdapter.BearerToken(request.Header("Authorization")), out var error);
        if (session is null)
        {
            return InboundResult.Unauthenticated(error!, "Invalid session");
        }

        if (!InboundJson.TryRead<WebChatInboundPayload>(request, out var payload, out var refusal))
        {
            return refusal;
        }

        if (!IsValidId(payload.Id))
        {
            return InboundResult.Malformed($"'id' is required: 1 to {WebChatInboundAdapter.MaxIdLength} letters, digits, '-', '_', '.' or ':'.");
        }

        var kind = payload.Type switch
        {
            "message" => InboundKind.Text,
            "typing.started" => InboundKind.TypingStarted,
            "typing.stopped" => InboundKind.TypingStopped,
            "choice" => InboundKind.ChoiceResponse,
            "status" => InboundKind.Status,
            _ => (InboundKind?)null,
        };
        if (kind is null)
        {
            return InboundResult.Malformed(
                $"Unknown type '{payload.Type}'; expected message, typing.started, typing.stopped, choice or status.");
        }

        DeliveryStatus? status = null;
        var missing = new List<string>();
        switch (kind)
        {
            case InboundKind.Text when string.IsNullOrWhiteSpace(payload.Text):
                missing.Add("text");
                break;
            case InboundKind.ChoiceResponse:
                if (string.IsNullOrEmpty(payload.OptionId))
                {
                    missing.Add("optionId");
                }

                if (string.IsNullOrEmpty(payload.Text))
                {
                    missing.Add("text");
                }

                break;
            case InboundKind.Status:
                if (string.IsNullOrEmpty(payload.EntryId))
                {
                    missing.Add("entryId");
                }

                status = payload.Status switch
                {
                    "delivered" => DeliveryStatus.Delivered,
                    "read" => DeliveryStatus.Read,
                    _ => null,
                };
                if (status is null)
                {
                    return InboundResult.Malformed($"Unknown status '{payload.Status}'; expected delivered or read.");
                }

                break;
        }

        if (missing.Count > 0)
        {
            return InboundResult.Malformed($"Missing required field(s): {string.Join(", ", missing)}.");
        }

        return InboundResult.Ingest(
        [
            new InboundMessage
            {
                Channel = request.Channel,
                PlatformMessageId = WebChatInboundAdapter.PlatformMessageId(session.VisitorId, payload.Id!),
                PlatformUserId = session.VisitorId,
                Kind = kind.Value,
                // The browser's clock is not trusted; the connector's receipt time orders the conversation.
                Timestamp = timeProvider.GetUtcNow(),
                Text = kind is InboundKind.Text or InboundKind.ChoiceResponse ? payload.Text : null,
                ChoiceOptionIdentifier = kind is InboundKind.ChoiceResponse ? payload.OptionId : null,
                InReplyToEntryIdentifier = kind is InboundKind.ChoiceResponse ? payload.EntryId : null,
                StatusOfEntryIdentifier = kind is InboundKind.Status ? payload.EntryId : null,
                Status = status,
            },
        ]);
    }

    private static bool IsValidId(string? id) =>
        id is { Length: > 0 and <= WebChatInboundAdapter.MaxIdLength } && id.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' or ':');
}
