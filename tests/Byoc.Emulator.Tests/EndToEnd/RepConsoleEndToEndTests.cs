using Byoc.Emulator.Org.Seed;
using Byoc.TestUtilities.Browser;
using Microsoft.Playwright;

namespace Byoc.Emulator.Tests.EndToEnd;

/// <summary>The full flow with a human in real headless Chromium: Interaction Service API in, Pub/Sub out, the console in between.</summary>
public sealed class RepConsoleEndToEndTests
{
    [Fact]
    [Trait("Category", "Slow")]
    public async Task Console_ConversationFromInteractionApiEscalates_RepAcceptsReadsRepliesOverPubSubAndEnds()
    {
        await using var client = await DocsOnlyClient.StartAsync();
        var accepted = await client.SendTextAsync("browser-guest", "hello");
        var conversationId = accepted["conversationIdentifier"]!.GetValue<string>();
        var sessionId = accepted["workItemIds"]![0]!.GetValue<string>();
        var (greeting, greetingIndex) = await client.WaitForMessageAsync(conversationId, "Chatbot");
        await client.SendTextAsync("browser-guest", "I want to speak to a human");
        var (_, handoffIndex) = await client.WaitForAsync(conversationId,
            e => DocsOnlyClient.ParticipantChanges(e).Contains("remove Chatbot"), "the agent leaving", greetingIndex + 1);

        await using var chromium = await HeadlessChromium.LaunchAsync();
        var page = await chromium.Browser.NewPageAsync(new BrowserNewPageOptions { BaseURL = client.Credentials.InstanceUrl });
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
            var screenshot = await HeadlessChromium.ScreenshotAsync(page, "e2e-rep-console");
            TestContext.Current.AddAttachment("e2e-rep-console-failure.png", await File.ReadAllBytesAsync(screenshot, TestContext.Current.CancellationToken), "image/png");
            throw;
        }

        var ended = await client.QueryUntilAsync($"SELECT Status, EndedByType FROM MessagingSession WHERE Id = '{sessionId}'",
            s => s["Status"]!.GetValue<string>() == "Ended", "session Ended");
        Assert.Equal("Agent", ended["EndedByType"]!.GetValue<string>());
        Assert.DoesNotContain(client.Events.Skip(handoffIndex + 1), e => DocsOnlyClient.SenderRole(e) == "Chatbot" && DocsOnlyClient.EntryType(e) == "Message");
        client.AssertAllEventsMatchContract();
    }
}
