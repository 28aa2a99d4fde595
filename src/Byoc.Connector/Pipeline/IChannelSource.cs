using Byoc.Core.Channels;

namespace Byoc.Connector.Pipeline;

/// <summary>Creates the configured channels of one platform type (webhook, later web chat and others).</summary>
internal interface IChannelSource
{
    IEnumerable<IChannel> CreateChannels();
}
