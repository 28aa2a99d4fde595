using Byoc.Core.Messages;
using Byoc.TestUtilities;
using Byoc.TestUtilities.Browser;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Byoc.Connector.Tests.Channels.WebChat;

/// <summary>Files, links, participant notices and progress in the chat page, in headless Chromium.</summary>
[Trait("Category", "Slow")]
public sealed class WebChatFilesPageTests
{
    private const string VisitorScript = "() => JSON.parse(localStorage.getItem('byoc-webchat:chat:session')).visitorId";
    private static readonly byte[] s_png = Convert.FromBase64String(
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==");

    [Fact]
    public async Task Chat_FilesBothWaysLinksAndNotices_Rendered()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var org = await FileServerAsync(ct);
        await using var chromium = await HeadlessChromium.LaunchAsync();
        await using var host = await WebChatTestHost.StartAsync(ct, $"--Connector:Salesforce:InstanceUrl={org.BaseAddress}",
            $"--Connector:WebChat:Channels:{WebChatTestHost.Channel}:ParticipantJoinedText=Now with {{name}}");
        await using var context = await chromium.Browser.NewContextAsync();
        var page = await context.NewPageAsync();
        page.SetDefaultTimeout(15_000);
        SetDefaultExpectTimeout(15_000);
        try
        {
            await page.GotoAsync(new Uri(host.Connector.BaseAddress, $"/chat/{WebChatTestHost.Channel}").ToString());
            var customer = page.Locator("li.entry.customer");

            await page.Locator("#file").SetInputFilesAsync(new FilePayload { Name = "photo.png", MimeType = "image/png", Buffer = s_png });
            await Expect(customer.First.Locator("img")).ToHaveAttributeAsync("alt", "photo.png");
            await Expect(customer.First).Not.ToHaveClassAsync(new System.Text.RegularExpressions.Regex("pending|failed"));
            var visitor = await page.EvaluateAsync<string>(VisitorScript);
            await WaitFor.ConditionAsync(() => host.Scrt.Requests.Any(r => r.BodyText.Contains("AttachmentInteraction", StringComparison.Ordinal)));
            var sent = Assert.Single(await host.InboxAsync(), m => m.Kind == InboundKind.Attachment);
            Assert.Equal(("photo.png", "image/png", (long)s_png.Length), (sent.Attachment!.Name, sent.Attachment.MimeType, sent.Attachment.Length));

            await page.Locator("#file").SetInputFilesAsync(new FilePayload { Name = "notes.txt", MimeType = "text/plain", Buffer = "hello"u8.ToArray() });
            await Expect(customer.Nth(1)).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("failed"));
            await Expect(page.Locator("li.entry.system").Last).ToContainTextAsync("Files of type 'text/plain' cannot be sent.");

            var outbound = host.Outbound();
            await outbound.SendAsync(WebChatTestHost.Agent(visitor, "e-files", OutboundKind.Attachment, "Our menu and map") with
            {
                Attachments =
                [
                    new OutboundAttachment("map.png", "image/png", new Uri(org.BaseAddress, "/map.png").ToString()),
                    new OutboundAttachment("menu.pdf", "application/pdf", new Uri(org.BaseAddress, "/menu.pdf").ToString()),
                ],
            }, ct);
            var agent = page.Locator("li.entry.agent").Last;
            await Expect(agent.Locator("img")).ToHaveAttributeAsync("alt", "map.png");
            Assert.True(await agent.Locator("img").EvaluateAsync<bool>("img => img.complete && img.naturalWidth === 1"), "The image did not load.");
            await Expect(agent.GetByRole(AriaRole.Link, new() { Name = "menu.pdf" })).ToHaveAttributeAsync("download", "menu.pdf");

            await outbound.SendAsync(WebChatTestHost.Agent(visitor, "e-cite", OutboundKind.Text, "Check-in is at 3 pm.") with
            {
                Links = [new OutboundLink("https://help.example.com/checkin", "Check-in policy")],
            }, ct);
            await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Check-in policy" })).ToHaveAttributeAsync("href", "https://help.example.com/checkin");

            await outbound.SendAsync(WebChatTestHost.Agent(visitor, "p1", OutboundKind.Progress, "Looking up your reservation"), ct);
            await Expect(page.Locator("#progress")).ToHaveTextAsync("Looking up your reservation");

            await outbound.SendAsync(WebChatTestHost.Agent(visitor, "joined", OutboundKind.ParticipantChanged) with
            {
                SenderDisplayName = "Alex",
                ParticipantJoined = true,
            }, ct);
            await Expect(page.Locator("li.entry.system").Last).ToHaveTextAsync("Now with Alex");

            var refused = await outbound.SendAsync(WebChatTestHost.Agent(visitor, "e-bad", OutboundKind.Attachment) with
            {
                Attachments = [new OutboundAttachment("secret.pdf", "application/pdf", "http://169.254.169.254/latest/meta-data/")],
            }, ct);
            Assert.Equal(Byoc.Core.Delivery.DeliveryOutcomeKind.Permanent, refused.Kind);
            await Expect(page.Locator("li.entry.system").Last).ToHaveTextAsync("The agent sent secret.pdf, which could not be delivered.");
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            var path = await HeadlessChromium.ScreenshotAsync(page, nameof(Chat_FilesBothWaysLinksAndNotices_Rendered));
            throw new InvalidOperationException($"Browser test failed; screenshot at {path}.", ex);
        }
    }

    private static async Task<LoopbackServer> FileServerAsync(CancellationToken cancellationToken)
    {
        var app = WebApplication.CreateSlimBuilder().Build();
        app.MapGet("/map.png", () => Results.Bytes(s_png, "image/png"));
        app.MapGet("/menu.pdf", () => Results.Bytes("%PDF-1.4 menu"u8.ToArray(), "application/pdf"));
        return await LoopbackServer.StartAsync(app, cancellationToken);
    }
}
