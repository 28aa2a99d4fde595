using Byoc.Connector.Pipeline;
using Byoc.Core.Channels;
using Byoc.Core.Messages;
using Byoc.TestUtilities.Platforms.Meta;
using Microsoft.Extensions.DependencyInjection;

namespace Byoc.Connector.Tests.Channels.Meta;

/// <summary>
/// The connector with one WhatsApp channel (<c>wa</c>) on loopback Kestrel, pointed at a <see cref="FakeMeta"/> whose
/// callback URL was verified with the channel's verify token, as saving it in the app dashboard does.
/// </summary>
internal sealed class WhatsAppTestHost : IAsyncDisposable
{
    public const string VerifyToken = "byoc-verify-7f3a";

    private WhatsAppTestHost(ConnectorHost host, FakeMeta meta)
    {
        Host = host;
        Meta = meta;
    }

    public ConnectorHost Host { get; }

    public FakeMeta Meta { get; }

    public string Channel { get; } = "wa";

    public Uri CallbackUrl => new(Host.Connector.BaseAddress, "/channels/" + Channel);

    public IChannel ChannelInstance => Host.Services.GetRequiredService<ChannelRegistry>().Find(Channel)!;

    public static async Task<WhatsAppTestHost> StartAsync(CancellationToken cancellationToken, FakeMetaOptions? metaOptions = null,
        TimeProvider? connectorClock = null, bool verify = true, params string[] extraArgs)
    {
        var meta = await FakeMeta.StartAsync(metaOptions ?? new FakeMetaOptions { RetryDelays = [TimeSpan.FromMilliseconds(50)] }, cancellationToken);
        var options = meta.Options;
        const string Key = "--Connector:WhatsApp:Channels:wa";
        string[] args =
        [
            $"{Key}:ChannelAddressIdentifier={ConnectorHost.ChannelAddress}",
            $"{Key}:AppSecret={options.AppSecret}",
            $"{Key}:VerifyToken={VerifyToken}",
            $"{Key}:AccessToken={options.AccessToken}",
            $"{Key}:PhoneNumberId={options.PhoneNumberId}",
            $"{Key}:GraphBaseUrl={meta.BaseAddress}",
            $"{Key}:MaxBodyBytes=16384",
            $"{Key}:PerUserMessagesPerSecond=50",
            $"{Key}:AccountMessagesPerSecond=50",
            .. extraArgs,
        ];
        var host = await ConnectorHost.StartAsync(
            connectorClock is null ? null : builder => builder.Services.AddSingleton(connectorClock), null, cancellationToken, args);
        var test = new WhatsAppTestHost(host, meta);
        if (verify)
        {
            var verified = await meta.VerifyCallbackAsync(test.CallbackUrl, VerifyToken, cancellationToken);
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
        await Meta.DisposeAsync();
        await Host.DisposeAsync();
    }
}
