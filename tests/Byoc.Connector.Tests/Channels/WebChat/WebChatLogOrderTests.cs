using System.Net;
using Byoc.Core.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace Byoc.Connector.Tests.Channels.WebChat;

/// <summary>
/// A committed inbox row can be forwarded and answered at once, so the visitor's own message must already be in the chat
/// log by then: otherwise the answer is logged above it and a reload shows a different order than the live page.
/// </summary>
public sealed class WebChatLogOrderTests
{
    [Fact]
    public async Task TextChoiceAndFile_AreInTheChatLogBeforeTheirInboxRowsCommit()
    {
        var ct = TestContext.Current.CancellationToken;
        var seen = new List<bool>();
        await using var host = await ConnectorHost.StartAsync(builder => WatchInbox(builder.Services, seen), null, ct,
            $"--Connector:WebChat:Channels:{WebChatTestHost.Channel}:ChannelAddressIdentifier={ConnectorHost.ChannelAddress}",
            $"--Connector:WebChat:Channels:{WebChatTestHost.Channel}:SessionSecret={WebChatTestHost.SessionSecret}");
        using var client = host.Connector.CreateClient();
        var session = await WebChatTestHost.NewSessionAsync(client);

        using var text = await WebChatTestHost.PostAsync(client, session.Token, """{"type":"message","id":"m-1","text":"A table for two"}""");
        using var choice = await WebChatTestHost.PostAsync(client, session.Token,
            """{"type":"choice","id":"c-1","entryId":"e1","optionId":"o-1","text":"Tonight"}""");
        using var file = await WebChatTestHost.UploadAsync(client, session.Token, "f-1", "menu.pdf", "application/pdf", "%PDF-1.4"u8.ToArray());

        Assert.Equal(HttpStatusCode.Accepted, text.StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, choice.StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, file.StatusCode);
        Assert.Equal([true, true, true], seen);
    }

    private static void WatchInbox(IServiceCollection services, List<bool> seen)
    {
        var inner = services.Last(d => d.ServiceType == typeof(IInboxStore)).ImplementationFactory!;
        services.AddSingleton<IInboxStore>(sp => new LogCheckingInbox((IInboxStore)inner(sp), sp.GetRequiredService<IChatLogStore>(), seen));
    }

    /// <summary>Records, for each new visitor message, whether the chat log held its entry when the inbox insert began.</summary>
    private sealed class LogCheckingInbox(IInboxStore inner, IChatLogStore log, List<bool> seen) : IInboxStore
    {
        public async Task<bool> TryAddAsync(NewQueueItem item, CancellationToken cancellationToken)
        {
            if (!item.Key.StartsWith("byoc:", StringComparison.Ordinal))
            {
                var visitor = item.Key[..item.Key.IndexOf(':', StringComparison.Ordinal)];
                var entries = await log.ReadAfterAsync(item.Source, visitor, 0, 100, cancellationToken);
                var pageId = item.Key[(visitor.Length + 1)..];
                lock (seen)
                {
                    seen.Add(entries.Any(e => e.Key == "in:" + pageId));
                }
            }

            return await inner.TryAddAsync(item, cancellationToken);
        }

        public Task<bool> ContainsAsync(string source, string key, CancellationToken cancellationToken) =>
            inner.ContainsAsync(source, key, cancellationToken);

        public Task<IReadOnlyList<QueueItem>> ClaimAsync(string owner, int maxItems, TimeSpan lease, CancellationToken cancellationToken) =>
            inner.ClaimAsync(owner, maxItems, lease, cancellationToken);

        public Task<bool> CompleteAsync(long id, string owner, CancellationToken cancellationToken) => inner.CompleteAsync(id, owner, cancellationToken);

        public Task<bool> RetryLaterAsync(long id, string owner, DateTimeOffset nextAttemptAt, string error, CancellationToken cancellationToken) =>
            inner.RetryLaterAsync(id, owner, nextAttemptAt, error, cancellationToken);

        public Task<bool> DeadLetterAsync(long id, string owner, string reason, string error, CancellationToken cancellationToken) =>
            inner.DeadLetterAsync(id, owner, reason, error, cancellationToken);

        public Task<int> ReleaseAllAsync(string owner, CancellationToken cancellationToken) => inner.ReleaseAllAsync(owner, cancellationToken);

        public Task<int> CountPendingAsync(CancellationToken cancellationToken) => inner.CountPendingAsync(cancellationToken);
    }
}
