using System.Net.Http.Headers;
using Byoc.Connector.Attachments;
using Byoc.Core.Channels;
using Byoc.Core.Messages;

namespace Byoc.Connector.Channels.Slack;

/// <summary>
/// The Slack channel's inbound half: the Events API at <c>POST /channels/{name}</c> and interactivity at
/// <c>POST /channels/{name}/interactive</c>, both signed with the app's signing secret (<see cref="SlackSignature"/>),
/// checked before anything is parsed. A message event becomes a text message or, per file, an attachment downloaded
/// with the bot token under the connector's type and size rules; a click on a choice button becomes a choice response.
/// Slack wants an answer within 3 seconds and retries (<c>X-Slack-Retry-Num</c>) otherwise: the door stores, then
/// answers 200, and a retry is stored once by its <c>event_id</c> (inbox rows are kept for good, far longer than
/// Slack's retries over about 5 minutes), whatever its retry number. Every authentic event the channel does not forward
/// is answered 200, so Slack neither retries it nor counts it as a failure.
/// </summary>
internal sealed partial class SlackInboundAdapter(
    SlackSignature signature,
    SlackEndpointOptions settings,
    AuthenticationHeaderValue auth,
    InboundFileCheck fileCheck,
    TimeProvider timeProvider,
    ILogger logger) : IInboundChannelAdapter
{
    /// <summary>The path of the interactivity endpoint below the channel.</summary>
    public const string InteractivePath = "interactive";

    private readonly DownloadPolicy _files = new()
    {
        AllowedHosts = [.. settings.FileHosts, settings.ApiBaseUrl.IdnHost],
        TrustedOrigin = new Uri(settings.ApiBaseUrl.GetLeftPart(UriPartial.Authority)),
        Authorization = auth,
    };

    public InboundLimits Limits { get; } = new(settings.MaxBodyBytes, [InboundLimits.Json, InboundLimits.Form]);

    public async Task<InboundResult> ReceiveAsync(InboundRequest request, IInboundContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(context);
        var interactive = request.Path == InteractivePath;
        if (request.Path.Length > 0 && !interactive)
        {
            return InboundResult.Refuse(InboundRefusalKind.NotFound, "Not found", $"The Slack channel has nothing at '{request.Path}'.");
        }

        if (request.Method != "POST")
        {
            return InboundResult.Refuse(InboundRefusalKind.MethodNotAllowed, "Method not allowed", "The Slack channel takes POST only.");
        }

        var expected = interactive ? InboundLimits.Form : InboundLimits.Json;
        if (request.MediaType != expected)
        {
            return InboundResult.Refuse(InboundRefusalKind.UnsupportedMediaType, "Unsupported content type",
                $"Slack sends {(interactive ? "interactivity payloads" : "events")} as {expected}, got '{request.ContentType}'.");
        }

        if (signature.Check(request) is { } refused)
        {
            return refused;
        }

        var parsed = interactive
            ? SlackRequestParser.ParseInteraction(request, settings.Conversations, out var refusal)
            : SlackRequestParser.ParseEvent(request.Body, settings.Conversations, out refusal);
        if (parsed is null)
        {
            return refusal!;
        }

        if (request.Header("X-Slack-Retry-Num") is { } retry)
        {
            Log.Retried(logger, request.Channel, retry, request.Header("X-Slack-Retry-Reason") ?? "none");
        }

        switch (parsed.Kind)
        {
            case SlackInboundKind.Challenge:
                return InboundResult.Answer(InboundReply.Text(parsed.Detail!));
            case SlackInboundKind.RateLimited:
                Log.AppRateLimited(logger, request.Channel, parsed.Detail ?? "unknown");
                return InboundResult.Answer(InboundReply.Empty());
            case SlackInboundKind.Ignored:
                Log.EventIgnored(logger, request.Channel, parsed.Detail ?? "unknown");
                return InboundResult.Answer(InboundReply.Empty());
        }

        if (!new EndUserIdentifier(request.Channel, parsed.PlatformUserId).Fits)
        {
            Log.EventIgnored(logger, request.Channel, "a message whose channel, thread and user ids are too long for an end-user identifier");
            return InboundResult.Answer(InboundReply.Empty());
        }

        // A retried event changes nothing: its files are not downloaded again, and a typed answer is not matched again.
        if (await context.IsStoredAsync(parsed.PlatformMessageId, cancellationToken))
        {
            return InboundResult.Ingest([], InboundReply.Empty()) with { AlreadyStored = 1 };
        }

        if (parsed.Kind == SlackInboundKind.Tap)
        {
            return InboundResult.Ingest([Message(request, parsed, parsed.PlatformMessageId, InboundKind.ChoiceResponse) with
            {
                ChoiceOptionIdentifier = parsed.OptionIdentifier,
                InReplyToEntryIdentifier = parsed.EntryIdentifier,
            }], InboundReply.Empty());
        }

        return await ReceiveMessageAsync(request, parsed, context, cancellationToken);
    }

    private async Task<InboundResult> ReceiveMessageAsync(InboundRequest request, SlackInbound message, IInboundContext context,
        CancellationToken cancellationToken)
    {
        var messages = new List<InboundMessage>();
        var skipped = new List<string>();
        var text = message.Text;
        for (var i = 0; i < message.Files.Count; i++)
        {
            var file = message.Files[i];
            var (attachment, reason, retry) = await FetchAsync(file, context, cancellationToken);
            if (retry is not null)
            {
                return InboundResult.Refuse(retry);
            }

            if (attachment is null)
            {
                skipped.Add($"The file {file.Id} of event {message.PlatformMessageId} was refused: {reason}");
                continue;
            }

            // The first stored file carries the text; each further file is its own message of the same event.
            var id = messages.Count == 0 ? message.PlatformMessageId : $"{message.PlatformMessageId}:{file.Id}";
            messages.Add(Message(request, message, id, InboundKind.Attachment) with { Attachment = attachment, Text = messages.Count == 0 ? text : null });
        }

        if (messages.Count == 0 && !string.IsNullOrWhiteSpace(text))
        {
            var typed = Message(request, message, message.PlatformMessageId, InboundKind.Text);
            messages.Add(await context.MatchChoiceAsync(message.PlatformUserId, text, cancellationToken) is { } match ? match.ToResponse(typed) : typed);
        }

        return InboundResult.Ingest(messages, InboundReply.Empty()) with { Skipped = skipped };
    }

    /// <summary>The stored file; or why it was refused (skipped); or, when Slack's file host failed, the refusal that makes Slack retry.</summary>
    private async Task<(InboundAttachment? File, string? Reason, InboundRefusal? Retry)> FetchAsync(SlackFile file, IInboundContext context,
        CancellationToken cancellationToken)
    {
        // What the event declares is checked before any download: a refused type or size costs nothing.
        if (fileCheck.RefuseType(InboundFileCheck.MimeTypeOf(file.MimeType, file.Name)) is { } badType)
        {
            return (null, badType, null);
        }

        if (file.Size > fileCheck.MaxBytes)
        {
            return (null, fileCheck.TooLarge, null);
        }

        if (file.Url is not { } url)
        {
            return (null, "the file has no url_private_download (an external or deleted file)", null);
        }

        var stored = await context.DownloadFileAsync(url, file.Name, file.MimeType, _files, cancellationToken);
        return stored switch
        {
            { Attachment: { } attachment } => (attachment, null, null),
            { Refusal.Kind: InboundRefusalKind.UpstreamFailure } => (null, null, stored.Refusal),
            _ => (null, stored.Refusal?.Detail, null),
        };
    }

    private InboundMessage Message(InboundRequest request, SlackInbound inbound, string id, InboundKind kind) => new()
    {
        Channel = request.Channel,
        PlatformMessageId = id,
        PlatformUserId = inbound.PlatformUserId,
        Kind = kind,
        Timestamp = inbound.Timestamp ?? timeProvider.GetUtcNow(),
        Text = inbound.Text,
    };
}
