using System.Text.Json.Nodes;
using Byoc.Core.Delivery;
using Byoc.Core.Messages;
using Byoc.TestUtilities;
using Byoc.TestUtilities.Platforms.Meta;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Byoc.Connector.Tests.Channels.Meta;

/// <summary>
/// Files on the WhatsApp channel against the fake Cloud API: the end user's media fetched in two steps with the bearer
/// token under the attachment rules, and the agent's files uploaded to the number's media and sent by id. Salesforce's
/// files are served from loopback.
/// </summary>
public sealed class WhatsAppMediaTests : IAsyncLifetime
{
    private const string User = "15550006666";
    private static readonly byte[] s_png = Convert.FromBase64String(
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==");

    private static readonly byte[] s_pdf = "%PDF-1.4 today's menu"u8.ToArray();
    private LoopbackServer _salesforceFiles = null!;
    private WhatsAppTestHost _test = null!;

    public async ValueTask InitializeAsync()
    {
        var files = WebApplication.CreateSlimBuilder().Build();
        files.MapGet("/files/photo.png", () => Results.Bytes(s_png, "image/png"));
        files.MapGet("/files/menu.pdf", () => Results.Bytes(s_pdf, "application/pdf"));
        files.MapGet("/files/big.png", () => Results.Bytes(new byte[(5 * 1024 * 1024) + 1], "image/png"));
        _salesforceFiles = await LoopbackServer.StartAsync(files, Ct);
        _test = await WhatsAppTestHost.StartAsync(Ct, new FakeMetaOptions { AutoStatuses = [], RetryDelays = [TimeSpan.FromMilliseconds(50)] },
            extraArgs: [$"--Connector:Salesforce:InstanceUrl={_salesforceFiles.BaseAddress}", "--Connector:Attachments:MaxInboundBytes=2048"]);
    }

    public async ValueTask DisposeAsync()
    {
        await _test.DisposeAsync();
        await _salesforceFiles.DisposeAsync();
    }

    [Fact]
    public async Task Post_ImageWithCaption_LookedUpAndDownloadedWithTheTokenAndStoredWithTheCaption()
    {
        var webhook = await _test.Meta.SendMediaAsync(User, "image", "image/png", s_png, "my receipt", cancellationToken: Ct);
        await _test.Meta.WaitForDeliveryAsync(webhook, Ct).WaitAsync(Timeout, Ct);

        var message = Assert.Single(await _test.InboxAsync(Ct));
        Assert.Equal((InboundKind.Attachment, "my receipt", "image/png"), (message.Kind, message.Text, message.Attachment?.MimeType));
        Assert.Equal(s_png, await File.ReadAllBytesAsync(Path.Combine(_test.Host.AttachmentDirectory, message.Attachment!.FileId + ".bin"), Ct));
        Assert.Equal([("lookup", 200, true), ("download", 200, true)], _test.Meta.MediaRequests.Items.Select(r => (r.Kind, r.StatusCode, r.Authorized)));
    }

    [Fact]
    public async Task Post_DocumentWithFileName_StoredUnderItsName()
    {
        var webhook = await _test.Meta.SendMediaAsync(User, "document", "application/pdf", s_pdf, fileName: "invoice.pdf", cancellationToken: Ct);
        await _test.Meta.WaitForDeliveryAsync(webhook, Ct).WaitAsync(Timeout, Ct);

        var message = Assert.Single(await _test.InboxAsync(Ct));
        Assert.Equal(("invoice.pdf", "application/pdf", s_pdf.Length), (message.Attachment?.Name, message.Attachment?.MimeType, message.Attachment?.Length));
    }

    [Fact]
    public async Task Post_BatchWithARefusedTypeAnOversizedFileAndAnExpiredMedia_OnlyTheTextStoredAndNoRefusedTypeLookedUp()
    {
        var value = _test.Meta.Value();
        var voice = _test.Meta.MediaMessage(User, "audio", "audio/ogg; codecs=opus", [1, 2, 3]);
        var big = _test.Meta.MediaMessage(User, "image", "image/png", new byte[4096]);
        var expired = _test.Meta.MediaMessage(User, "image", "image/png", s_png);
        _test.Meta.ExpireMedia((string)expired["image"]!["id"]!);
        value["messages"] = new JsonArray(voice, big, expired, _test.Meta.TextMessage(User, "did you get them?"));

        var webhook = await _test.Meta.PostAsync(_test.Meta.Envelope(value), Ct);
        await _test.Meta.WaitForDeliveryAsync(webhook, Ct).WaitAsync(Timeout, Ct);

        var message = Assert.Single(await _test.InboxAsync(Ct));
        Assert.Equal((InboundKind.Text, "did you get them?"), (message.Kind, message.Text));
        // The voice note's type is refused before any call; the big image by its looked-up size, before the download.
        Assert.Equal([("lookup", 200), ("lookup", 400)], _test.Meta.MediaRequests.Items.Select(r => (r.Kind, r.StatusCode)));
        Assert.Empty(Directory.Exists(_test.Host.AttachmentDirectory) ? Directory.GetFiles(_test.Host.AttachmentDirectory, "*.bin") : []);
    }

    [Fact]
    public async Task Post_MediaLookupFails_AnsweredWith502AndStoredOnMetasRedelivery()
    {
        _test.Meta.Faults.FailNext(1, 500, "media");

        var webhook = await _test.Meta.SendMediaAsync(User, "image", "image/png", s_png, cancellationToken: Ct);
        var first = await _test.Meta.WaitForAttemptAsync(webhook, 1, Ct).WaitAsync(Timeout, Ct);
        await _test.Meta.WaitForDeliveryAsync(webhook, Ct).WaitAsync(Timeout, Ct);

        Assert.Equal(502, first.StatusCode);
        Assert.Equal(InboundKind.Attachment, Assert.Single(await _test.InboxAsync(Ct)).Kind);
    }

    [Fact]
    public async Task SendAsync_PhotoAndDocument_UploadedAndSentByIdWithTheTextAsCaption()
    {
        await WriteAsync();
        var message = Files("Here is the menu", ("photo.png", "image/png"), ("menu.pdf", "application/pdf"));

        var outcome = await _test.ChannelInstance.Outbound.SendAsync(message, Ct);

        Assert.True(outcome.IsSuccess, outcome.Error);
        var sent = _test.Meta.SentMessages.Items;
        Assert.Equal([("image", "Here is the menu", null), ("document", null, "menu.pdf")], sent.Select(m => (m.Type, m.Text, m.FileName)));
        Assert.Equal(s_png, sent[0].Media?.Content);
        Assert.Equal("application/pdf", sent[1].Media?.MimeType);
        Assert.Equal(s_pdf, sent[1].Media?.Content);
        Assert.All(sent, m => Assert.Equal(message.EntryIdentifier, m.CallbackData));
        Assert.Equal(2, _test.Meta.MediaRequests.Items.Count(r => r.Kind == "upload" && r.StatusCode == 200 && r.Authorized));
    }

    [Fact]
    public async Task SendAsync_ImageOverMetasLimit_NoticeSentAndPermanentNamingTheFile()
    {
        await WriteAsync();

        var outcome = await _test.ChannelInstance.Outbound.SendAsync(Files(null, ("big.png", "image/png")), Ct);

        Assert.Equal(DeliveryOutcomeKind.Permanent, outcome.Kind);
        Assert.Contains("big.png: WhatsApp takes image files up to 5 MB", outcome.Error, StringComparison.Ordinal);
        Assert.Equal("The agent sent big.png, which could not be delivered.", Assert.Single(_test.Meta.SentMessages.Items).Text);
        Assert.DoesNotContain(_test.Meta.MediaRequests.Items, r => r.Kind == "upload");
    }

    [Fact]
    public async Task SendAsync_FileOutsideTheWindow_PermanentNamingTheWindowAndNothingUploaded()
    {
        var outcome = await _test.ChannelInstance.Outbound.SendAsync(Files("menu", ("menu.pdf", "application/pdf")), Ct);

        Assert.Equal(DeliveryOutcomeKind.Permanent, outcome.Kind);
        Assert.Contains("24-hour", outcome.Error, StringComparison.Ordinal);
        Assert.Empty(_test.Meta.SentMessages.Items);
        Assert.Empty(_test.Meta.MediaRequests.Items);
    }

    private async Task WriteAsync()
    {
        var hello = await _test.Meta.SendTextAsync(User, "hi", cancellationToken: Ct);
        await _test.Meta.WaitForDeliveryAsync(hello, Ct).WaitAsync(Timeout, Ct);
    }

    private OutboundMessage Files(string? text, params (string Name, string MimeType)[] files) => new()
    {
        Channel = _test.Channel,
        PlatformUserId = User,
        EntryIdentifier = "entry-" + Guid.NewGuid().ToString("N"),
        ConversationIdentifier = "conv-1",
        Kind = OutboundKind.Attachment,
        Text = text,
        Attachments = [.. files.Select(f => new OutboundAttachment(f.Name, f.MimeType, new Uri(_salesforceFiles.BaseAddress, "/files/" + f.Name).AbsoluteUri))],
    };

    private static TimeSpan Timeout => TimeSpan.FromSeconds(15);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;
}
