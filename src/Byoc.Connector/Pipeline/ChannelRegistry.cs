using Byoc.Core.Channels;

namespace Byoc.Connector.Pipeline;

/// <summary>
/// Every configured channel of every platform, by name and by Salesforce channel address. Built on first use, after
/// options validation (<see cref="ChannelRegistryCheck"/> builds it at start-up, so a bad name stops the start).
/// </summary>
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
        _byName = new(() => Index(createChannels()));
        _addresses = new(() => _byName.Value.Values.Select(channel => channel.ChannelAddressIdentifier).ToHashSet(StringComparer.OrdinalIgnoreCase));
    }

    /// <summary>The channel addresses this connector serves; outbound events for other addresses are ignored.</summary>
    public IReadOnlySet<string> ChannelAddresses => _addresses.Value;

    public IReadOnlyCollection<IChannel> All => _byName.Value.Values;

    public IChannel? Find(string name) => _byName.Value.GetValueOrDefault(name);

    private static Dictionary<string, IChannel> Index(IEnumerable<IChannel> channels)
    {
        var byName = new Dictionary<string, IChannel>(StringComparer.Ordinal);
        foreach (var channel in channels)
        {
            if (!ChannelNames.IsValid(channel.Name))
            {
                throw new InvalidOperationException($"'{channel.Name}' cannot be a channel name: {ChannelNames.Rule}.");
            }

            if (!byName.TryAdd(channel.Name, channel))
            {
                throw new InvalidOperationException(
                    $"The channel name '{channel.Name}' is configured more than once; names are unique across all platforms, as the front door serves /channels/{{name}}.");
            }
        }

        return byName;
    }
}
