using Byoc.Core.Channels;
using Byoc.Core.Messages;

namespace Byoc.Connector.Channels.WebChat;

/// <summary>
/// Verifies the visitor's session token (<c>Authorization: Bearer …</c>) before reading the body, then parses the page's
/// JSON. The platform message id is <c>{visitor id}:{page id}</c>, so one visitor cannot collide with another's ids. The
/// visitor's own messages and choices join the chat log here, before the door commits them to the inbox; a delivered or
/// read status must name an entry of the visitor's own chat log.
/// </summary>
internal sealed class WebChatInboundAdapter(WebChatRequestParser parser, WebChatHub hub, int maxBodyBytes) : IInboundChannelAdapter
{
    /// <summary>Longest accepted page-generated id.</summary>
    public const int MaxIdLength = 100;

    private const string BearerPrefix = "Bearer ";

    public InboundLimits Limits { get; } = new(maxBodyBytes, [InboundLimits.Json]);

    public async Task<InboundResult> ReceiveAsync(InboundRequest request, IInboundContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Path is not ("" or "messages"))
        {
            return InboundResult.Refuse(InboundRefusalKind.NotFound, "Not found",
                $"The web chat channel takes the page's events at /channels/{request.Channel}; its other routes are under /chat/{request.Channel}.");
        }

        if (request.Method != "POST")
        {
            return InboundResult.Refuse(InboundRefusalKind.MethodNotAllowed, "Method not allowed", "The web chat channel takes POST only.");
        }

        var parsed = parser.Parse(request);
        if (parsed.Kind != InboundResultKind.Ingest)
        {
            return parsed;
        }

        // A receipt may name only an entry this visitor was shown: another conversation's entry is not theirs to mark read.
        foreach (var status in parsed.Messages.Where(m => m.Kind is InboundKind.Status))
        {
            if (await hub.Log.FindAsync(request.Channel, status.PlatformUserId, status.StatusOfEntryIdentifier!, cancellationToken) is null)
            {
                return InboundResult.Refuse(InboundRefusalKind.NotFound, "Unknown entry",
                    $"Entry '{status.StatusOfEntryIdentifier}' is not in this visitor's conversation; a status names an entry the page was shown.");
            }
        }

        // The visitor's own messages join the chat log before the inbox commit. Once committed, a message may be forwarded
        // and answered at once (by this or another instance), and the answer must not be logged above the message it
        // answers: a reload would then show a different order than the live page. If the inbox write fails, the page gets
        // a 5xx and re-sends the same id; both writes are idempotent on it.
        foreach (var message in parsed.Messages)
        {
            if (message.Kind is InboundKind.Text or InboundKind.ChoiceResponse)
            {
                await hub.AppendAsync(request.Channel, message.PlatformUserId, WebChatEvents.FromCustomer(message), cancellationToken);
            }
        }

        return parsed;
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
}
