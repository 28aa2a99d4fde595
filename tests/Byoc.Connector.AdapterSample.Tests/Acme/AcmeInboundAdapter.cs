using Byoc.Core.Channels;
using Byoc.Core.Messages;

namespace Byoc.Connector.AdapterSample.Tests.Acme;

/// <summary>
/// Acme's webhook: <c>GET ?hub.mode=subscribe&amp;hub.verify_token=…&amp;hub.challenge=…</c> verifies the URL (the
/// challenge echoed as text, or 403), and a signed form <c>POST</c> (<c>MessageId</c>, <c>From</c>, <c>Body</c>) is a text
/// message, answered with an empty <c>&lt;Response/&gt;</c>.
/// </summary>
internal sealed class AcmeInboundAdapter(AcmeEndpointOptions settings, TimeProvider timeProvider) : IInboundChannelAdapter
{
    /// <inheritdoc/>
    public InboundLimits Limits { get; } = new(16 * 1024, [InboundLimits.Form]);

    /// <inheritdoc/>
    public Task<InboundResult> ReceiveAsync(InboundRequest request, IInboundContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        return Task.FromResult(request.Method == "GET" ? Handshake(request) : Message(request));
    }

    private InboundResult Handshake(InboundRequest request) =>
        request.Query["hub.mode"] == "subscribe" && request.Query["hub.verify_token"] == settings.VerifyToken
            && request.Query["hub.challenge"] is { } challenge
            ? InboundResult.Answer(InboundReply.Text(challenge))
            : InboundResult.Refuse(InboundRefusalKind.Forbidden, "Verification failed", "The verify token does not match.");

    private InboundResult Message(InboundRequest request)
    {
        if (!AcmeSignature.IsValid(settings.AuthToken!, request))
        {
            return InboundResult.Unauthenticated($"The {AcmeSignature.Header} does not match the URL and the form.");
        }

        if (request.Form["MessageId"] is not { Length: > 0 } id || request.Form["From"] is not { Length: > 0 } from)
        {
            return InboundResult.Malformed("MessageId and From are required.");
        }

        return InboundResult.Ingest(
        [
            new InboundMessage
            {
                Channel = request.Channel,
                PlatformMessageId = id,
                PlatformUserId = from,
                Kind = InboundKind.Text,
                Timestamp = timeProvider.GetUtcNow(),
                Text = request.Form["Body"] ?? string.Empty,
            },
        ], InboundReply.Xml("<Response/>"));
    }
}
