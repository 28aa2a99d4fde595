using Byoc.Core.Messages;
using Byoc.TestUtilities;
using Byoc.TestUtilities.Platforms.Meta;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Byoc.Connector.Tests.Channels.Meta;

/// <summary>
/// The agent's files on the Messenger channel against the fake Send API: fetched from Salesforce (served from loopback),
/// uploaded with the Attachment Upload API and sent by attachment id, the text first, and acknowledged by watermarks.
/// </summary>
public sealed class MessengerFilesTests : IAsyncLifetime
{
    private const string User = "6024771434246666";
    private static readonly byte[] s_png = Convert.FromBase64String(
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==");

    private static readonly byte[] s_pdf = "%PDF-1.4 today's menu"u8.ToArray();
    private LoopbackServer _salesforceFiles = null!;
    private MessengerTestHost _test = null!;

    public async ValueTask InitializeAsync()
    {
        var files = WebApplication.CreateSlimBuilder().Build();
        files.MapGet("/files/photo.png", () => Results.Bytes(s_png, "image/png"));
        files.MapGet("/files/menu.pdf", () => Results.Bytes(s_pdf, "application/pdf"));
        _salesforceFiles = await LoopbackServer.StartAsync(files, Ct);
        _test = await MessengerTestHost.StartAsync(Ct, new FakeMessengerOptions { AutoReceipts = ["delivery"], RetryDelays = [TimeSpan.FromMilliseconds(50)] },
            extraArgs: $"--Connector:Salesforce:InstanceUrl={_salesforceFiles.BaseAddress}");
    }

    public async ValueTask DisposeAsync()
    {
        await _test.DisposeAsync();
        await _salesforceFiles.DisposeAsync();
    }

    [Fact]
    public async Task SendAsync_PhotoAndDocument_TextFirstThenEachUploadedAndSentByIdThenDeliveredOnce()
    {
        var hello = await _test.Messenger.SendTextAsync(User, "hi", Ct);
        await _test.Messenger.WaitForDeliveryAsync(hello, Ct).WaitAsync(Timeout, Ct);
        var message = new OutboundMessage
        {
            Channel = _test.Channel,
            PlatformUserId = User,
            EntryIdentifier = "entry-files",
            ConversationIdentifier = "conv-1",
            Kind = OutboundKind.Attachment,
            Text = "Here is the menu",
            Attachments = [.. new[] { ("photo.png", "image/png"), ("menu.pdf", "application/pdf") }
                .Select(f => new OutboundAttachment(f.Item1, f.Item2, new Uri(_salesforceFiles.BaseAddress, "/files/" + f.Item1).AbsoluteUri))],
        };

        var outcome = await _test.ChannelInstance.Outbound.SendAsync(message, Ct);

        Assert.True(outcome.IsSuccess, outcome.Error);
        var sent = _test.Messenger.SentMessages.Items;
        Assert.Equal([("text", "Here is the menu", null), ("image", null, "photo.png"), ("file", null, "menu.pdf")],
            sent.Select(m => (m.Kind, m.Text, m.Upload?.FileName)));
        Assert.Equal(s_png, sent[1].Upload?.Content);
        Assert.Equal("application/pdf", sent[2].Upload?.MimeType);
        Assert.Equal(s_pdf, sent[2].Upload?.Content);
        // Three deliveries (one per message) acknowledge the one entry once.
        await _test.Messenger.WebhookAttempts.WaitForCountAsync(4, a => a.Succeeded, Ct).WaitAsync(Timeout, Ct);
        var status = Assert.Single(await _test.InboxAsync(Ct), m => m.Kind == InboundKind.Status);
        Assert.Equal(("entry-files", DeliveryStatus.Delivered), (status.StatusOfEntryIdentifier, status.Status));
    }

    private static TimeSpan Timeout => TimeSpan.FromSeconds(15);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;
}
