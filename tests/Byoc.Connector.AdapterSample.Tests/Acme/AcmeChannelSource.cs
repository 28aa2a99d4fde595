using Byoc.Core.Channels;
using Microsoft.Extensions.Options;

namespace Byoc.Connector.AdapterSample.Tests.Acme;

/// <summary>Turns <see cref="AcmeChannelOptions"/> into channels.</summary>
internal sealed class AcmeChannelSource(IOptions<AcmeChannelOptions> options, TimeProvider timeProvider) : IChannelSource
{
    /// <inheritdoc/>
    public IEnumerable<IChannel> CreateChannels() => options.Value.Channels.Select(channel => new AcmeChannel(
        channel.Key, channel.Value.ChannelAddressIdentifier!, new AcmeInboundAdapter(channel.Value, timeProvider), new AcmeOutboundAdapter()));
}
