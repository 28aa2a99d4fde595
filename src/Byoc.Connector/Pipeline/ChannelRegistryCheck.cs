namespace Byoc.Connector.Pipeline;

/// <summary>Builds the <see cref="ChannelRegistry"/> at start-up, so that a duplicate or invalid channel name stops the start with its reason.</summary>
internal sealed class ChannelRegistryCheck(ChannelRegistry channels) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        _ = channels.All;
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
