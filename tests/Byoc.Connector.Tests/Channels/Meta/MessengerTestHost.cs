using Byoc.Connector.Pipeline;
using Byoc.Core.Channels;
using Byoc.Core.Messages;
using Byoc.TestUtilities.Platforms.Meta;
using Microsoft.Extensions.DependencyInjection;

namespace Byoc.Connector.Tests.Channels.Meta;

/// <summary>
/// The connector with one Messenger channel (<c>fb</c>) on loopback Kestrel, pointed at a <see cref="FakeMessenger"/>
/// whose callback URL was verified with the channel's verify token, as saving it in the app dashboard does.
/// </summary>
internal sealed class MessengerTestHost : IAsyncDisposable
{
    public const string VerifyToken = "byoc-messenger-verify-2c9d";

    private MessengerTestHost(ConnectorHost host, FakeMessenger messenger)
    {
        Host = host;
        Messenger = messenger;
    }

    public ConnectorHost Host { get; }

    public FakeMessenger Messenger { get; }

    public string Channel { get; } = "fb";

    public Uri CallbackUrl => new(Host.Connector.BaseAddress, "/channels/" + Channel);

    public IChannel ChannelInstance => Host.Services.GetRequiredService<ChannelRegistry>().Find(Channel)!;

    public static async Task<MessengerTestHost> StartAsync(CancellationToken cancellationToken, FakeMessengerOptions? options = null,
        TimeProvider? connectorClock = null, bool verify = true, params string[] extraArgs)
    {
        var messenger = await FakeMessenger.StartAsync(options ?? new FakeMessengerOptions { RetryDelays = [TimeSpan.FromMilliseconds(50)] }, cancellationToken);
        var fake = messenger.Options;
        const string Key = "--Connector:Messenger:Channels:fb";
        string[] args =
        [
            $"{Key}:ChannelAddressIdentifier={ConnectorHost.ChannelAddress}",
            $"{Key}:AppSecret={fake.AppSecret}",
            $"{Key}:VerifyToken={VerifyToken}",
            $"{Key}:PageAccessToken={fake.PageAccessToken}",
            $"{Key}:PageId={fake.PageId}",
            $"{Key}:GraphBaseUrl={messenger.BaseAddress}",
            $"{Key}:MaxBodyBytes=16384",
            $"{Key}:PerUserMessagesPerSecond=50",
            $"{Key}:AccountMessagesPerSecond=50",
            .. extraArgs,
        ];
        var host = await ConnectorHost.StartAsync(
            connectorClock is null ? null : builder => builder.Services.AddSingleton(connectorClock), null, cancellationToken, args);
        var test = new MessengerTestHost(host, messenger);
        if (verify)
        {
            var verified = await messenger.VerifyCallbackAsync(test.CallbackUrl, VerifyToken, cancellationToken);
            Assert.True(verified.Verified, $"The callback answered {verified.StatusCode}: {verified.Body}");
        }

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
        await Messenger.DisposeAsync();
        await Host.DisposeAsync();
    }
}
