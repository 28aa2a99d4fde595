using Byoc.Connector.Tests.Diagnostics;
using Byoc.Core.Messages;
using Microsoft.Extensions.Logging;

namespace Byoc.Connector.Tests.Channels.Slack;

public sealed class SlackLogRedactionTests
{
    [Fact]
    public async Task Conversation_AtTraceLevel_NeverLogsTheBotTokenOrTheSigningSecret()
    {
        var ct = TestContext.Current.CancellationToken;
        var capture = new CapturingLoggerProvider();
        await using var test = await SlackTestHost.StartAsync(builder =>
        {
            builder.Logging.ClearProviders();
            builder.Logging.AddProvider(capture);
            builder.Logging.SetMinimumLevel(LogLevel.Trace);
        }, ct, extraArgs: ["--Logging:LogLevel:Default=Trace"]);

        // An event with a file (downloaded with the token), a post, and a post Slack refuses.
        var file = test.Slack.File("note.pdf", "application/pdf", "%PDF-1.4"u8.ToArray());
        var sent = await test.Slack.SendMessageAsync("D024BE91L", "U2147483697", "see file", files: [file], cancellationToken: ct);
        await test.Slack.WaitForDeliveryAsync(sent, ct).WaitAsync(TimeSpan.FromSeconds(15), ct);
        var message = new OutboundMessage
        {
            Channel = test.Channel,
            PlatformUserId = "D024BE91L:U2147483697",
            EntryIdentifier = "e1",
            ConversationIdentifier = "c1",
            Kind = OutboundKind.Text,
            Text = "hello",
        };
        Assert.True((await test.ChannelInstance.Outbound.SendAsync(message, ct)).IsSuccess);
        Assert.False((await test.ChannelInstance.Outbound.SendAsync(message with { PlatformUserId = "C0NOPE:U1" }, ct)).IsSuccess);

        var lines = capture.Lines.ToList();
        Assert.Contains(lines, line => line.Contains("chat.postMessage", StringComparison.Ordinal));
        Assert.DoesNotContain(lines, line => line.Contains(test.Slack.Options.BotToken, StringComparison.Ordinal)
            || line.Contains(test.Slack.Options.SigningSecret, StringComparison.Ordinal));
    }
}
