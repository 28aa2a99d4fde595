using Byoc.Cli.Up;
using Byoc.TestUtilities;
using Byoc.TestUtilities.Platforms.Meta;
using Microsoft.Extensions.Time.Testing;

namespace Byoc.EndToEnd.Tests;

/// <summary>
/// The setup guide's Definition of Done over the WhatsApp Cloud API channel: the fake plays Meta (it verifies the
/// callback URL with the verify token as the app dashboard does, its users write, its webhook sender signs and posts
/// their messages and the statuses of what the connector sent), the emulated org plays Salesforce.
/// </summary>
public sealed class WhatsAppDefinitionOfDoneTests
{
    private const string User = "15550004444";
    private const string VerifyToken = "dod-verify-token";
    private static readonly byte[] s_png = Convert.FromBase64String(
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==");

    private static readonly byte[] s_pdf = "%PDF-1.4 today's menu"u8.ToArray();

    [Fact]
    [Trait("Category", "Slow")]
    public async Task WhatsApp_CustomerPicksFromAListThenHuman_RepRepliesAndReceiptsInOrg()
    {
        await using var meta = await FakeMeta.StartAsync(new FakeMetaOptions { AutoStatuses = ["sent", "delivered", "read"] }, Ct);
        await using var test = await StartAsync(meta);

        // A message, and Meta's redelivery of the same signed webhook: stored once.
        var hello = await meta.SendTextAsync(User, "Hello", cancellationToken: Ct);
        await meta.WaitForDeliveryAsync(hello, Ct).WaitAsync(Timeout, Ct);
        var again = await meta.RedeliverAsync(hello, Ct);
        await meta.WaitForDeliveryAsync(again, Ct).WaitAsync(Timeout, Ct);

        // The agent's four-option menu fits an interactive list; a tapped row is the pick.
        var menu = await meta.WaitForMessageAsync(User, m => m.InteractiveType == "list", Ct).WaitAsync(Timeout, Ct);
        var hours = Assert.Single(menu.Options, o => o.Title == "Opening hours");
        var session = await test.SessionAsync();
        Assert.Single(test.Entries(session), e => e.GetString("ActorType") == "EndUser" && e.GetString("Message") == "Hello");
        var tap = await meta.TapAsync(User, menu.Wamid, hours.Id, hours.Title, list: true, Ct);
        await meta.WaitForDeliveryAsync(tap, Ct).WaitAsync(Timeout, Ct);
        await WaitFor.ConditionAsync(() => test.Entries(session).Any(e => e.GetString("ActorType") == "EndUser"
            && e.GetString("EntryType") == "ChoicesResponse" && e.GetString("Message") == "Opening hours"), "the tapped row as a ChoicesResponse entry");
        await meta.WaitForMessageAsync(User, m => m.Text?.Contains("closed on Mondays", StringComparison.Ordinal) == true, Ct).WaitAsync(Timeout, Ct);

        // Escalation: the fallback queue, a rep who joins and answers on WhatsApp.
        await meta.SendTextAsync(User, "I want to speak to a human", cancellationToken: Ct);
        await WaitFor.ConditionAsync(() => test.Current(session).GetString("Status") == "Waiting", "the session in the fallback queue");
        using var rep = new RepClient(test.Stack.InstanceUrl, UpBanner.SuggestedRep);
        await rep.SetAvailableAsync();
        await rep.AcceptQueuedAsync(session.Id);
        await meta.WaitForMessageAsync(User, m => m.Text?.StartsWith("You are now talking to Alex", StringComparison.Ordinal) == true, Ct).WaitAsync(Timeout, Ct);
        // Meta answers the rep's first attempt with 130429 (throughput): the outbox waits and nothing is lost or doubled.
        meta.Faults.ThrottleNext(1, TimeSpan.FromSeconds(1), "messages");
        var repEntry = await rep.SendAsync(session.Id, "Hi, this is Alex. How can I help?");
        await meta.WaitForMessageAsync(User, m => m.Text == "Hi, this is Alex. How can I help?", Ct).WaitAsync(Timeout, Ct);

        // Receipts: Meta's sent, delivered and read statuses mark the rep's entry Read.
        await WaitFor.ConditionAsync(() => StatusOf(test, repEntry) == "Read", "Read on the rep's ConversationEntry");
        Assert.Single(meta.SentMessages.Items, m => m.Text == "Hi, this is Alex. How can I help?");
        Assert.Single(test.Entries(session), e => e.GetString("Message") == "Hello");
    }

    [Fact]
    [Trait("Category", "Slow")]
    public async Task WhatsApp_FilesBothWays_PhotoReachesOrgAndRepFileIsUploadedAndSentById()
    {
        await using var meta = await FakeMeta.StartAsync(cancellationToken: Ct);
        await using var test = await StartAsync(meta);

        var photo = await meta.SendMediaAsync(User, "image", "image/png", s_png, "my receipt", cancellationToken: Ct);
        await meta.WaitForDeliveryAsync(photo, Ct).WaitAsync(Timeout, Ct);
        var session = await test.SessionAsync();
        await WaitFor.ConditionAsync(() => test.Entries(session).Any(e => e.GetString("ActorType") == "EndUser"
            && e.GetString("EntryType") == "Attachment" && e.GetBoolean("HasAttachments") == true), "the end user's photo in the org");
        Assert.Contains(meta.MediaRequests.Items, r => (r.Kind, r.StatusCode, r.Authorized) == ("download", 200, true));

        await meta.SendTextAsync(User, "I want to speak to a human", cancellationToken: Ct);
        await WaitFor.ConditionAsync(() => test.Current(session).GetString("Status") == "Waiting", "the session in the fallback queue");
        using var rep = new RepClient(test.Stack.InstanceUrl, UpBanner.SuggestedRep);
        await rep.SetAvailableAsync();
        await rep.AcceptQueuedAsync(session.Id);
        var fileEntry = await rep.SendFileAsync(session.Id, "menu.pdf", "application/pdf", s_pdf, "Today's menu");

        var sent = await meta.WaitForMessageAsync(User, m => m.Type == "document", Ct).WaitAsync(Timeout, Ct);
        Assert.Equal(("Today's menu", "menu.pdf"), (sent.Text, sent.FileName));
        Assert.Equal(s_pdf, sent.Media?.Content);
        await WaitFor.ConditionAsync(() => StatusOf(test, fileEntry) == "Delivered", "Delivered on the rep's file entry");
    }

    [Fact]
    [Trait("Category", "Slow")]
    public async Task WhatsApp_RepMessageAfterTheWindowClosedAtMeta_RecordedAsDeliveryFailureNamingTheWindow()
    {
        var clock = new FakeTimeProvider(TimeProvider.System.GetUtcNow());
        await using var meta = await FakeMeta.StartAsync(new FakeMetaOptions { TimeProvider = clock, RetryDelays = [], AutoStatuses = ["sent", "delivered"] }, Ct);
        await using var test = await StartAsync(meta);

        await meta.SendTextAsync(User, "I want to speak to a human", cancellationToken: Ct);
        var session = await test.SessionAsync();
        await WaitFor.ConditionAsync(() => test.Current(session).GetString("Status") == "Waiting", "the session in the fallback queue");
        using var rep = new RepClient(test.Stack.InstanceUrl, UpBanner.SuggestedRep);
        await rep.SetAvailableAsync();
        await rep.AcceptQueuedAsync(session.Id);
        var inside = await rep.SendAsync(session.Id, "Hi, this is Alex.");
        await meta.WaitForMessageAsync(User, m => m.Text == "Hi, this is Alex.", Ct).WaitAsync(Timeout, Ct);
        await WaitFor.ConditionAsync(() => StatusOf(test, inside) == "Delivered", "Delivered on the rep's entry");

        // A day later at Meta: the free-form message is accepted, then failed with 131047 in its status webhook.
        clock.Advance(TimeSpan.FromHours(25));
        var outside = await rep.SendAsync(session.Id, "Are you still there?");

        await WaitFor.ConditionAsync(() => StatusOf(test, outside) == "Error", "Error on the rep's entry (MessageDeliveryFailed)");
        var failure = Assert.Single(test.Entries(session), e => e.GetString("EntryType") == "MessageDeliveryFailed");
        Assert.Contains("24-hour", failure.GetString("Message"), StringComparison.Ordinal);
    }

    private static async Task<TestStack> StartAsync(FakeMeta meta)
    {
        const string Key = "--Connector:WhatsApp:Channels:wa";
        var test = await TestStack.StartAsync(null,
        [
            $"{Key}:ChannelAddressIdentifier={UpOptions.ChannelAddressPlaceholder}",
            $"{Key}:AppSecret={meta.Options.AppSecret}",
            $"{Key}:VerifyToken={VerifyToken}",
            $"{Key}:AccessToken={meta.Options.AccessToken}",
            $"{Key}:PhoneNumberId={meta.Options.PhoneNumberId}",
            $"{Key}:GraphBaseUrl={meta.BaseAddress}",
        ]);
        var verified = await meta.VerifyCallbackAsync(new Uri(test.Stack.ConnectorUrl, "/channels/wa"), VerifyToken, Ct);
        Assert.True(verified.Verified, $"The callback answered {verified.StatusCode}: {verified.Body}");
        return test;
    }

    private static string? StatusOf(TestStack test, string messageIdentifier) =>
        test.Org.Records("ConversationEntry").FirstOrDefault(e => e.GetString("MessageIdentifier") == messageIdentifier)?.GetString("MessageStatus");

    private static TimeSpan Timeout => TimeSpan.FromSeconds(30);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;
}
