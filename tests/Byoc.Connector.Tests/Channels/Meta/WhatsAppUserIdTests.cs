using System.Text.Json.Nodes;
using Byoc.Core.Messages;
using Byoc.TestUtilities.Platforms.Meta;

namespace Byoc.Connector.Tests.Channels.Meta;

/// <summary>
/// Business-scoped user ids (issue 15) through real Kestrel: a user id seen with a wa_id keeps the wa_id's end user when it
/// later comes alone, in a message or a status; a user id never seen with a wa_id is an end user of its own.
/// </summary>
public sealed class WhatsAppUserIdTests
{
    private const string WaId = "15550001111";
    private const string UserId = "US.13491208655302741918";

    [Fact]
    public async Task Post_UserIdAloneAfterSeenWithWaId_SameEndUserAndReplayChangesNothing()
    {
        await using var test = await WhatsAppTestHost.StartAsync(Ct);
        var both = await test.Meta.SendTextWithUserIdAsync(UserId, WaId, "Where is my order?", Ct);
        await test.Meta.WaitForDeliveryAsync(both, Ct).WaitAsync(Timeout, Ct);
        var alone = await test.Meta.SendTextWithUserIdAsync(UserId, null, "Any news?", Ct);
        await test.Meta.WaitForDeliveryAsync(alone, Ct).WaitAsync(Timeout, Ct);

        var again = await test.Meta.RedeliverAsync(alone, Ct);
        await test.Meta.WaitForDeliveryAsync(again, Ct).WaitAsync(Timeout, Ct);
        var first = await test.Meta.RedeliverAsync(both, Ct);
        await test.Meta.WaitForDeliveryAsync(first, Ct).WaitAsync(Timeout, Ct);

        Assert.DoesNotContain("\"from\"", alone.Json, StringComparison.Ordinal);
        Assert.DoesNotContain("\"wa_id\"", alone.Json, StringComparison.Ordinal);
        var inbox = await test.InboxAsync(Ct);
        Assert.Equal([(both.Wamids[0], WaId), (alone.Wamids[0], WaId)], inbox.Select(m => (m.PlatformMessageId, m.PlatformUserId)));
    }

    [Fact]
    public async Task Post_StatusWithRecipientUserIdOnly_ReportedForTheWaIdsEndUser()
    {
        await using var test = await WhatsAppTestHost.StartAsync(Ct, new FakeMetaOptions { AutoStatuses = [], RetryDelays = [] });
        var both = await test.Meta.SendTextWithUserIdAsync(UserId, WaId, "hi", Ct);
        await test.Meta.WaitForDeliveryAsync(both, Ct).WaitAsync(Timeout, Ct);
        var outcome = await test.ChannelInstance.Outbound.SendAsync(Text(test, WaId, "entry-read"), Ct);
        Assert.True(outcome.IsSuccess, outcome.Error);
        var sent = await test.Meta.WaitForMessageAsync(WaId, m => m.CallbackData == "entry-read", Ct).WaitAsync(Timeout, Ct);

        var status = test.Meta.Status(sent.Wamid, "read");
        status.Remove("recipient_id");
        status["recipient_user_id"] = UserId;
        var value = test.Meta.Value();
        value["statuses"] = new JsonArray(status);
        var webhook = await test.Meta.PostAsync(test.Meta.Envelope(value), Ct);
        await test.Meta.WaitForDeliveryAsync(webhook, Ct).WaitAsync(Timeout, Ct);

        var read = (await test.InboxAsync(Ct)).Single(m => m.Kind == InboundKind.Status);
        Assert.Equal(("entry-read", DeliveryStatus.Read, WaId), (read.StatusOfEntryIdentifier, read.Status, read.PlatformUserId));
    }

    [Fact]
    public async Task Post_UnknownUserIdAlone_OwnEndUserAnsweredThroughRecipient()
    {
        // No automatic statuses: the answer's delivered status would race the inbox read below.
        await using var test = await WhatsAppTestHost.StartAsync(Ct, new FakeMetaOptions { AutoStatuses = [], RetryDelays = [] });
        var other = await test.Meta.SendTextWithUserIdAsync("US.98765432109876543210", WaId, "hello", Ct);
        await test.Meta.WaitForDeliveryAsync(other, Ct).WaitAsync(Timeout, Ct);
        var alone = await test.Meta.SendTextWithUserIdAsync(UserId, null, "I have no number to share", Ct);
        await test.Meta.WaitForDeliveryAsync(alone, Ct).WaitAsync(Timeout, Ct);

        var outcome = await test.ChannelInstance.Outbound.SendAsync(Text(test, UserId, "entry-answer"), Ct);
        var sent = await test.Meta.WaitForMessageAsync(UserId, m => m.CallbackData == "entry-answer", Ct).WaitAsync(Timeout, Ct);

        var inbox = await test.InboxAsync(Ct);
        Assert.Equal([WaId, UserId], inbox.Select(m => m.PlatformUserId));
        Assert.True(outcome.IsSuccess, outcome.Error);
        var body = JsonNode.Parse(sent.Json)!.AsObject();
        Assert.Equal((UserId, false), ((string?)body["recipient"], body.ContainsKey("to")));
        Assert.True(sent.InWindow);
    }

    private static OutboundMessage Text(WhatsAppTestHost test, string user, string entry) => new()
    {
        Channel = test.Channel,
        PlatformUserId = user,
        EntryIdentifier = entry,
        ConversationIdentifier = "conv-1",
        Kind = OutboundKind.Text,
        Text = "Your order shipped.",
    };

    private static TimeSpan Timeout => TimeSpan.FromSeconds(15);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;
}
