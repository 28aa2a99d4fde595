using System.Text;
using Byoc.Connector.Pipeline;
using Byoc.Core.Channels;
using Byoc.Core.Messages;
using Byoc.TestUtilities.Platforms.Twilio;
using Microsoft.Extensions.DependencyInjection;

namespace Byoc.Connector.Tests.Channels.Twilio;

/// <summary>
/// The connector with one Twilio channel (<c>sms</c> or <c>wa</c>) on loopback Kestrel, the <see cref="FakeTwilio"/>'s
/// webhook pointed at it. Loopback is a trusted proxy, so the public URL the connector checks signatures over is the URL
/// the fake called.
/// </summary>
internal sealed class TwilioTestHost : IAsyncDisposable
{
    private TwilioTestHost(ConnectorHost host, FakeTwilio twilio, string channel)
    {
        Host = host;
        Twilio = twilio;
        Channel = channel;
    }

    public ConnectorHost Host { get; }

    public FakeTwilio Twilio { get; }

    public string Channel { get; }

    public Uri WebhookUrl => new(Host.Connector.BaseAddress, "/channels/" + Channel);

    public IChannel ChannelInstance => Host.Services.GetRequiredService<ChannelRegistry>().Find(Channel)!;

    public static async Task<TwilioTestHost> StartAsync(CancellationToken cancellationToken, bool whatsApp = false,
        FakeTwilioOptions? twilioOptions = null, TimeProvider? connectorClock = null, params string[] extraArgs)
    {
        var twilio = await FakeTwilio.StartAsync(twilioOptions, cancellationToken);
        var options = twilioOptions ?? new FakeTwilioOptions();
        var channel = whatsApp ? "wa" : "sms";
        var key = $"--Connector:Twilio:Channels:{channel}";
        string[] args =
        [
            $"{key}:ChannelAddressIdentifier={ConnectorHost.ChannelAddress}",
            $"{key}:Kind={(whatsApp ? "WhatsApp" : "Sms")}",
            $"{key}:AccountSid={twilio.AccountSid}",
            $"{key}:AuthToken={twilio.AuthToken}",
            $"{key}:From={(whatsApp ? options.WhatsAppNumber : twilio.PhoneNumber)}",
            $"{key}:ApiBaseUrl={twilio.BaseAddress}",
            $"{key}:MaxBodyBytes=4096",
            $"{key}:PerNumberMessagesPerSecond=50",
            $"{key}:AccountMessagesPerSecond=50",
            "--Connector:Channels:TrustedProxies:0=127.0.0.1/32",
            .. extraArgs,
        ];
        var host = await ConnectorHost.StartAsync(
            connectorClock is null ? null : builder => builder.Services.AddSingleton(connectorClock), null, cancellationToken, args);
        var test = new TwilioTestHost(host, twilio, channel);
        twilio.WebhookUrl = test.WebhookUrl;
        return test;
    }

    /// <summary>A form post signed as Twilio signs it over the loopback URL (or with another token, or unsigned).</summary>
    public HttpRequestMessage Form(IReadOnlyList<KeyValuePair<string, string>> fields, string path = "", string? token = null,
        bool signed = true, string? channel = null, string contentType = "application/x-www-form-urlencoded")
    {
        var url = new Uri(Host.Connector.BaseAddress, $"/channels/{channel ?? Channel}{path}");
        var body = string.Join('&', fields.Select(pair => $"{Uri.EscapeDataString(pair.Key)}={Uri.EscapeDataString(pair.Value)}"));
        var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new StringContent(body, Encoding.UTF8) };
        request.Content.Headers.ContentType = new(contentType);
        if (signed)
        {
            request.Headers.Add("X-Twilio-Signature", TwilioSignature.Compute(token ?? Twilio.AuthToken, url.AbsoluteUri, fields));
        }

        return request;
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
        await Twilio.DisposeAsync();
        await Host.DisposeAsync();
    }
}
