using Byoc.Connector.Attachments;
using Byoc.Core.Channels;
using Microsoft.Extensions.Options;

namespace Byoc.Connector.Channels.Webhook;

/// <summary>Creates the webhook channels from <see cref="WebhookChannelOptions"/>.</summary>
internal sealed class WebhookChannelSource(
    IOptions<WebhookChannelOptions> options,
    IHttpClientFactory httpClientFactory,
    OutboundFileFetcher fetcher,
    AttachmentFiles files,
    PendingChoices pendingChoices,
    TimeProvider timeProvider) : IChannelSource
{
    public const string HttpClientName = "webhook-outbound";

    public IEnumerable<IChannel> CreateChannels()
    {
        foreach (var (name, channel) in options.Value.Channels)
        {
            var key = StandardWebhookSignature.DecodeSecret(channel.Secret)
                ?? throw new InvalidOperationException($"{WebhookChannelOptions.Section}:Channels:{name}:Secret is not a whsec_ secret.");
            var links = channel.OutboundFiles == OutboundFileMode.Link
                ? new FileLinks(name, key, channel.PublicBaseUrl!, channel.FileLinkLifetime, "webhooks")
                : null;
            yield return new WebhookChannel(
                name,
                channel.ChannelAddressIdentifier!,
                new WebhookInboundAdapter(new WebhookRequestParser(key, channel.TimestampTolerance, timeProvider), channel.MaxBodyBytes,
                    channel.RichMessages, pendingChoices),
                new WebhookOutboundAdapter(httpClientFactory.CreateClient(HttpClientName), channel, key, links, fetcher, files, pendingChoices,
                    timeProvider),
                links,
                channel.PublicBaseUrl);
        }
    }
}
