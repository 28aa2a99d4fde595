using Byoc.Connector.Pipeline;
using Byoc.Core.Channels;
using Byoc.Core.Messages;
using Byoc.TestUtilities.Platforms.Line;
using Microsoft.Extensions.DependencyInjection;

namespace Byoc.Connector.Tests.Channels.Line;

/// <summary>
/// The connector with one LINE channel (<c>line</c>) on loopback Kestrel, pointed at a <see cref="FakeLine"/> whose
/// webhook URL is the channel's door, as setting it in the LINE Developers console does.
/// </summary>
internal sealed class LineTestHost : IAsyncDisposable
{
    private LineTestHost(ConnectorHost host, FakeLine line)
    {
        Host = host;
        Line = line;
    }

    public ConnectorHost Host { get; }

    public FakeLine Line { get; }

    public string Channel { get; } = "line";

    public Uri WebhookUrl => new(Host.Connector.BaseAddress, "/channels/" + Channel);

    public IChannel ChannelInstance => Host.Services.GetRequiredService<ChannelRegistry>().Find(Channel)!;

    public static async Task<LineTestHost> StartAsync(CancellationToken cancellationToken, FakeLineOptions? lineOptions = null,
        TimeProvider? connectorClock = null, params string[] extraArgs)
    {
        var line = await FakeLine.StartAsync(lineOptions ?? new FakeLineOptions { RedeliveryDelays = [TimeSpan.FromMilliseconds(50)] }, cancellationToken);
        var options = line.Options;
        const string Key = "--Connector:Line:Channels:line";
        string[] args =
        [
            $"{Key}:ChannelAddressIdentifier={ConnectorHost.ChannelAddress}",
            $"{Key}:ChannelSecret={options.ChannelSecret}",
            $"{Key}:ChannelAccessToken={options.ChannelAccessToken}",
            $"{Key}:ApiBaseUrl={line.BaseAddress}",
            $"{Key}:DataBaseUrl={line.DataBaseAddress}",
            $"{Key}:MaxBodyBytes=16384",
            $"{Key}:PerUserMessagesPerSecond=50",
            $"{Key}:AccountMessagesPerSecond=50",
            .. extraArgs,
        ];
        var host = await ConnectorHost.StartAsync(
            connectorClock is null ? null : builder => builder.Services.AddSingleton(connectorClock), null, cancellationToken, args);
        var test = new LineTestHost(host, line);
        line.WebhookUrl = test.WebhookUrl;
        return test;
    }

    public async Task<IReadOnlyList<InboundMessage>> InboxAsync(CancellationToken cancellationToken)
    {
        var database = Host.Services.GetRequiredService<Byoc.Storage.Sqlite.SqliteDatabase>();
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT payload FROM inbox ORDER BY id";
        var messages = new List<InboundMessage>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            messages.Add(PipelineJson.Deserialize<InboundMessage>(reader.GetString(0)));
        }

        return messages;
    }

    public async ValueTask DisposeAsync()
    {
        await Line.DisposeAsync();
        await Host.DisposeAsync();
    }
}
