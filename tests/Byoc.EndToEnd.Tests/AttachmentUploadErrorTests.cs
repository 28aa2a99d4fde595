using System.Net.Http.Json;
using Byoc.TestUtilities;

namespace Byoc.EndToEnd.Tests;

/// <summary>
/// Salesforce accepts an end user's file and later reports that its upload failed (<c>MessageUpdated</c> with an
/// <c>ErrorAttachmentUploadResult</c>): the end user is told on their channel, in words, which file did not arrive.
/// </summary>
public sealed class AttachmentUploadErrorTests
{
    private static readonly byte[] s_png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 1, 2, 3, 4];

    [Fact]
    [Trait("Category", "Slow")]
    public async Task Webhook_OrgReportsUploadFailed_EndUserGetsANoticeNamingTheFile()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var sink = await PlatformSink.StartAsync(ct);
        await using var test = await TestStack.StartAsync(sink.OutboundUrl);
        using (var admin = new HttpClient { BaseAddress = test.Stack.InstanceUrl })
        {
            using var set = await admin.PostAsJsonAsync("/emulator/faults", new { attachmentUploadError = "StorageLimitExceeded" }, ct);
            set.EnsureSuccessStatusCode();
        }

        using var platform = new WebhookPlatform(test.Stack.WebhookUrl, test.Stack.Secrets.WebhookSecret);
        await platform.SendFileAsync("f-1", "guest-upload", "receipt.png", "image/png", s_png);

        var notice = await WaitFor.ValueAsync(() => sink.Deliveries.FirstOrDefault(d => d.Type == "notice"), "the upload failure notice");
        Assert.Equal("We could not deliver receipt.png: there is no room left to store it.", notice.Text);
        Assert.True(notice.IsSignedWith(test.Stack.Secrets.WebhookSecret));
    }
}
