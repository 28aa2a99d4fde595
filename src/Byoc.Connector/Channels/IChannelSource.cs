using Byoc.Core.Channels;

namespace Byoc.Connector.Channels;

/// <summary>Creates the configured channels of one platform type (webhook, later web chat and others).</summary>
internal interface IChannelSource
{
    IEnumerable<IChannel> CreateChannels();
}
