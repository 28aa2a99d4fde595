using Byoc.Connector.Pipeline;
using Byoc.Core.Channels;
using Byoc.Core.Messages;
using Byoc.TestUtilities.Platforms.Slack;
using Microsoft.Extensions.DependencyInjection;

namespace Byoc.Connector.Tests.Channels.Slack;

/// <summary>
/// The connector with one Slack channel (<c>slack</c>) on loopback Kestrel, pointed at a <see cref="FakeSlack"/> whose
/// Request URL was verified (<c>url_verification</c>) as saving it on the Event Subscriptions page does.
/// </summary>
internal sealed class SlackTestHost : IAsyncDisposable
{
    private SlackTestHost(ConnectorHost host, FakeSlack slack)
    {
        Host = host;
        Slack = slack;
    }

    public ConnectorHost Host { get; }

    public FakeSlack Slack { get; }

    public string Channel { get; } = "slack";

    public Uri EventsUrl => new(Host.Connector.BaseAddress, "/channels/" + Channel);

    public IChannel ChannelInstance => Host.Services.GetRequiredService<ChannelRegistry>().Find(Channel)!;

    public static Task<SlackTestHost> StartAsync(CancellationToken cancellationToken, FakeSlackOptions? slackOptions = null,
        bool verify = true, params string[] extraArgs) => StartAsync(null, cancellationToken, slackOptions, verify, extraArgs);

    /// <summary>Starts the fake and the connector; <paramref name="configure"/> adjusts the connector's builder last (for example to capture logs).</summary>
    public static async Task<SlackTestHost> StartAsync(Action<Microsoft.AspNetCore.Builder.WebApplicationBuilder>? configure, CancellationToken cancellationToken,
        FakeSlackOptions? slackOptions = null, bool verify = true, params string[] extraArgs)
    {
        var slack = await FakeSlack.StartAsync(slackOptions ?? new FakeSlackOptions { RetryDelays = [TimeSpan.FromMilliseconds(50)] }, cancellationToken);
        const string Key = "--Connector:Slack:Channels:slack";
        string[] args =
        [
            $"{Key}:ChannelAddressIdentifier={ConnectorHost.ChannelAddress}",
            $"{Key}:BotToken={slack.Options.BotToken}",
            $"{Key}:SigningSecret={slack.Options.SigningSecret}",
            $"{Key}:ApiBaseUrl={slack.ApiBaseUrl}",
            $"{Key}:MaxBodyBytes=16384",
            $"{Key}:PerChannelMessagesPerSecond=50",
            $"{Key}:WorkspaceMessagesPerSecond=50",
            .. extraArgs,
        ];
        var host = await ConnectorHost.StartAsync(configure, null, cancellationToken, args);
        var test = new SlackTestHost(host, slack);
        slack.InteractivityUrl = new Uri(test.EventsUrl + "/interactive");
        if (verify)
        {
            Assert.True(await slack.VerifyEventsUrlAsync(test.EventsUrl, cancellationToken), "The Request URL did not answer the challenge.");
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
        await Slack.DisposeAsync();
        await Host.DisposeAsync();
    }
}
