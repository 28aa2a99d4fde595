using Byoc.Cli.Up;
using Byoc.TestUtilities.Browser;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Byoc.EndToEnd.Tests;

/// <summary>A customer in real headless Chromium on the connector's chat page, the agent and a rep in the emulated org.</summary>
public sealed class WebChatBrowserTests
{
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

    private static async Task SendAsync(IPage page, string text)
    {
        await page.GetByLabel("Message").FillAsync(text);
        await page.GetByLabel("Message").PressAsync("Enter");
        await Expect(page.Locator("li.entry.customer").Last).ToContainTextAsync(text);
    }
}
