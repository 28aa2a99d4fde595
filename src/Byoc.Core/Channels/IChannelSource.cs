namespace Byoc.Core.Channels;

/// <summary>
/// Creates the configured channels of one platform. A platform registers one as a singleton in its
/// <c>Add…Channel</c> extension; the connector asks every source once, after options validation, and serves the
/// channels by name.
/// </summary>
public interface IChannelSource
{
    /// <summary>The platform's configured channels.</summary>
    IEnumerable<IChannel> CreateChannels();
}
