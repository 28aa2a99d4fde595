using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;
using Byoc.Connector.Channels.WebChat;
using Byoc.Core.Messages;
using Byoc.TestUtilities;
using Byoc.TestUtilities.Browser;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Byoc.Connector.Tests.Channels.WebChat;

[Trait("Category", "Slow")]
public sealed partial class WebChatPageTests
{
    private const string KeysScript = "() => [...document.querySelectorAll('#messages li')].map(li => li.dataset.key)";
    private const string VisitorScript = "() => JSON.parse(localStorage.getItem('byoc-webchat:chat:session')).visitorId";

    [Fact]
    public Task Chat_CustomerTalksToAgent_MessagesTypingChoicesAndReloadWork() => InBrowserAsync(async (host, context, page, ct) =>
    {
        await page.GotoAsync(new Uri(host.Connector.BaseAddress, "/chat").ToString());
        await Expect(page).ToHaveURLAsync(ChatUrl());
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Chat with us" })).ToBeVisibleAsync();

        await page.GetByLabel("Message").FillAsync("A table for two, please");
        await page.GetByLabel("Message").PressAsync("Enter");
        var customer = page.Locator("li.entry.customer");
        await Expect(customer).ToHaveCountAsync(1);
        await Expect(customer.First).Not.ToHaveClassAsync(Pending());
        await Expect(customer.First).ToContainTextAsync("A table for two, please");
        var visitor = await page.EvaluateAsync<string>(VisitorScript);
        await WaitFor.ConditionAsync(() => host.Scrt.Requests.Any(r => r.BodyText.Contains("A table for two, please", StringComparison.Ordinal)));
        var inbox = await host.InboxAsync();
        Assert.Contains(inbox, m => m is { Kind: InboundKind.Text, Text: "A table for two, please" } && m.PlatformUserId == visitor);
        Assert.Contains(inbox, m => m.Kind == InboundKind.TypingStarted);

        var outbound = host.Outbound();
        await outbound.SendAsync(WebChatTestHost.Agent(visitor, "t1", OutboundKind.TypingStarted), ct);
        await Expect(page.Locator("#typing")).ToHaveTextAsync("Reservation Agent is typing…");
        await outbound.SendAsync(WebChatTestHost.Agent(visitor, "p1", OutboundKind.Progress, "Checking availability"), ct);
        await Expect(page.Locator("#progress")).ToHaveTextAsync("Checking availability");
        await outbound.SendAsync(WebChatTestHost.Agent(visitor, "e1", OutboundKind.Text, "We have tables at 7 and 9."), ct);
        var agent = page.Locator("li.entry.agent");
        await Expect(agent).ToHaveCountAsync(1);
        await Expect(agent.First.Locator(".sender")).ToHaveTextAsync("Reservation Agent");
        await Expect(agent.First.Locator(".bubble")).ToHaveTextAsync("We have tables at 7 and 9.");
        await Expect(page.Locator("#typing")).ToBeHiddenAsync();
        await Expect(page.Locator("#progress")).ToBeHiddenAsync();
        await WaitForInboxAsync(host, m => m is { Kind: InboundKind.Status, Status: DeliveryStatus.Delivered, StatusOfEntryIdentifier: "e1" });
        await WaitForInboxAsync(host, m => m is { Kind: InboundKind.Status, Status: DeliveryStatus.Read, StatusOfEntryIdentifier: "e1" });

        await outbound.SendAsync(WebChatTestHost.Agent(visitor, "e2", OutboundKind.Choices, "Which day?",
            [new ChoiceOption("o1", "Today"), new ChoiceOption("o2", "Tomorrow")]), ct);
        await page.GetByRole(AriaRole.Button, new() { Name = "Tomorrow" }).ClickAsync();
        await WaitForInboxAsync(host, m => m is { Kind: InboundKind.ChoiceResponse, ChoiceOptionIdentifier: "o2", InReplyToEntryIdentifier: "e2" });
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Today" })).ToBeDisabledAsync();
        await Expect(customer).ToHaveCountAsync(2);
        await Expect(customer.Nth(1)).Not.ToHaveClassAsync(Pending());

        var hub = host.Services.GetRequiredService<WebChatHub>();
        var firstKey = (await customer.First.GetAttributeAsync("data-key"))!;
        await outbound.SendAsync(WebChatTestHost.Agent(visitor, "joined-1", OutboundKind.ParticipantChanged) with
        {
            SenderDisplayName = "Alex",
            ParticipantJoined = true,
        }, ct);
        await hub.AppendAsync(WebChatTestHost.Channel, visitor,
            WebChatEvents.Receipt("receipt-1", firstKey, DeliveryStatus.Read, TimeProvider.System.GetUtcNow()), ct);
        await Expect(page.Locator("li.entry.system")).ToHaveTextAsync("You are now talking to Alex.");
        await Expect(customer.First.Locator(".receipt")).ToHaveTextAsync("Read");

        var before = await page.EvaluateAsync<string[]>(KeysScript);
        Assert.Equal(5, before.Length);
        await page.ReloadAsync();
        await Expect(page.Locator("#messages li")).ToHaveCountAsync(before.Length);
        Assert.Equal(before, await page.EvaluateAsync<string[]>(KeysScript));
        await Expect(customer.First.Locator(".receipt")).ToHaveTextAsync("Read");
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Today" })).ToBeDisabledAsync();

        await outbound.SendAsync(WebChatTestHost.Agent(visitor, "e3", OutboundKind.Text, "See you tomorrow!"), ct);
        await Expect(page.Locator("#messages li")).ToHaveCountAsync(before.Length + 1);
        await Expect(page.Locator("#messages li").Last).ToContainTextAsync("See you tomorrow!");

        // A second tab has no sessionStorage: it replays the whole log from the server, once.
        var tab = await context.NewPageAsync();
        await tab.GotoAsync(page.Url);
        await Expect(tab.Locator("#messages li")).ToHaveCountAsync(before.Length + 1);
        string[] expected = [.. before, "e3"];
        Assert.Equal(expected, await tab.EvaluateAsync<string[]>(KeysScript));
        await Task.Delay(500, ct);
        Assert.Equal(expected, await page.EvaluateAsync<string[]>(KeysScript));
        Assert.Single(await host.InboxAsync(), m => m.Kind == InboundKind.Text);
    });

