using System.Text.Json;
using Byoc.Core.Channels;
using Byoc.Core.Messages;

namespace Byoc.Connector.Channels.WebChat;

/// <summary>
/// Verifies the visitor's session token (<c>Authorization: Bearer …</c>) before reading the body, then parses the page's
/// JSON. The platform message id is <c>{visitor id}:{page id}</c>, so one visitor cannot collide with another's ids.
/// </summary>
internal sealed class WebChatInboundAdapter(WebChatSessionTokens tokens, TimeProvider timeProvider) : IInboundChannelAdapter
{
    /// <summary>Longest accepted page-generated id.</summary>
    public const int MaxIdLength = 100;

    private const string BearerPrefix = "Bearer ";
    private static readonly JsonSerializerOptions s_json = new(JsonSerializerDefaults.Web);

    public InboundParseResult Parse(string channel, InboundRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var session = tokens.Verify(BearerToken(request.Header("Authorization")), out var error);
        if (session is null)
        {
            return InboundParseResult.Unauthenticated(error!);
        }

        WebChatInboundPayload? payload;
        try
        {
            payload = JsonSerializer.Deserialize<WebChatInboundPayload>(request.Body.Span, s_json);
        }
        catch (JsonException ex)
        {
            return InboundParseResult.Malformed($"The body is not valid JSON: {ex.Message}");
        }

        if (payload is null)
        {
            return InboundParseResult.Malformed("The body must be a JSON object.");
        }

        if (!IsValidId(payload.Id))
        {
            return InboundParseResult.Malformed($"'id' is required: 1 to {MaxIdLength} letters, digits, '-', '_', '.' or ':'.");
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
            return InboundParseResult.Malformed(
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
                    return InboundParseResult.Malformed($"Unknown status '{payload.Status}'; expected delivered or read.");
                }

                break;
        }

        if (missing.Count > 0)
        {
            return InboundParseResult.Malformed($"Missing required field(s): {string.Join(", ", missing)}.");
        }

        return InboundParseResult.Accepted(
        [
            new InboundMessage
            {
                Channel = channel,
                PlatformMessageId = PlatformMessageId(session.VisitorId, payload.Id!),
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

    /// <summary>The inbox key of a page event: scoped to the visitor.</summary>
    public static string PlatformMessageId(string visitorId, string pageId) => $"{visitorId}:{pageId}";

    /// <summary>The page's own id back from <see cref="PlatformMessageId"/>.</summary>
    public static string PageId(InboundMessage message) => message.PlatformMessageId[(message.PlatformUserId.Length + 1)..];

    /// <summary>The token of an <c>Authorization: Bearer</c> header, or null.</summary>
    public static string? BearerToken(string? authorization) =>
        authorization is not null && authorization.StartsWith(BearerPrefix, StringComparison.OrdinalIgnoreCase)
            ? authorization[BearerPrefix.Length..].Trim()
            : null;

    private static bool IsValidId(string? id) =>
        id is { Length: > 0 and <= MaxIdLength } && id.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' or ':');
}
