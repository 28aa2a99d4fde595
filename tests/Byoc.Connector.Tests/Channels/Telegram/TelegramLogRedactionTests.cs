using System.Diagnostics;
using Byoc.Connector.Diagnostics;
using Byoc.Connector.Tests.Diagnostics;
using Microsoft.Extensions.Logging;

namespace Byoc.Connector.Tests.Channels.Telegram;

public sealed class TelegramLogRedactionTests
{
    private static readonly byte[] s_png = Convert.FromBase64String(
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==");

    [Fact]
    public async Task Conversation_AtTraceLevel_NeverLogsTheBotToken()
    {
        var ct = TestContext.Current.CancellationToken;
        var capture = new CapturingLoggerProvider();
        await using var test = await TelegramTestHost.StartAsync(ct, builder =>
        {
            builder.Logging.ClearProviders();
            builder.Logging.AddProvider(capture);
            builder.Logging.SetMinimumLevel(LogLevel.Trace);
        }, extraArgs: ["--Logging:LogLevel:Default=Trace", "--Connector:Attachments:MaxDownloadBytes=1000"]);
        var user = test.Telegram.AddUser("Ada");

        // getFile and a download (its URL has the token in the path), a download refused for its size (the refusal names the URL).
        var photo = await test.Telegram.SendPhotoAsync(user.Id, s_png, cancellationToken: ct);
        await test.Telegram.WaitForDeliveryAsync(photo, ct).WaitAsync(TimeSpan.FromSeconds(15), ct);
        var big = await test.Telegram.SendDocumentAsync(user.Id, "big.pdf", "application/pdf", new byte[2000], cancellationToken: ct);
        await test.Telegram.WebhookAttempts.WaitForAsync(a => a.Id == big.UpdateId.ToString(System.Globalization.CultureInfo.InvariantCulture), ct)
            .WaitAsync(TimeSpan.FromSeconds(15), ct);
        // Bot API calls out: sendMessage, and one Telegram refuses.
        await test.ChannelInstance.Outbound.SendAsync(new Core.Messages.OutboundMessage
        {
            Channel = TelegramTestHost.Channel,
            PlatformUserId = user.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
            EntryIdentifier = "e1",
            ConversationIdentifier = "c1",
            Kind = Core.Messages.OutboundKind.Text,
            Text = "hello",
        }, ct);
        await test.ChannelInstance.Outbound.SendAsync(new Core.Messages.OutboundMessage
        {
            Channel = TelegramTestHost.Channel,
            PlatformUserId = "424242",
            EntryIdentifier = "e2",
            ConversationIdentifier = "c2",
            Kind = Core.Messages.OutboundKind.Text,
            Text = "hello",
        }, ct);

        var secretPart = test.Telegram.Token[(test.Telegram.Token.IndexOf(':', StringComparison.Ordinal) + 1)..];
        var lines = capture.Lines.ToList();
        Assert.DoesNotContain(lines, line => line.Contains(secretPart, StringComparison.Ordinal));
        Assert.Contains(lines, line => line.Contains("/file/bot" + UrlSecrets.Mask + "/", StringComparison.Ordinal) && line.Contains("larger than", StringComparison.Ordinal));
        Assert.Contains(lines, line => line.Contains("/bot" + UrlSecrets.Mask + "/sendMessage", StringComparison.Ordinal));
        Assert.Contains(lines, line => line.Contains("/bot" + UrlSecrets.Mask + "/getFile", StringComparison.Ordinal));
    }

    [Fact]
    public void RedactingActivityProcessor_SpanWithTokenInUrl_TagsRedactedBeforeExport()
    {
        var secrets = new UrlSecrets();
        secrets.Add("123:secret-part");
        using var activity = new Activity("POST");
        activity.SetTag("url.full", "https://api.telegram.org/bot123:secret-part/sendMessage");
        activity.SetTag("server.address", "api.telegram.org");

        new RedactingActivityProcessor(secrets).OnEnd(activity);

        Assert.Equal("https://api.telegram.org/bot<redacted>/sendMessage", activity.GetTagItem("url.full"));
        Assert.Equal("api.telegram.org", activity.GetTagItem("server.address"));
    }
}
