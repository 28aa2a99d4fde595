using Byoc.Cli.Up;
using Byoc.Connector.Pipeline;
using Byoc.TestUtilities;
using Byoc.TestUtilities.Platforms.Twilio;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Byoc.EndToEnd.Tests;

/// <summary>
/// The setup guide's Definition of Done over the Twilio channel, on SMS and on WhatsApp: the fake plays Twilio (its users
/// text, its webhook sender signs and posts their messages and the status callbacks, through a tunnel from the public URL
/// the connector is configured with), the emulated org plays Salesforce.
/// </summary>
public sealed class TwilioDefinitionOfDoneTests
{
    private const string User = "+15550003333";
    private static readonly Uri s_public = new("https://byoc-twilio.example.test/");
    private static readonly byte[] s_png = Convert.FromBase64String(
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==");

    private static readonly byte[] s_pdf = "%PDF-1.4 today's menu"u8.ToArray();

    [Fact]
    [Trait("Category", "Slow")]
    public async Task Sms_CustomerReachesAgentPicksByNumberThenHuman_RepliesBySmsAndReceiptsInOrg()
    {
        await using var twilio = await FakeTwilio.StartAsync(cancellationToken: Ct);
        await using var test = await StartAsync(twilio, "sms", "Sms", twilio.PhoneNumber);

        // A text, and Twilio's retry of the same signed request: stored once.
        var hello = await twilio.SendSmsAsync(User, "Hello", cancellationToken: Ct);
        var delivered = await twilio.WaitForDeliveryAsync(hello, Ct).WaitAsync(Timeout, Ct);
        using (var http = new HttpClient())
        {
            using var retry = new HttpRequestMessage(HttpMethod.Post, new Uri(test.Stack.ConnectorUrl, "/channels/sms")) { Content = new ByteArrayContent(delivered.Body) };
            retry.Content.Headers.ContentType = new("application/x-www-form-urlencoded");
            retry.Headers.Add("X-Twilio-Signature", delivered.Headers["X-Twilio-Signature"]);
            using var answer = await http.SendAsync(retry, Ct);
            Assert.True(answer.IsSuccessStatusCode, $"The retry was answered {(int)answer.StatusCode}.");
        }

        // The agent's menu arrives as numbered text; typing a number is the pick.
        var menu = await twilio.WaitForMessageAsync(User, m => m.Body?.Contains("4. Opening hours", StringComparison.Ordinal) == true, Ct).WaitAsync(Timeout, Ct);
        Assert.Equal(twilio.PhoneNumber, menu.From);
        var session = await test.SessionAsync();
        Assert.Single(test.Entries(session), e => e.GetString("ActorType") == "EndUser" && e.GetString("Message") == "Hello");
        await twilio.SendSmsAsync(User, "4", cancellationToken: Ct);
        await WaitFor.ConditionAsync(() => test.Entries(session).Any(e => e.GetString("ActorType") == "EndUser"
            && e.GetString("EntryType") == "ChoicesResponse" && e.GetString("Message") == "Opening hours"), "the typed number as a ChoicesResponse entry");
        await twilio.WaitForMessageAsync(User, m => m.Body?.Contains("closed on Mondays", StringComparison.Ordinal) == true, Ct).WaitAsync(Timeout, Ct);

        // Escalation: the fallback queue, a rep who joins and answers by SMS.
        await twilio.SendSmsAsync(User, "I want to speak to a human", cancellationToken: Ct);
        await WaitFor.ConditionAsync(() => test.Current(session).GetString("Status") == "Waiting", "the session in the fallback queue");
        using var rep = new RepClient(test.Stack.InstanceUrl, UpBanner.SuggestedRep);
        await rep.SetAvailableAsync();
        await rep.AcceptQueuedAsync(session.Id);
        await twilio.WaitForMessageAsync(User, m => m.Body?.StartsWith("You are now talking to Alex", StringComparison.Ordinal) == true, Ct).WaitAsync(Timeout, Ct);
        // Twilio answers the rep's first two attempts 429 with error 20429: the outbox waits and nothing is lost or doubled.
        twilio.Faults.ThrottleNext(2, TimeSpan.FromSeconds(1), "Messages");
        var repEntry = await rep.SendAsync(session.Id, "Hi, this is Alex. How can I help?");
        var repSms = await twilio.WaitForMessageAsync(User, m => m.Body == "Hi, this is Alex. How can I help?", Ct).WaitAsync(Timeout, Ct);
        Assert.Single(twilio.SentMessages.Items, m => m.Body == "Hi, this is Alex. How can I help?");

        // Receipts: Twilio's status callback for the rep's SMS marks the entry Delivered.
        await twilio.WaitForStatusAsync(repSms.Sid, "delivered", Ct).WaitAsync(Timeout, Ct);
        await WaitFor.ConditionAsync(() => StatusOf(test, repEntry) == "Delivered", "Delivered on the rep's ConversationEntry");
        Assert.Single(test.Entries(session), e => e.GetString("Message") == "Hello");
    }

    [Fact]
    [Trait("Category", "Slow")]
    public async Task Sms_FilesBothWays_MmsReachesOrgAndRepFileIsFetchedByTwilioFromTheSignedLink()
    {
        await using var twilio = await FakeTwilio.StartAsync(cancellationToken: Ct);
        await using var test = await StartAsync(twilio, "sms", "Sms", twilio.PhoneNumber);

        var mms = await twilio.SendSmsAsync(User, "my receipt", [new TwilioMedia("image/png", s_png)], Ct);
        await twilio.WaitForDeliveryAsync(mms, Ct).WaitAsync(Timeout, Ct);
        var session = await test.SessionAsync();
        await WaitFor.ConditionAsync(() => test.Entries(session).Any(e => e.GetString("ActorType") == "EndUser"
            && e.GetString("EntryType") == "Attachment" && e.GetBoolean("HasAttachments") == true), "the end user's picture in the org");

        await twilio.SendSmsAsync(User, "I want to speak to a human", cancellationToken: Ct);
        await WaitFor.ConditionAsync(() => test.Current(session).GetString("Status") == "Waiting", "the session in the fallback queue");
        using var rep = new RepClient(test.Stack.InstanceUrl, UpBanner.SuggestedRep);
        await rep.SetAvailableAsync();
        await rep.AcceptQueuedAsync(session.Id);
        var fileEntry = await rep.SendFileAsync(session.Id, "menu.pdf", "application/pdf", s_pdf, "Today's menu");

        var sent = await twilio.WaitForMessageAsync(User, m => m.MediaUrls.Count > 0, Ct).WaitAsync(Timeout, Ct);
        Assert.Equal("Today's menu", sent.Body);
        Assert.StartsWith(new Uri(s_public, "/channels/sms/files/").AbsoluteUri, Assert.Single(sent.MediaUrls).AbsoluteUri, StringComparison.Ordinal);
        var fetch = await twilio.MediaFetches.WaitForAsync(f => f.MessageSid == sent.Sid, Ct).WaitAsync(Timeout, Ct);
        Assert.Equal((200, "application/pdf"), (fetch.StatusCode, fetch.ContentType));
        Assert.Equal(s_pdf, fetch.Content);
        await WaitFor.ConditionAsync(() => StatusOf(test, fileEntry) == "Delivered", "Delivered on the rep's file entry");
    }

    [Fact]
    [Trait("Category", "Slow")]
    public async Task WhatsApp_RepMessageAfterTheWindowClosedAtTwilio_RecordedAsDeliveryFailureNamingTheWindow()
    {
        var clock = new FakeTimeProvider(TimeProvider.System.GetUtcNow());
        await using var twilio = await FakeTwilio.StartAsync(new FakeTwilioOptions
        {
            TimeProvider = clock,
            AutoStatuses = ["sent", "delivered", "read"],
            StatusCallbacksBeforeAnswer = true,
        }, Ct);
        await using var test = await StartAsync(twilio, "wa", "WhatsApp", twilio.WhatsAppAddress["whatsapp:".Length..]);
        var user = "whatsapp:" + User;

        await twilio.SendWhatsAppAsync(User, "I want to speak to a human", cancellationToken: Ct);
        var session = await test.SessionAsync();
        await WaitFor.ConditionAsync(() => test.Current(session).GetString("Status") == "Waiting", "the session in the fallback queue");
        using var rep = new RepClient(test.Stack.InstanceUrl, UpBanner.SuggestedRep);
        await rep.SetAvailableAsync();
        await rep.AcceptQueuedAsync(session.Id);
        var inside = await rep.SendAsync(session.Id, "Hi, this is Alex.");
        var insideMessage = await twilio.WaitForMessageAsync(user, m => m.Body == "Hi, this is Alex.", Ct).WaitAsync(Timeout, Ct);
        Assert.Equal(twilio.WhatsAppAddress, insideMessage.From);
        await WaitFor.ConditionAsync(() => StatusOf(test, inside) == "Read", "Read on the rep's entry (WhatsApp read receipt)");

        // A day later at Twilio: the free-form message is accepted, then failed with 63016 in its status callback, which
        // reaches the connector before Twilio's answer to the send does; the accepted send must not overwrite the failure.
        clock.Advance(TimeSpan.FromHours(25));
        var outside = await rep.SendAsync(session.Id, "Are you still there?");

        await WaitFor.ConditionAsync(() => StatusOf(test, outside) == "Error", "Error on the rep's entry (MessageDeliveryFailed)");
        await twilio.WaitForStatusAsync(Assert.Single(twilio.SentMessages.Items, m => m.Body == "Are you still there?").Sid, "failed", Ct);
        await test.Stack.Connector.Services.GetRequiredService<PipelineSettling>().WaitUntilSettledAsync(Ct).WaitAsync(Timeout, Ct);
        Assert.Equal("Error", StatusOf(test, outside));
        var failure = Assert.Single(test.Entries(session), e => e.GetString("EntryType") == "MessageDeliveryFailed");
        Assert.Contains("24-hour", failure.GetString("Message"), StringComparison.Ordinal);
    }

    [Fact]
    [Trait("Category", "Slow")]
    public async Task WhatsApp_AgentOffersTimes_QuickReplyButtonsAndATapIsTheChoicesResponse()
    {
        await using var twilio = await FakeTwilio.StartAsync(cancellationToken: Ct);
        await using var test = await StartAsync(twilio, "wa", "WhatsApp", twilio.WhatsAppAddress["whatsapp:".Length..]);
        var user = "whatsapp:" + User;

        // Four options are more than an in-session quick reply takes: the greeting's menu is numbered text.
        await twilio.SendWhatsAppAsync(User, "Hello", cancellationToken: Ct);
        var menu = await twilio.WaitForMessageAsync(user, m => m.Body?.Contains("4. Opening hours", StringComparison.Ordinal) == true, Ct).WaitAsync(Timeout, Ct);
        Assert.Empty(menu.QuickReplies);
        var session = await test.SessionAsync();

        // Three free times: buttons from a Content API quick reply; the tap comes back as ButtonPayload.
        await twilio.SendWhatsAppAsync(User, "Which times are free tomorrow?", cancellationToken: Ct);
        var times = await twilio.WaitForMessageAsync(user, m => m.QuickReplies.Count > 0, Ct).WaitAsync(Timeout, Ct);
        Assert.Equal(3, times.QuickReplies.Count);
        Assert.Equal(times.ContentSid, Assert.Single(twilio.Contents.Items).Sid);
        var pick = times.QuickReplies[1];
        var tap = await twilio.PressWhatsAppButtonAsync(User, pick.Id, pick.Title, cancellationToken: Ct);
        await twilio.WaitForDeliveryAsync(tap, Ct).WaitAsync(Timeout, Ct);

        await WaitFor.ConditionAsync(() => test.Entries(session).Any(e => e.GetString("ActorType") == "EndUser"
            && e.GetString("EntryType") == "ChoicesResponse"), "the tap as a ChoicesResponse entry");
        var booked = await twilio.WaitForMessageAsync(user, m => m.Body?.Contains("is free", StringComparison.Ordinal) == true, Ct).WaitAsync(Timeout, Ct);
        Assert.Contains("19:30", pick.Title, StringComparison.Ordinal);
        Assert.StartsWith("19:30 ", booked.Body, StringComparison.Ordinal);
    }

    private static async Task<TestStack> StartAsync(FakeTwilio twilio, string channel, string kind, string from)
    {
        var key = $"--Connector:Twilio:Channels:{channel}";
        var test = await TestStack.StartAsync(null,
        [
            $"{key}:ChannelAddressIdentifier={UpOptions.ChannelAddressPlaceholder}",
            $"{key}:Kind={kind}",
            $"{key}:AccountSid={twilio.AccountSid}",
            $"{key}:AuthToken={twilio.AuthToken}",
            $"{key}:From={from}",
            $"{key}:ApiBaseUrl={twilio.BaseAddress}",
            $"{key}:PublicBaseUrl={s_public}",
        ]);
        twilio.RouteThroughTunnel(s_public, test.Stack.ConnectorUrl);
        twilio.WebhookUrl = new Uri(s_public, "/channels/" + channel);
        return test;
    }

    private static string? StatusOf(TestStack test, string messageIdentifier) =>
        test.Org.Records("ConversationEntry").FirstOrDefault(e => e.GetString("MessageIdentifier") == messageIdentifier)?.GetString("MessageStatus");

    private static TimeSpan Timeout => TimeSpan.FromSeconds(30);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;
}
