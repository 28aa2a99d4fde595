using Byoc.Cli.Up;
using Byoc.TestUtilities;
using Byoc.TestUtilities.Browser;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Byoc.EndToEnd.Tests;

/// <summary>A customer in real headless Chromium on the connector's chat page, the agent and a rep in the emulated org.</summary>
public sealed class WebChatBrowserTests
{
    private static readonly byte[] s_png = Convert.FromBase64String(
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==");

    private const string KeysScript = "() => [...document.querySelectorAll('#messages li')].map(li => li.dataset.key)";

    [Fact]
    [Trait("Category", "Slow")]
    public async Task Chat_CustomerTalksToAgentThenRep_SeesEverythingOnceAcrossReload()
    {
        await using var browser = await HeadlessChromium.LaunchAsync();
        await using var test = await TestStack.StartAsync(webhookOutboundUrl: null);
        await using var context = await browser.Browser.NewContextAsync();
        var page = await context.NewPageAsync();
        page.SetDefaultTimeout(20_000);
        try
        {
            await page.GotoAsync(new Uri(test.Stack.ConnectorUrl, "/chat").ToString());
            await Expect(page).ToHaveURLAsync(test.Stack.WebChatUrl.ToString());
            var agent = page.Locator("li.entry.agent");

            await SendAsync(page, "Hello, can I book a table for two tonight?");
            await Expect(agent.First).ToContainTextAsync("Reservation Agent");
            await Expect(page.Locator("li.entry.customer")).ToHaveCountAsync(1);

            await SendAsync(page, "I want to speak to a human");
            var session = await test.SessionAsync();
            await WaitFor.ConditionAsync(() => test.Current(session).GetString("Status") == "Waiting", "the session in the fallback queue");
            await Expect(page.Locator("#messages li").Last).Not.ToHaveClassAsync("entry customer");

            using var rep = new RepClient(test.Stack.InstanceUrl, UpBanner.SuggestedRep);
            await rep.SetAvailableAsync();
            await rep.AcceptQueuedAsync(session.Id);
            await rep.TypingAsync(session.Id, started: true);
            await Expect(page.Locator("#typing")).ToContainTextAsync("is typing");
            await rep.SendAsync(session.Id, "Hi, this is Alex from the restaurant. How can I help?");
            await Expect(agent.Last).ToContainTextAsync("this is Alex");
            await Expect(page.Locator("#typing")).ToBeHiddenAsync();

            var before = await page.EvaluateAsync<string[]>(KeysScript);
            await page.ReloadAsync();
            await Expect(page.Locator("#messages li")).ToHaveCountAsync(before.Length);
            Assert.Equal(before, await page.EvaluateAsync<string[]>(KeysScript));

            // Anything replayed twice after the reload would arrive before this new message on the ordered stream.
            await rep.SendAsync(session.Id, "Your table for two is booked at 8 pm.");
            await Expect(agent.Last).ToContainTextAsync("booked at 8 pm");
            var after = await page.EvaluateAsync<string[]>(KeysScript);
            Assert.Equal(before, after[..before.Length]);
            Assert.Equal(before.Length + 1, after.Length);
            Assert.Equal(2, test.Entries(session).Count(e => e.GetString("ActorType") == "EndUser"));
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            var path = await HeadlessChromium.ScreenshotAsync(page, nameof(Chat_CustomerTalksToAgentThenRep_SeesEverythingOnceAcrossReload));
            throw new InvalidOperationException($"Browser test failed; screenshot at {path}.", ex);
        }
    }

    [Fact]
    [Trait("Category", "Slow")]
    public async Task Chat_AgentChoicesAsButtonsFilesAndRepNotice_ReachTheOrgAndShowInline()
    {
        await using var browser = await HeadlessChromium.LaunchAsync();
        await using var test = await TestStack.StartAsync(webhookOutboundUrl: null);
        await using var context = await browser.Browser.NewContextAsync();
        var page = await context.NewPageAsync();
        page.SetDefaultTimeout(20_000);
        try
        {
            await page.GotoAsync(test.Stack.WebChatUrl.ToString());
            await SendAsync(page, "Hello");
            var hours = page.GetByRole(AriaRole.Button, new() { Name = "Opening hours" });
            await hours.ClickAsync();
            var session = await test.SessionAsync();
            await WaitFor.ConditionAsync(() => test.Entries(session).Any(e => e.GetString("ActorType") == "EndUser"
                && e.GetString("EntryType") == "ChoicesResponse" && e.GetString("Message") == "Opening hours"), "the pick as a ChoicesResponse entry");
            await Expect(page.Locator("li.entry.agent").Last).ToContainTextAsync("closed on Mondays");
            await Expect(hours).ToBeDisabledAsync();

            await page.Locator("#file").SetInputFilesAsync(new FilePayload { Name = "receipt.png", MimeType = "image/png", Buffer = s_png });
            await Expect(page.Locator("li.entry.customer img[alt='receipt.png']")).ToBeVisibleAsync();
            await WaitFor.ConditionAsync(() => test.Entries(session).Any(e => e.GetString("ActorType") == "EndUser"
                && e.GetString("EntryType") == "Attachment" && e.GetBoolean("HasAttachments") == true), "the visitor's file in the org");

            await SendAsync(page, "I want to speak to a human");
            await WaitFor.ConditionAsync(() => test.Current(session).GetString("Status") == "Waiting", "the session in the fallback queue");
            using var rep = new RepClient(test.Stack.InstanceUrl, UpBanner.SuggestedRep);
            await rep.SetAvailableAsync();
            await rep.AcceptQueuedAsync(session.Id);
            await Expect(page.Locator("li.entry.system", new() { HasText = "You are now talking to Alex" })).ToBeVisibleAsync();

            await rep.SendFileAsync(session.Id, "map.png", "image/png", s_png, "How to find us");
            var image = page.Locator("li.entry.agent").Last.Locator("img[alt='map.png']");
            await Expect(image).ToBeVisibleAsync();
            Assert.True(await image.EvaluateAsync<bool>("img => img.complete && img.naturalWidth === 1"), "The rep's image did not load.");
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            var path = await HeadlessChromium.ScreenshotAsync(page, nameof(Chat_AgentChoicesAsButtonsFilesAndRepNotice_ReachTheOrgAndShowInline));
            throw new InvalidOperationException($"Browser test failed; screenshot at {path}.", ex);
        }
    }

    private static async Task SendAsync(IPage page, string text)
    {
        await page.GetByLabel("Message").FillAsync(text);
        await page.GetByLabel("Message").PressAsync("Enter");
        await Expect(page.Locator("li.entry.customer").Last).ToContainTextAsync(text);
    }
}
