using System.Data.Common;
using Byoc.Connector.Channels.WebChat;
using Byoc.Connector.Tests.Attachments;
using Byoc.Core.Delivery;
using Byoc.Core.Messages;
using Byoc.Core.Storage;

namespace Byoc.Connector.Tests.Channels.WebChat;

public sealed class WebChatOutboundAdapterTests : IDisposable
{
    private TestAttachments Attachments { get; } = new();

    public void Dispose() => Attachments.Dispose();

    [Fact]
    public async Task SendAsync_TextTwice_LoggedOnceAndDelivered()
    {
        var log = new MemoryChatLog();
        var sut = new WebChatOutboundAdapter(new WebChatHub(log, TimeProvider.System), Attachments.Fetcher, new WebChatEndpointOptions());

        var first = await sut.SendAsync(WebChatTestHost.Agent("v1", "e1"), TestContext.Current.CancellationToken);
        var again = await sut.SendAsync(WebChatTestHost.Agent("v1", "e1"), TestContext.Current.CancellationToken);

        Assert.Equal((DeliveryOutcomeKind.Succeeded, DeliveryOutcomeKind.Succeeded), (first.Kind, again.Kind));
        var entry = Assert.Single(log.Entries);
        Assert.Contains("\"sender\":\"Reservation Agent\"", entry.Payload, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("TypingStarted")]
    [InlineData("TypingStopped")]
    [InlineData("Progress")]
    public async Task SendAsync_LiveOnlyKinds_DeliveredWithoutLogging(string kind)
    {
        var log = new MemoryChatLog();
        var hub = new WebChatHub(log, TimeProvider.System);
        using var subscription = hub.Subscribe("chat", "v1", TimeSpan.FromMinutes(1));
        var sut = new WebChatOutboundAdapter(hub, Attachments.Fetcher, new WebChatEndpointOptions());

        var result = await sut.SendAsync(WebChatTestHost.Agent("v1", "t1", Enum.Parse<OutboundKind>(kind)), TestContext.Current.CancellationToken);
        var signal = await subscription.ReadAsync(TestContext.Current.CancellationToken).AsTask().WaitAsync(TimeSpan.FromSeconds(5),
            TestContext.Current.CancellationToken);

        Assert.Equal(DeliveryOutcomeKind.Succeeded, result.Kind);
        Assert.Empty(log.Entries);
        Assert.NotNull(signal.LiveEvent);
    }

    [Fact]
    public async Task SendAsync_LogUnavailable_IsRetryable()
    {
        var sut = new WebChatOutboundAdapter(new WebChatHub(new MemoryChatLog { Fail = true }, TimeProvider.System), Attachments.Fetcher,
            new WebChatEndpointOptions());

        var result = await sut.SendAsync(WebChatTestHost.Agent("v1", "e1"), TestContext.Current.CancellationToken);

        Assert.Equal(DeliveryOutcomeKind.Retryable, result.Kind);
        Assert.Contains("database is locked", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SendAsync_RefusedFile_NoticeLoggedAndPermanentFailure()
    {
        var log = new MemoryChatLog();
        var sut = new WebChatOutboundAdapter(new WebChatHub(log, TimeProvider.System), Attachments.Fetcher, new WebChatEndpointOptions());

        var result = await sut.SendAsync(WebChatTestHost.Agent("v1", "e1", OutboundKind.Attachment) with
        {
            Attachments = [new OutboundAttachment("a.pdf", "application/pdf", "http://10.0.0.1/a.pdf")],
        }, TestContext.Current.CancellationToken);

        Assert.Equal(DeliveryOutcomeKind.Permanent, result.Kind);
        Assert.Contains("a.pdf: the host '10.0.0.1' is not on Connector:Attachments:AllowedHosts", result.Error, StringComparison.Ordinal);
        var notice = Assert.Single(log.Entries);
        Assert.Equal("refused:e1", notice.Key);
        Assert.Contains("\"type\":\"notice\"", notice.Payload, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(true, "Alex is here")]
    [InlineData(false, "Bye from Alex")]
    public async Task SendAsync_ParticipantChanged_ConfiguredNoticeLogged(bool joined, string text)
    {
        var log = new MemoryChatLog();
        var settings = new WebChatEndpointOptions { ParticipantJoinedText = "{name} is here", ParticipantLeftText = "Bye from {name}" };
        var sut = new WebChatOutboundAdapter(new WebChatHub(log, TimeProvider.System), Attachments.Fetcher, settings);

        await sut.SendAsync(WebChatTestHost.Agent("v1", "p1", OutboundKind.ParticipantChanged) with { SenderDisplayName = "Alex", ParticipantJoined = joined },
            TestContext.Current.CancellationToken);

        var entry = System.Text.Json.Nodes.JsonNode.Parse(Assert.Single(log.Entries).Payload)!;
        Assert.Equal(("participant", "system", text), (entry["type"]!.GetValue<string>(), entry["role"]!.GetValue<string>(), entry["text"]!.GetValue<string>()));
    }

    internal sealed class MemoryChatLog : IChatLogStore
    {
        public List<ChatLogEntry> Entries { get; } = [];

        public bool Fail { get; init; }

        public Task<ChatLogAppend> AppendAsync(string channel, string platformUserId, string key, string payload, CancellationToken cancellationToken)
        {
            if (Fail)
            {
                throw new FakeDbException("database is locked");
            }

            lock (Entries)
            {
                if (Entries.Find(e => e.Key == key) is { } existing)
                {
                    return Task.FromResult(new ChatLogAppend(existing, false));
                }

                var entry = new ChatLogEntry(Entries.Count + 1, key, payload, TimeProvider.System.GetUtcNow());
                Entries.Add(entry);
                return Task.FromResult(new ChatLogAppend(entry, true));
            }
        }

        public Task<ChatLogEntry?> FindAsync(string channel, string platformUserId, string key, CancellationToken cancellationToken)
        {
            lock (Entries)
            {
                return Task.FromResult(Entries.Find(e => e.Key == key));
            }
        }

        public Task<IReadOnlyList<ChatLogEntry>> ReadAfterAsync(string channel, string platformUserId, long afterSequence, int maxEntries,
            CancellationToken cancellationToken)
        {
            lock (Entries)
            {
                return Task.FromResult<IReadOnlyList<ChatLogEntry>>(Entries.Where(e => e.Sequence > afterSequence).Take(maxEntries).ToList());
            }
        }
    }

    private sealed class FakeDbException(string message) : DbException(message);
}
