using Byoc.Core.Channels;

namespace Byoc.Connector.Pipeline;

/// <summary>Every configured channel, by name and by Salesforce channel address. Built on first use, after options validation.</summary>
internal sealed class ChannelRegistry
{
    private readonly Lazy<Dictionary<string, IChannel>> _byName;
    private readonly Lazy<HashSet<string>> _addresses;

    public ChannelRegistry(IEnumerable<IChannel> channels)
        : this(() => channels)
    {
    }

    public ChannelRegistry(Func<IEnumerable<IChannel>> createChannels)
    {
        _byName = new(() => createChannels().ToDictionary(channel => channel.Name, StringComparer.Ordinal));
        _addresses = new(() => _byName.Value.Values.Select(channel => channel.ChannelAddressIdentifier).ToHashSet(StringComparer.OrdinalIgnoreCase));
    }

    /// <summary>The channel addresses this connector serves; outbound events for other addresses are ignored.</summary>
    public IReadOnlySet<string> ChannelAddresses => _addresses.Value;

    public IReadOnlyCollection<IChannel> All => _byName.Value.Values;

    public IChannel? Find(string name) => _byName.Value.GetValueOrDefault(name);
}
