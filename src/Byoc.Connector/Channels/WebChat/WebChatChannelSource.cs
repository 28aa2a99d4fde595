using System.Text;
using Byoc.Connector.Attachments;
using Byoc.Core.Channels;
using Microsoft.Extensions.Options;

namespace Byoc.Connector.Channels.WebChat;

/// <summary>Creates the web chat channels from <see cref="WebChatChannelOptions"/>.</summary>
internal sealed class WebChatChannelSource(
    IOptions<WebChatChannelOptions> options, WebChatHub hub, OutboundFileFetcher fetcher, TimeProvider timeProvider) : IChannelSource
{
    public IEnumerable<IChannel> CreateChannels()
    {
        foreach (var (name, settings) in options.Value.Channels)
        {
            var secret = Encoding.UTF8.GetBytes(settings.SessionSecret!);
            var tokens = new WebChatSessionTokens(name, secret, settings.TokenLifetime, timeProvider);
            yield return new WebChatChannel(
                name,
                settings.ChannelAddressIdentifier!,
                new WebChatInboundAdapter(new WebChatRequestParser(tokens, timeProvider), hub, settings.MaxBodyBytes),
                new WebChatOutboundAdapter(hub, fetcher, settings),
                tokens,
                new WebChatFileKeys(name, secret),
                settings);
        }
    }
}
