using Byoc.Emulator.Org.Seed;
using Byoc.TestUtilities;
using Microsoft.Playwright;

namespace Byoc.Emulator.Tests.EndToEnd;

/// <summary>The full flow with a human in real headless Chromium: Interaction Service API in, Pub/Sub out, the console in between.</summary>
public sealed class RepConsoleEndToEndTests
{
    private const string ChromiumPath = "/usr/bin/chromium";

    private static readonly string[] s_chromiumArgs =
    [
        "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync",
    ];

    [Fact]
    [Trait("Category", "Slow")]
    public async Task Console_ConversationFromInteractionApiEscalates_RepAcceptsReadsRepliesOverPubSubAndEnds()
    {
        if (!File.Exists(ChromiumPath))
        {
            Assert.SkipWhen(Environment.GetEnvironmentVariable("CI") != "true", $"{ChromiumPath} is not installed");
            Assert.Fail($"{ChromiumPath} is required on CI");
        }

        await using var client = await DocsOnlyClient.StartAsync();
        var accepted = await client.SendTextAsync("browser-guest", "hello");
        var conversationId = accepted["conversationIdentifier"]!.GetValue<string>();
        var sessionId = accepted["workItemIds"]![0]!.GetValue<string>();
        var (greeting, greetingIndex) = await client.WaitForMessageAsync(conversationId, "Chatbot");
        await client.SendTextAsync("browser-guest", "I want to speak to a human");
        var (_, handoffIndex) = await client.WaitForAsync(conversationId,
            e => DocsOnlyClient.ParticipantChanges(e).Contains("remove Chatbot"), "the agent leaving", greetingIndex + 1);

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = s_chromiumArgs,
            Timeout = 30_000,
        });
        var page = await browser.NewPageAsync(new BrowserNewPageOptions { BaseURL = client.Credentials.InstanceUrl });
        page.SetDefaultTimeout(10_000);
        try
        {
            await page.GotoAsync("/console");
            await page.GetByLabel("Rep", new() { Exact = true }).SelectOptionAsync(SeededOrg.Reps[0].Username);
            await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
            await Assertions.Expect(page.Locator("#rep-name")).ToHaveTextAsync("Alex Rivera");
            await page.GetByLabel("Presence").SelectOptionAsync("Available");
            await page.GetByRole(AriaRole.Button, new() { Name = "Accept browser-guest" }).ClickAsync();

            var transcript = page.Locator("#transcript");
            await Assertions.Expect(transcript).ToContainTextAsync("hello");
            await Assertions.Expect(transcript).ToContainTextAsync(DocsOnlyClient.Text(greeting)![..30]);
            await Assertions.Expect(transcript).ToContainTextAsync("I want to speak to a human");
            await Assertions.Expect(transcript).ToContainTextAsync("connecting you");
            await client.WaitForAsync(conversationId, e => DocsOnlyClient.ParticipantChanges(e).Contains("add Agent"), "the rep joining",
                handoffIndex + 1);

            await page.GetByLabel("Reply").FillAsync("Hi, this is Alex from the browser.");
            await page.GetByRole(AriaRole.Button, new() { Name = "Send" }).ClickAsync();
            var (reply, _) = await client.WaitForMessageAsync(conversationId, "Agent", handoffIndex + 1, "Hi, this is Alex from the browser.");
            Assert.Equal("browser-guest", reply["recipient"]!["subject"]!.GetValue<string>());

            await client.SendTextAsync("browser-guest", "Thanks, table for 12 please");
            await Assertions.Expect(transcript).ToContainTextAsync("Thanks, table for 12 please");

            await page.GetByRole(AriaRole.Button, new() { Name = "End session" }).ClickAsync();
            await Assertions.Expect(page.Locator("#session-status")).ToContainTextAsync("Ended");
        }
        catch
        {
            var folder = Path.Combine(RepositoryPaths.Root, "artifacts", "test-results", "screenshots");
            Directory.CreateDirectory(folder);
            var screenshot = await page.ScreenshotAsync(new PageScreenshotOptions
            {
                Path = Path.Combine(folder, $"e2e-rep-console-{Guid.NewGuid():N}.png"),
                FullPage = true,
            });
            TestContext.Current.AddAttachment("e2e-rep-console-failure.png", screenshot, "image/png");
            throw;
        }

        var ended = await client.QueryUntilAsync($"SELECT Status, EndedByType FROM MessagingSession WHERE Id = '{sessionId}'",
            s => s["Status"]!.GetValue<string>() == "Ended", "session Ended");
        Assert.Equal("Agent", ended["EndedByType"]!.GetValue<string>());
        Assert.DoesNotContain(client.Events.Skip(handoffIndex + 1), e => DocsOnlyClient.SenderRole(e) == "Chatbot" && DocsOnlyClient.EntryType(e) == "Message");
        client.AssertAllEventsMatchContract();
    }
}
