using System.Text.Json.Nodes;
using Byoc.Cli.Up;
using Byoc.TestUtilities;
using Byoc.TestUtilities.Platforms.Line;

namespace Byoc.EndToEnd.Tests;

/// <summary>
/// The setup guide's Definition of Done over the LINE channel: the fake plays LINE (its users write, tap quick replies
/// and block the account; its webhook sender signs and posts their events and redelivers them; its data host serves
/// their files), the emulated org plays Salesforce. The bad-input matrix (signature, JSON, size, redelivery, expired
/// reply token) is in the connector's LineInboundTests and LineOutboundTests.
/// </summary>
public sealed class LineDefinitionOfDoneTests
{
    private const string User = "U5b0e0f0000000000000000000000dod1";
    private static readonly Uri s_public = new("https://byoc-line.example.test/");
    private static readonly byte[] s_png = Convert.FromBase64String(
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==");

    private static readonly byte[] s_jpeg = [0xFF, 0xD8, 0xFF, 0xE0, 0, 16, 0x4A, 0x46, 0x49, 0x46, 0, 1];

    [Fact]
    [Trait("Category", "Slow")]
    public async Task Line_CustomerTapsAQuickReplyThenHuman_RepRepliesByPushAndDeliveredInOrg()
    {
        await using var line = await FakeLine.StartAsync(cancellationToken: Ct);
        await using var test = await StartAsync(line);

        // A message, and LINE's redelivery of the same event (same webhookEventId, isRedelivery): stored once.
        var item = line.TextEvent(User, "Hello");
        var hello = await line.PostEventsAsync(item);
        await line.WaitForDeliveryAsync(hello, Ct).WaitAsync(Timeout, Ct);
        item["deliveryContext"] = new JsonObject { ["isRedelivery"] = true };
        var again = await line.PostEventsAsync(item);
        await line.WaitForDeliveryAsync(again, Ct).WaitAsync(Timeout, Ct);

        // The agent's menu arrives as a quick reply (while the reply token is fresh, as a reply); a tap is the pick.
        var menu = await line.WaitForMessageAsync(User, m => m.Messages.Any(o => o["quickReply"] is not null), Ct).WaitAsync(Timeout, Ct);
        var buttons = menu.Messages.Single(o => o["quickReply"] is not null)["quickReply"]!["items"]!.AsArray().Select(i => i!["action"]!).ToList();
        Assert.Contains(buttons, b => (string?)b["displayText"] == "Opening hours");
        var session = await test.SessionAsync();
        Assert.Single(test.Entries(session), e => e.GetString("ActorType") == "EndUser" && e.GetString("Message") == "Hello");
        var tap = await line.PostbackAsync(User, (string)buttons.Single(b => (string?)b["displayText"] == "Opening hours")["data"]!);
        await line.WaitForDeliveryAsync(tap, Ct).WaitAsync(Timeout, Ct);
        await WaitFor.ConditionAsync(() => test.Entries(session).Any(e => e.GetString("ActorType") == "EndUser"
            && e.GetString("EntryType") == "ChoicesResponse" && e.GetString("Message") == "Opening hours"), "the tap as a ChoicesResponse entry");
        await line.WaitForMessageAsync(User, m => m.Texts.Any(t => t.Contains("closed on Mondays", StringComparison.Ordinal)), Ct).WaitAsync(Timeout, Ct);

        // Escalation: the fallback queue, a rep who joins and answers on LINE, by push once the reply token is stale.
        await line.SendTextAsync(User, "I want to speak to a human");
        await WaitFor.ConditionAsync(() => test.Current(session).GetString("Status") == "Waiting", "the session in the fallback queue");
        using var rep = new RepClient(test.Stack.InstanceUrl, UpBanner.SuggestedRep);
        await rep.SetAvailableAsync();
        await rep.AcceptQueuedAsync(session.Id);
        await line.WaitForMessageAsync(User, m => m.Texts.Any(t => t.StartsWith("You are now talking to Alex", StringComparison.Ordinal)), Ct).WaitAsync(Timeout, Ct);
        // LINE answers the rep's first push with 429: the outbox backs off, and the retry key keeps it to one message.
        line.ExpireReplyTokens();
        line.Faults.ThrottleNext(1, TimeSpan.FromSeconds(1), "push");
        var repEntry = await rep.SendAsync(session.Id, "Hi, this is Alex. How can I help?");
        var sent = await line.WaitForMessageAsync(User, m => m.Texts.Contains("Hi, this is Alex. How can I help?"), Ct).WaitAsync(Timeout, Ct);
        Assert.Equal("push", sent.Via);
        Assert.Single(line.SentMessages.Items, m => m.Texts.Contains("Hi, this is Alex. How can I help?"));

        // Receipts: LINE reports none to bots, so a successful send is Delivered; the end user's messages are marked read.
        await WaitFor.ConditionAsync(() => StatusOf(test, repEntry) == "Delivered", "Delivered on the rep's ConversationEntry");
        Assert.NotEmpty(line.Reads.Items);
        Assert.Single(test.Entries(session), e => e.GetString("Message") == "Hello");
    }

    [Fact]
    [Trait("Category", "Slow")]
    public async Task Line_FilesBothWays_PhotoFromTheDataHostReachesOrgAndRepImageGoesAsASignedLink()
    {
        await using var line = await FakeLine.StartAsync(cancellationToken: Ct);
        await using var test = await StartAsync(line);

        var photo = await line.SendFileAsync(User, "image", "image/jpeg", s_jpeg);
        await line.WaitForDeliveryAsync(photo, Ct).WaitAsync(Timeout, Ct);
        var session = await test.SessionAsync();
        await WaitFor.ConditionAsync(() => test.Entries(session).Any(e => e.GetString("ActorType") == "EndUser"
            && e.GetString("EntryType") == "Attachment" && e.GetBoolean("HasAttachments") == true), "the end user's photo in the org");
        Assert.Contains(line.Requests.Items, r => r.Path.EndsWith("/content", StringComparison.Ordinal) && r.Status == 200);

        await line.SendTextAsync(User, "I want to speak to a human");
        await WaitFor.ConditionAsync(() => test.Current(session).GetString("Status") == "Waiting", "the session in the fallback queue");
        using var rep = new RepClient(test.Stack.InstanceUrl, UpBanner.SuggestedRep);
        await rep.SetAvailableAsync();
        await rep.AcceptQueuedAsync(session.Id);
        var fileEntry = await rep.SendFileAsync(session.Id, "map.png", "image/png", s_png, "Here is the map");

        var sent = await line.WaitForMessageAsync(User, m => m.Messages.Any(o => (string?)o["type"] == "image"), Ct).WaitAsync(Timeout, Ct);
        Assert.Equal(["Here is the map"], sent.Texts);
        var url = new Uri((string)sent.Messages.Single(o => (string?)o["type"] == "image")["originalContentUrl"]!);
        Assert.StartsWith(new Uri(s_public, "/channels/line/files/").AbsoluteUri, url.AbsoluteUri, StringComparison.Ordinal);
        // LINE fetches the image from the public link itself, which the reverse proxy hands to the connector.
        using var http = new HttpClient();
        Assert.Equal(s_png, await http.GetByteArrayAsync(new Uri(test.Stack.ConnectorUrl, url.PathAndQuery), Ct));
        await WaitFor.ConditionAsync(() => StatusOf(test, fileEntry) == "Delivered", "Delivered on the rep's file entry");
    }

    [Fact]
    [Trait("Category", "Slow")]
    public async Task Line_UserBlockedTheAccount_RepMessageRecordedAsDeliveryFailure()
    {
        await using var line = await FakeLine.StartAsync(cancellationToken: Ct);
        await using var test = await StartAsync(line);
        await line.SendTextAsync(User, "I want to speak to a human");
        var session = await test.SessionAsync();
        await WaitFor.ConditionAsync(() => test.Current(session).GetString("Status") == "Waiting", "the session in the fallback queue");
        using var rep = new RepClient(test.Stack.InstanceUrl, UpBanner.SuggestedRep);
        await rep.SetAvailableAsync();
        await rep.AcceptQueuedAsync(session.Id);
        // The rep's own notice, which follows the agent's hand-over text (the agent's joined notice came first of all).
        await line.WaitForMessageAsync(User, m => m.Texts.Any(t => t.StartsWith("You are now talking to Alex", StringComparison.Ordinal)), Ct).WaitAsync(Timeout, Ct);

        var blocked = await line.UnfollowAsync(User);
        await line.WaitForDeliveryAsync(blocked, Ct).WaitAsync(Timeout, Ct);
        var repEntry = await rep.SendAsync(session.Id, "Are you still there?");

        await WaitFor.ConditionAsync(() => StatusOf(test, repEntry) == "Error", "Error on the rep's entry (MessageDeliveryFailed)");
        var failure = Assert.Single(test.Entries(session), e => e.GetString("EntryType") == "MessageDeliveryFailed");
        Assert.Contains("blocked", failure.GetString("Message"), StringComparison.Ordinal);
        Assert.DoesNotContain(line.SentMessages.Items, m => m.Texts.Contains("Are you still there?"));
    }

    private static async Task<TestStack> StartAsync(FakeLine line)
    {
        const string Key = "--Connector:Line:Channels:line";
        var test = await TestStack.StartAsync(null,
        [
            $"{Key}:ChannelAddressIdentifier={UpOptions.ChannelAddressPlaceholder}",
            $"{Key}:ChannelSecret={line.Options.ChannelSecret}",
            $"{Key}:ChannelAccessToken={line.Options.ChannelAccessToken}",
            $"{Key}:ApiBaseUrl={line.BaseAddress}",
            $"{Key}:DataBaseUrl={line.DataBaseAddress}",
            $"{Key}:PublicBaseUrl={s_public}",
        ]);
        line.WebhookUrl = new Uri(test.Stack.ConnectorUrl, "/channels/line");
        var verified = await line.VerifyWebhookAsync(line.WebhookUrl);
        Assert.Equal(200, verified.StatusCode);
        return test;
    }

    private static string? StatusOf(TestStack test, string messageIdentifier) =>
        test.Org.Records("ConversationEntry").FirstOrDefault(e => e.GetString("MessageIdentifier") == messageIdentifier)?.GetString("MessageStatus");

    private static TimeSpan Timeout => TimeSpan.FromSeconds(30);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;
}