    [Fact]
    public Task Widget_LauncherClicked_OpensChatInIframeAndReadsOnlyWhileOpen() => InBrowserAsync(async (host, context, page, ct) =>
    {
        // The shop is another origin (another port), as on a customer's site.
        var widgetUrl = new Uri(host.Connector.BaseAddress, "/chat/widget.js");
        var shopApp = WebApplication.CreateSlimBuilder().Build();
        shopApp.MapGet("/", () => Results.Content(
            $"<!doctype html><html lang=\"en\"><title>Shop</title><h1>Shop</h1><script src=\"{widgetUrl}\" data-channel=\"chat\"></script>",
            "text/html"));
        await using var shop = await LoopbackServer.StartAsync(shopApp, ct);
        await page.GotoAsync(shop.BaseAddress.ToString());
        var launcher = page.GetByRole(AriaRole.Button, new() { Name = "Chat with us" });
        await Expect(launcher).ToHaveAttributeAsync("aria-expanded", "false");

        await launcher.ClickAsync();

        await Expect(launcher).ToHaveAttributeAsync("aria-expanded", "true");
        var frame = page.FrameLocator("#byoc-webchat-frame");
        await frame.GetByLabel("Message").FillAsync("Hello from the widget");
        await frame.GetByLabel("Message").PressAsync("Enter");
        await Expect(frame.Locator("li.entry.customer")).Not.ToHaveClassAsync(Pending());
        await WaitForInboxAsync(host, m => m is { Kind: InboundKind.Text, Text: "Hello from the widget" });

        // Collapsed: an agent message is delivered (rendered) but not read until the visitor opens the chat again.
        var visitor = (await host.InboxAsync()).First().PlatformUserId;
        await launcher.ClickAsync();
        await Expect(launcher).ToHaveAttributeAsync("aria-expanded", "false");
        await host.Outbound().SendAsync(WebChatTestHost.Agent(visitor, "w1", OutboundKind.Text, "Hi! How can I help?"), ct);
        await WaitForInboxAsync(host, m => m is { Kind: InboundKind.Status, Status: DeliveryStatus.Delivered, StatusOfEntryIdentifier: "w1" });
        await Task.Delay(500, ct);
        Assert.DoesNotContain(await host.InboxAsync(), m => m is { Kind: InboundKind.Status, Status: DeliveryStatus.Read });
        await launcher.ClickAsync();
        await WaitForInboxAsync(host, m => m is { Kind: InboundKind.Status, Status: DeliveryStatus.Read, StatusOfEntryIdentifier: "w1" });
    });

