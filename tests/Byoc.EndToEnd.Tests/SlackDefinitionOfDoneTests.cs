using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Byoc.Cli.Up;
using Byoc.TestUtilities;
using Byoc.TestUtilities.Platforms.Slack;

namespace Byoc.EndToEnd.Tests;

/// <summary>
/// The setup guide's Definition of Done over the Slack channel: the fake plays Slack (it verifies the Request URL, its
/// users write in a direct message with the app, click buttons and share files; its event sender signs, delivers and
/// retries as Slack does), the emulated org plays Salesforce. Then the bad-input matrix at the Request URL.
/// </summary>
public sealed class SlackDefinitionOfDoneTests
{
    private const string Channel = "slack";
    private const string Dm = "D024BE91L";
    private const string User = "U2147483697";
    private static readonly byte[] s_png = Convert.FromBase64String(
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==");

    private static readonly byte[] s_pdf = "%PDF-1.4 today's menu"u8.ToArray();

    [Fact]
    [Trait("Category", "Slow")]
    public async Task Slack_CustomerClicksAButtonThenHuman_RepliesInSlackAndReceiptsInOrg()
    {
        await using var slack = await FakeSlack.StartAsync(new FakeSlackOptions { RetryDelays = [TimeSpan.FromMilliseconds(50)] }, Ct);
        await using var test = await StartAsync(slack);

        // A message, and Slack's retry of it (X-Slack-Retry-Num 1, as after a slow answer): stored once.
        var hello = await slack.SendMessageAsync(Dm, User, "Hello", cancellationToken: Ct);
        await slack.WaitForDeliveryAsync(hello, Ct).WaitAsync(Timeout, Ct);
        await slack.RetryAsync(hello);
        await slack.EventAttempts.WaitForAsync(a => a.Id == hello.Id && a.Attempt == 2 && a.Succeeded, Ct).WaitAsync(Timeout, Ct);

        // The agent's menu arrives as Block Kit buttons; a click is the pick.
        var menu = await slack.WaitForPostAsync(Dm, m => m.Buttons.Count > 0, Ct).WaitAsync(Timeout, Ct);
        Assert.Equal(["Make a reservation", "Check a reservation", "Cancel a reservation", "Opening hours"], menu.Buttons.Select(b => b.Text));
        var session = await test.SessionAsync();
        Assert.Single(test.Entries(session), e => e.GetString("ActorType") == "EndUser" && e.GetString("Message") == "Hello");
        var click = await slack.ClickAsync(menu, menu.Buttons.ToList().FindIndex(b => b.Text == "Opening hours"), User, Ct);
        Assert.Equal(200, click.StatusCode);
        await WaitFor.ConditionAsync(() => test.Entries(session).Any(e => e.GetString("ActorType") == "EndUser"
            && e.GetString("EntryType") == "ChoicesResponse" && e.GetString("Message") == "Opening hours"), "the click as a ChoicesResponse entry");
        await slack.WaitForPostAsync(Dm, m => m.Text.Contains("closed on Mondays", StringComparison.Ordinal), Ct).WaitAsync(Timeout, Ct);

        // Escalation: the fallback queue, a rep who joins and answers in Slack.
        await slack.SendMessageAsync(Dm, User, "I want to speak to a human", cancellationToken: Ct);
        await WaitFor.ConditionAsync(() => test.Current(session).GetString("Status") == "Waiting", "the session in the fallback queue");
        using var rep = new RepClient(test.Stack.InstanceUrl, UpBanner.SuggestedRep);
        await rep.SetAvailableAsync();
        await rep.AcceptQueuedAsync(session.Id);
        await slack.WaitForPostAsync(Dm, m => m.Text.StartsWith("You are now talking to Alex", StringComparison.Ordinal), Ct).WaitAsync(Timeout, Ct);
        // Slack answers the rep's first two posts with 429 Retry-After: the outbox waits and nothing is lost or doubled.
        slack.Faults.ThrottleNext(2, TimeSpan.FromSeconds(1), "chat.postMessage");
        var repEntry = await rep.SendAsync(session.Id, "Hi, this is Alex. How can I help?");
        await slack.WaitForPostAsync(Dm, m => m.Text == "Hi, this is Alex. How can I help?", Ct).WaitAsync(Timeout, Ct);
        Assert.Single(slack.Posted.Items, m => m.Text == "Hi, this is Alex. How can I help?");

        // Receipts: Slack has none for bots, so a successful post is Delivered; nothing is ever Read. The connector's own
        // posts came back as message events (bot_id) and are not in the conversation.
        await WaitFor.ConditionAsync(() => StatusOf(test, repEntry) == "Delivered", "Delivered on the rep's ConversationEntry");
        Assert.DoesNotContain(test.Entries(session), e => e.GetString("ActorType") == "EndUser" && e.GetString("Message")?.StartsWith("You are now", StringComparison.Ordinal) == true);
        Assert.Single(test.Entries(session), e => e.GetString("Message") == "Hello");
    }

    [Fact]
    [Trait("Category", "Slow")]
    public async Task Slack_FilesBothWays_SharedImageReachesOrgAndRepFileIsUploadedExternally()
    {
        await using var slack = await FakeSlack.StartAsync(new FakeSlackOptions { RetryDelays = [TimeSpan.FromMilliseconds(50)] }, Ct);
        await using var test = await StartAsync(slack);

        var photo = await slack.SendMessageAsync(Dm, User, "my receipt", files: [slack.File("receipt.png", "image/png", s_png)], cancellationToken: Ct);
        await slack.WaitForDeliveryAsync(photo, Ct).WaitAsync(Timeout, Ct);
        var session = await test.SessionAsync();
        await WaitFor.ConditionAsync(() => test.Entries(session).Any(e => e.GetString("ActorType") == "EndUser"
            && e.GetString("EntryType") == "Attachment" && e.GetBoolean("HasAttachments") == true), "the end user's image in the org");

        await slack.SendMessageAsync(Dm, User, "I want to speak to a human", cancellationToken: Ct);
        await WaitFor.ConditionAsync(() => test.Current(session).GetString("Status") == "Waiting", "the session in the fallback queue");
        using var rep = new RepClient(test.Stack.InstanceUrl, UpBanner.SuggestedRep);
        await rep.SetAvailableAsync();
        await rep.AcceptQueuedAsync(session.Id);
        var fileEntry = await rep.SendFileAsync(session.Id, "menu.pdf", "application/pdf", s_pdf, "Today's menu");

        var shared = await slack.SharedFiles.WaitForAsync(f => f.Name == "menu.pdf", Ct).WaitAsync(Timeout, Ct);
        Assert.Equal((Dm, "Today's menu"), (shared.Channel, shared.InitialComment));
        Assert.Equal(s_pdf, shared.Content);
        await WaitFor.ConditionAsync(() => StatusOf(test, fileEntry) == "Delivered", "Delivered on the rep's file entry");
    }

    [Fact]
    [Trait("Category", "Slow")]
    public async Task Slack_AppRemovedFromTheConversation_RepMessageRecordedAsDeliveryFailure()
    {
        await using var slack = await FakeSlack.StartAsync(new FakeSlackOptions { RetryDelays = [TimeSpan.FromMilliseconds(50)] }, Ct);
        await using var test = await StartAsync(slack, "--Connector:Delivery:MaxAttempts=3");
        await slack.SendMessageAsync(Dm, User, "I want to speak to a human", cancellationToken: Ct);
        var session = await test.SessionAsync();
        await WaitFor.ConditionAsync(() => test.Current(session).GetString("Status") == "Waiting", "the session in the fallback queue");
        using var rep = new RepClient(test.Stack.InstanceUrl, UpBanner.SuggestedRep);
        await rep.SetAvailableAsync();
        await rep.AcceptQueuedAsync(session.Id);
        await slack.WaitForPostAsync(Dm, m => m.Text.StartsWith("You are now talking to Alex", StringComparison.Ordinal), Ct).WaitAsync(Timeout, Ct);

        slack.Options.Channels.Remove(Dm);
        var repEntry = await rep.SendAsync(session.Id, "Are you still there?");

        await WaitFor.ConditionAsync(() => StatusOf(test, repEntry) == "Error", "Error on the rep's entry (MessageDeliveryFailed)");
        Assert.Contains(test.Entries(session), e => e.GetString("EntryType") == "MessageDeliveryFailed");
    }

    [Fact]
    [Trait("Category", "Slow")]
    public async Task Slack_BadInputMatrix_RefusedOrIgnoredAsSlackExpectsAndNothingReachesTheOrg()
    {
        await using var slack = await FakeSlack.StartAsync(new FakeSlackOptions { RetryDelays = [] }, Ct);
        await using var test = await StartAsync(slack, $"--Connector:Slack:Channels:{Channel}:MaxBodyBytes=65536");
        using var http = new HttpClient { BaseAddress = test.Stack.ConnectorUrl };
        var now = TimeProvider.System.GetUtcNow().ToUnixTimeSeconds();
        var message = Encoding.UTF8.GetBytes(slack.Envelope(slack.MessageEvent(Dm, User, "hi")).ToJsonString());
        var secret = slack.Options.SigningSecret;
        (string Case, byte[] Body, long Timestamp, string? Secret, int Status)[] cases =
        [
            ("bad signature", message, now, "not-the-signing-secret", 401),
            ("no signature", message, now, null, 401),
            ("stale timestamp", message, now - 600, secret, 401),
            ("malformed JSON", "{\"type\":\"event_callback\","u8.ToArray(), now, secret, 400),
            ("oversized", Encoding.UTF8.GetBytes(slack.Envelope(slack.MessageEvent(Dm, User, new string('x', 70_000))).ToJsonString()), now, secret, 413),
            ("unknown event type", "{\"type\":\"event_callback\",\"event_id\":\"Ev0NEW\",\"event\":{\"type\":\"pin_added\"}}"u8.ToArray(), now, secret, 200),
            ("unknown body type", "{\"type\":\"something_new\"}"u8.ToArray(), now, secret, 200),
        ];

        foreach (var (name, body, timestamp, key, status) in cases)
        {
            var stamp = timestamp.ToString(CultureInfo.InvariantCulture);
            using var request = new HttpRequestMessage(HttpMethod.Post, "/channels/" + Channel) { Content = new ByteArrayContent(body) };
            request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
            request.Headers.Add(SlackSigning.TimestampHeader, stamp);
            if (key is not null)
            {
                request.Headers.Add(SlackSigning.Header, SlackSigning.Compute(key, stamp, body));
            }

            using var response = await http.SendAsync(request, Ct);
            Assert.True(status == (int)response.StatusCode, $"{name}: expected {status}, got {(int)response.StatusCode}");
            if (status >= 400)
            {
                Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            }
        }

        Assert.Empty(test.Org.Records("MessagingSession"));
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/healthz/ready", Ct)).StatusCode);
    }

    private static async Task<TestStack> StartAsync(FakeSlack slack, params string[] extraArgs)
    {
        var key = $"--Connector:Slack:Channels:{Channel}";
        var test = await TestStack.StartAsync(null,
        [
            $"{key}:ChannelAddressIdentifier={UpOptions.ChannelAddressPlaceholder}",
            $"{key}:BotToken={slack.Options.BotToken}",
            $"{key}:SigningSecret={slack.Options.SigningSecret}",
            $"{key}:ApiBaseUrl={slack.ApiBaseUrl}",
            .. extraArgs,
        ]);
        var events = new Uri(test.Stack.ConnectorUrl, "/channels/" + Channel);
        Assert.True(await slack.VerifyEventsUrlAsync(events, Ct), "The Request URL did not answer Slack's challenge.");
        slack.InteractivityUrl = new Uri(events + "/interactive");
        return test;
    }

    private static string? StatusOf(TestStack test, string messageIdentifier) =>
        test.Org.Records("ConversationEntry").FirstOrDefault(e => e.GetString("MessageIdentifier") == messageIdentifier)?.GetString("MessageStatus");

    private static TimeSpan Timeout => TimeSpan.FromSeconds(30);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;
}
