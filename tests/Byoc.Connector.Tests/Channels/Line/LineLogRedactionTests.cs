using Byoc.Connector.Tests.Diagnostics;
using Byoc.Core.Messages;
using Byoc.TestUtilities.Platforms.Line;
using Microsoft.Extensions.Logging;

namespace Byoc.Connector.Tests.Channels.Line;

public sealed class LineLogRedactionTests
{
    private const string User = "U4af4980629f0000000000000000000c3";

    [Fact]
    public async Task Conversation_AtTraceLevel_NeverLogsTheChannelSecretOrAccessToken()
    {
        var ct = TestContext.Current.CancellationToken;
        var capture = new CapturingLoggerProvider();
        await using var test = await LineTestHost.StartAsync(builder =>
        {
            builder.Logging.ClearProviders();
            builder.Logging.AddProvider(capture);
            builder.Logging.SetMinimumLevel(LogLevel.Trace);
        }, new FakeLineOptions { RedeliveryDelays = [] }, null, ["--Logging:LogLevel:Default=Trace"], ct);

        // In: a text and a picture from the data host. Out: typing (read, loading), a reply, a push, and a push LINE refuses.
        var hello = await test.Line.SendTextAsync(User, "hi");
        await test.Line.WaitForDeliveryAsync(hello, ct).WaitAsync(TimeSpan.FromSeconds(15), ct);
        var photo = await test.Line.SendFileAsync(User, "image", "image/jpeg", [0xFF, 0xD8, 0xFF, 0xE0, 1]);
        await test.Line.WaitForDeliveryAsync(photo, ct).WaitAsync(TimeSpan.FromSeconds(15), ct);
        foreach (var (user, kind, text) in new[] { (User, OutboundKind.TypingStarted, "t"), (User, OutboundKind.Text, "one"), (User, OutboundKind.Text, "two"), ("U-unknown", OutboundKind.Text, "x") })
        {
            await test.ChannelInstance.Outbound.SendAsync(new OutboundMessage
            {
                Channel = test.Channel,
                PlatformUserId = user,
                EntryIdentifier = "e-" + text,
                ConversationIdentifier = "c1",
                Kind = kind,
                Text = text,
            }, ct);
        }

        var lines = capture.Lines.ToList();
        Assert.Equal(["reply", "push"], test.Line.SentMessages.Items.Select(m => m.Via));
        Assert.Contains(lines, line => line.Contains("/v2/bot/message/push", StringComparison.Ordinal));
        Assert.Contains(lines, line => line.Contains("/content", StringComparison.Ordinal));
        Assert.DoesNotContain(lines, line => line.Contains(test.Line.Options.ChannelAccessToken, StringComparison.Ordinal));
        Assert.DoesNotContain(lines, line => line.Contains(test.Line.Options.ChannelSecret, StringComparison.Ordinal));
    }
}