    [Fact]
    public Task Chat_FlakyNetworkAndReloadWhileSending_EachMessageStoredAndShownOnce() => InBrowserAsync(async (host, context, page, ct) =>
    {
        await page.GotoAsync(new Uri(host.Connector.BaseAddress, "/chat/chat").ToString());
        var lostAnswers = 0;
        // The server stores the first POST of the message, but its answer is lost: the page must re-send the same id.
        await page.RouteAsync("**/chat/chat/messages", async route =>
        {
            if (route.Request.PostData?.Contains("\"type\":\"message\"", StringComparison.Ordinal) == true && Interlocked.Increment(ref lostAnswers) == 1)
            {
                await route.FetchAsync();
                await route.AbortAsync();
                return;
            }

            await route.ContinueAsync();
        });
        await page.GetByLabel("Message").FillAsync("first");
        await page.GetByLabel("Message").PressAsync("Enter");
        var customer = page.Locator("li.entry.customer");
        await Expect(customer).ToHaveCountAsync(1);
        await Expect(customer.First).Not.ToHaveClassAsync(Pending());
        await WaitFor.ConditionAsync(() => Volatile.Read(ref lostAnswers) >= 2);
        await page.UnrouteAllAsync();
        Assert.Equal(1, (await host.InboxAsync()).Count(m => m.Kind == InboundKind.Text));

        // Offline while sending, then a reload: the unsent message survives in the page's outbox and goes once.
        await page.RouteAsync("**/chat/chat/messages", route => route.AbortAsync());
        await page.GetByLabel("Message").FillAsync("second");
        await page.GetByLabel("Message").PressAsync("Enter");
        await Expect(customer.Nth(1)).ToHaveClassAsync(Pending());
        await page.ReloadAsync();
        await Expect(customer).ToHaveCountAsync(2);
        await Expect(customer.Nth(1)).ToHaveClassAsync(Pending());
        await page.UnrouteAllAsync();
        await Expect(customer.Nth(1)).Not.ToHaveClassAsync(Pending(), new() { Timeout = 30_000 });

        await Expect(customer).ToHaveCountAsync(2);
        var texts = (await host.InboxAsync()).Where(m => m.Kind == InboundKind.Text).Select(m => m.Text).ToList();
        Assert.Equal(["first", "second"], texts);
        Assert.Equal(2, await host.CountRowsAsync("chat_log"));
    });

    [Fact]
    public Task Chat_AgentAnswersWhileAMessageIsSending_PageKeepsLogOrderAcrossReload() => InBrowserAsync(async (host, context, page, ct) =>
    {
        await page.GotoAsync(new Uri(host.Connector.BaseAddress, "/chat/chat").ToString());
        var customer = page.Locator("li.entry.customer");
        await page.GetByLabel("Message").FillAsync("first");
        await page.GetByLabel("Message").PressAsync("Enter");
        await Expect(customer.First).Not.ToHaveClassAsync(Pending());
        var visitor = await page.EvaluateAsync<string>(VisitorScript);

        // "second" is held on its way to the server while the agent's answer to "first" is logged.
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await page.RouteAsync("**/chat/chat/messages", async route =>
        {
            if (route.Request.PostData?.Contains("\"text\":\"second\"", StringComparison.Ordinal) == true)
            {
                await release.Task;
            }

            await route.ContinueAsync();
        });
        await page.GetByLabel("Message").FillAsync("second");
        await page.GetByLabel("Message").PressAsync("Enter");
        await Expect(customer.Nth(1)).ToHaveClassAsync(Pending());
        await host.Outbound().SendAsync(WebChatTestHost.Agent(visitor, "e1", OutboundKind.Text, "Answer to first"), ct);
        await Expect(page.Locator("li.entry.agent")).ToHaveCountAsync(1);
        Assert.Equal("second", await page.Locator("#messages li").Last.Locator(".bubble").TextContentAsync());

        release.SetResult();
        await Expect(customer.Nth(1)).Not.ToHaveClassAsync(Pending());
        var live = await page.EvaluateAsync<string[]>(KeysScript);
        Assert.Equal("e1", live[1]);
        await page.ReloadAsync();
        await Expect(page.Locator("#messages li")).ToHaveCountAsync(live.Length);
        Assert.Equal(live, await page.EvaluateAsync<string[]>(KeysScript));
    });

    /// <summary>Runs a test against the connector with the page in headless Chromium; a failure leaves a screenshot.</summary>
    private static async Task InBrowserAsync(Func<ConnectorHost, IBrowserContext, IPage, CancellationToken, Task> test,
        [CallerMemberName] string name = "")
    {
        var ct = TestContext.Current.CancellationToken;
        await using var chromium = await HeadlessChromium.LaunchAsync();
        await using var host = await WebChatTestHost.StartAsync(ct);
        await using var context = await chromium.Browser.NewContextAsync();
        var page = await context.NewPageAsync();
        page.SetDefaultTimeout(15_000);
        SetDefaultExpectTimeout(15_000);
        try
        {
            await test(host, context, page, ct);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            var path = await HeadlessChromium.ScreenshotAsync(page, name);
            throw new InvalidOperationException($"Browser test failed; screenshot at {path}.", ex);
        }
    }

    private static async Task WaitForInboxAsync(ConnectorHost host, Func<InboundMessage, bool> predicate)
    {
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        cts.CancelAfter(TimeSpan.FromSeconds(15));
        while (!(await host.InboxAsync()).Any(predicate))
        {
            await Task.Delay(50, cts.Token);
        }
    }

    [GeneratedRegex("/chat/chat$")]
    private static partial Regex ChatUrl();

    [GeneratedRegex("pending")]
    private static partial Regex Pending();
}
