using Byoc.Emulator.Conversations;
using Byoc.Emulator.Org.Seed;
using Byoc.Emulator.Tests.Routing;
using Byoc.TestUtilities.Browser;
using Microsoft.Playwright;

namespace Byoc.Emulator.Tests.Console;

/// <summary>The console page in real headless Chromium (the machine's /usr/bin/chromium; browsers are never downloaded).</summary>
public sealed class RepConsoleBrowserTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    [Trait("Category", "Slow")]
    public async Task Console_RepSignsInGoesAvailableAcceptsRepliesAndEnds()
    {
        await using var host = RoutingTestHost.Create();
        await host.StartAsync(Token);
        var entry = await host.SendAsync("I want to speak to a human", "browser-customer", Token);
        var sessionId = entry.Address.MessagingSessionId;

        await using var chromium = await HeadlessChromium.LaunchAsync();
        var page = await chromium.Browser.NewPageAsync(new BrowserNewPageOptions { BaseURL = host.BaseAddress.ToString() });
        page.SetDefaultTimeout(10_000);
        try
        {
            await page.GotoAsync("/console");
            await page.GetByLabel("Rep", new() { Exact = true }).SelectOptionAsync(SeededOrg.Reps[0].Username);
            await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
            await Assertions.Expect(page.Locator("#rep-name")).ToHaveTextAsync("Alex Rivera");

            await page.GetByLabel("Presence").SelectOptionAsync("Available");
            await page.GetByRole(AriaRole.Button, new() { Name = "Accept browser-customer" }).ClickAsync();
            await Assertions.Expect(page.Locator("#transcript")).ToContainTextAsync("I want to speak to a human");
            await Assertions.Expect(page.Locator("#transcript")).ToContainTextAsync("connecting you");

            await page.GetByLabel("Reply").FillAsync("Hi, this is Alex. How can I help?");
            await page.GetByRole(AriaRole.Button, new() { Name = "Send" }).ClickAsync();
            await Assertions.Expect(page.Locator("#transcript")).ToContainTextAsync("Hi, this is Alex. How can I help?");

            await host.SendAsync("I need a table for 12 people", "browser-customer", Token);
            await Assertions.Expect(page.Locator("#transcript")).ToContainTextAsync("I need a table for 12 people");

            await page.GetByRole(AriaRole.Button, new() { Name = "End session" }).ClickAsync();
            await Assertions.Expect(page.Locator("#session-status")).ToContainTextAsync("Ended");
        }
        catch
        {
            var screenshot = await HeadlessChromium.ScreenshotAsync(page, "rep-console");
            TestContext.Current.AddAttachment("rep-console-failure.png", await File.ReadAllBytesAsync(screenshot, TestContext.Current.CancellationToken), "image/png");
            throw;
        }

        Assert.Equal("Ended", host.Session(sessionId).GetString("Status"));
        Assert.Contains(host.Events.OfType<TypingEvent>(), t => t.Started && t.Sender.Role == "Agent");
        Assert.Contains(host.Events.OfType<TextMessageEvent>(), t => t.Sender.Role == "Agent" && t.Text == "Hi, this is Alex. How can I help?");
    }
}
