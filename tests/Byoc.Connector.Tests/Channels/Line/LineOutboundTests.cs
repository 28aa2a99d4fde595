using Byoc.Connector.Channels.Line;
using Byoc.Core.Delivery;
using Byoc.Core.Messages;
using Byoc.TestUtilities.Platforms.Line;

namespace Byoc.Connector.Tests.Channels.Line;

/// <summary>The LINE channel's outbound half against the fake Messaging API.</summary>
public sealed class LineOutboundTests
{
    private const string User = "U4af4980629f0000000000000000000b2";

    [Fact]
    public async Task SendAsync_AnswerWhileTheReplyTokenIsFresh_RepliesOnceThenPushes()
    {
        await using var test = await StartAsync();
        await WriteAsync(test);

        var first = await test.ChannelInstance.Outbound.SendAsync(Text("Hello, how can I help?"), Ct);
        var second = await test.ChannelInstance.Outbound.SendAsync(Text("Anything else?"), Ct);

        Assert.True(first.IsSuccess, first.Error);
        Assert.True(second.IsSuccess, second.Error);
        Assert.Equal([("reply", "Hello, how can I help?"), ("push", "Anything else?")],
            test.Line.SentMessages.Items.Select(m => (m.Via, Assert.Single(m.Texts))));
        Assert.Null(test.Line.SentMessages.Items[0].RetryKey);
        Assert.True(Guid.TryParseExact(test.Line.SentMessages.Items[1].RetryKey, "D", out _));
    }

    [Fact]
    public async Task SendAsync_ReplyTokenExpiredAtLine_PushInstead()
    {
        await using var test = await StartAsync();
        await WriteAsync(test);
        test.Line.ExpireReplyTokens();

        var outcome = await test.ChannelInstance.Outbound.SendAsync(Text("Sorry for the wait"), Ct);

        Assert.True(outcome.IsSuccess, outcome.Error);
        Assert.Equal("push", Assert.Single(test.Line.SentMessages.Items).Via);
        Assert.Contains(test.Line.Requests.Items, r => r.Path == "/v2/bot/message/reply" && r.Status == 400);
    }

    [Fact]
    public async Task SendAsync_ReplyTokenOlderThanTheMaxAge_PushWithoutTryingIt()
    {
        await using var test = await StartAsync("--Connector:Line:Channels:line:ReplyTokenMaxAge=00:00:00");
        await WriteAsync(test);

        var outcome = await test.ChannelInstance.Outbound.SendAsync(Text("Later answer"), Ct);

        Assert.True(outcome.IsSuccess, outcome.Error);
        Assert.Equal("push", Assert.Single(test.Line.SentMessages.Items).Via);
        Assert.DoesNotContain(test.Line.Requests.Items, r => r.Path == "/v2/bot/message/reply");
    }

    [Fact]
    public async Task SendAsync_OutboxItemSentAgainAfterLineAcceptedIt_SameRetryKeyAnd409IsSuccessWithOneMessageShown()
    {
        await using var test = await StartAsync("--Connector:Line:Channels:line:ReplyTokenMaxAge=00:00:00");
        await WriteAsync(test);
        var message = Text("Your refund is on its way");

        var first = await test.ChannelInstance.Outbound.SendAsync(message, Ct);
        var retry = await test.ChannelInstance.Outbound.SendAsync(message, Ct);

        Assert.True(first.IsSuccess, first.Error);
        Assert.True(retry.IsSuccess, retry.Error);
        Assert.Single(test.Line.SentMessages.Items);
        var pushes = test.Line.Requests.Items.Where(r => r.Path == "/v2/bot/message/push").ToList();
        Assert.Equal([200, 409], pushes.Select(p => p.Status));
        Assert.Equal(pushes[0].RetryKey, pushes[1].RetryKey);
    }

    [Fact]
    public async Task RetryKey_SameOutboxItem_SameUuid_OtherEntryOrCall_Different()
    {
        var message = Text("x");

        var key = LineOutboundAdapter.RetryKey("line", message, 0);

        Assert.Equal(key, LineOutboundAdapter.RetryKey("line", message with { Text = "changed" }, 0));
        Assert.NotEqual(key, LineOutboundAdapter.RetryKey("line", message, 1));
        Assert.NotEqual(key, LineOutboundAdapter.RetryKey("line", Text("x"), 0));
        Assert.Equal('8', key.ToString("D")[14]);
    }

    [Theory]
    [InlineData(429, DeliveryOutcomeKind.Retryable)]
    [InlineData(500, DeliveryOutcomeKind.Retryable)]
    [InlineData(400, DeliveryOutcomeKind.Permanent)]
    [InlineData(403, DeliveryOutcomeKind.Permanent)]
    public async Task SendAsync_LineError_MappedToTheOutcome(int status, DeliveryOutcomeKind kind)
    {
        await using var test = await StartAsync("--Connector:Line:Channels:line:ReplyTokenMaxAge=00:00:00");
        await WriteAsync(test);
        if (status == 429)
        {
            test.Line.Faults.ThrottleNext(1, TimeSpan.FromSeconds(3), "push");
        }
        else
        {
            test.Line.Faults.FailNext(1, status, "push");
        }

        var outcome = await test.ChannelInstance.Outbound.SendAsync(Text("hello"), Ct);

        Assert.Equal(kind, outcome.Kind);
        Assert.Contains($"({status})", outcome.Error, StringComparison.Ordinal);
        if (status == 429)
        {
            Assert.Equal(TimeSpan.FromSeconds(3), outcome.RetryAfter);
        }
    }

    [Fact]
    public async Task SendAsync_WrongAccessToken_PermanentNamingTheToken()
    {
        await using var test = await StartAsync("--Connector:Line:Channels:line:ChannelAccessToken=revoked", "--Connector:Line:Channels:line:ReplyTokenMaxAge=00:00:00");
        await WriteAsync(test);

        var outcome = await test.ChannelInstance.Outbound.SendAsync(Text("hello"), Ct);

        Assert.Equal(DeliveryOutcomeKind.Permanent, outcome.Kind);
        Assert.Contains("ChannelAccessToken", outcome.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SendAsync_TextOverSixCallsWorth_SplitAt5000AndAtMostFivePerCall()
    {
        await using var test = await StartAsync();
        await WriteAsync(test);
        var paragraphs = Enumerable.Range(0, 6).Select(i => new string((char)('a' + i), 4000)).ToList();

        var outcome = await test.ChannelInstance.Outbound.SendAsync(Text(string.Join("\n\n", paragraphs)), Ct);

        Assert.True(outcome.IsSuccess, outcome.Error);
        var calls = test.Line.SentMessages.Items;
        Assert.Equal([("reply", 5), ("push", 1)], calls.Select(c => (c.Via, c.Messages.Count)));
        Assert.Equal(paragraphs, calls.SelectMany(c => c.Texts));
    }

    [Fact]
    public async Task SendAsync_ThirteenChoices_QuickReplyOfPostbacksWithCutLabels()
    {
        await using var test = await StartAsync();
        await WriteAsync(test);
        var choices = Enumerable.Range(1, 13).Select(i => new ChoiceOption("id-" + i, i == 1 ? "A title much longer than twenty characters" : "Slot " + i)).ToList();

        var outcome = await test.ChannelInstance.Outbound.SendAsync(Text("Pick a slot") with { Kind = OutboundKind.Choices, Choices = choices }, Ct);

        Assert.True(outcome.IsSuccess, outcome.Error);
        var sent = Assert.Single(Assert.Single(test.Line.SentMessages.Items).Messages);
        Assert.Equal("Pick a slot", (string)sent["text"]!);
        var items = sent["quickReply"]!["items"]!.AsArray();
        Assert.Equal(13, items.Count);
        Assert.Equal(("postback", "A title much longer than twenty characters"),
            ((string)items[0]!["action"]!["type"]!, (string)items[0]!["action"]!["displayText"]!));
        Assert.True(((string)items[0]!["action"]!["label"]!).Length <= 20);
        var tap = await test.Line.PostbackAsync(User, (string)items[12]!["action"]!["data"]!);
        await test.Line.WaitForDeliveryAsync(tap, Ct).WaitAsync(Timeout, Ct);
        var answer = (await test.InboxAsync(Ct))[^1];
        Assert.Equal((InboundKind.ChoiceResponse, "id-13", "Slot 13"), (answer.Kind, answer.ChoiceOptionIdentifier, answer.Text));
    }

    [Fact]
    public async Task SendAsync_FourteenChoices_NumberedTextThatATypedNumberAnswers()
    {
        await using var test = await StartAsync();
        await WriteAsync(test);
        var choices = Enumerable.Range(1, 14).Select(i => new ChoiceOption("id-" + i, "Slot " + i)).ToList();

        var outcome = await test.ChannelInstance.Outbound.SendAsync(Text("Pick a slot") with { Kind = OutboundKind.Choices, Choices = choices }, Ct);
        var typed = await test.Line.SendTextAsync(User, "14");
        await test.Line.WaitForDeliveryAsync(typed, Ct).WaitAsync(Timeout, Ct);

        Assert.True(outcome.IsSuccess, outcome.Error);
        var sent = Assert.Single(Assert.Single(test.Line.SentMessages.Items).Messages);
        Assert.Null(sent["quickReply"]);
        Assert.Contains("14. Slot 14", (string)sent["text"]!, StringComparison.Ordinal);
        var answer = (await test.InboxAsync(Ct))[^1];
        Assert.Equal((InboundKind.ChoiceResponse, "id-14"), (answer.Kind, answer.ChoiceOptionIdentifier));
    }

    [Fact]
    public async Task SendAsync_Typing_MarksReadOnceAndStartsTheLoadingAnimation()
    {
        await using var test = await StartAsync();
        var hello = await WriteAsync(test);

        var typing = await test.ChannelInstance.Outbound.SendAsync(Text(null) with { Kind = OutboundKind.TypingStarted }, Ct);
        var answer = await test.ChannelInstance.Outbound.SendAsync(Text("Here you go"), Ct);
        var stopped = await test.ChannelInstance.Outbound.SendAsync(Text(null) with { Kind = OutboundKind.TypingStopped }, Ct);

        Assert.True(typing.IsSuccess && answer.IsSuccess && stopped.IsSuccess);
        Assert.Equal((User, 20), Assert.Single(test.Line.Loadings.Items) is var l ? (l.ChatId, l.Seconds) : default);
        Assert.Equal(User, Assert.Single(test.Line.Reads.Items).User);
        Assert.Single(test.Line.SentMessages.Items);
        Assert.NotEmpty(hello.EventIds);
    }

    [Fact]
    public async Task SendAsync_TypingIndicatorsAndReadReceiptsOff_NeitherCalled()
    {
        await using var test = await StartAsync("--Connector:Line:Channels:line:TypingIndicators=false", "--Connector:Line:Channels:line:ReadReceipts=false");
        await WriteAsync(test);

        await test.ChannelInstance.Outbound.SendAsync(Text(null) with { Kind = OutboundKind.TypingStarted }, Ct);
        var answer = await test.ChannelInstance.Outbound.SendAsync(Text("Here you go"), Ct);

        Assert.True(answer.IsSuccess, answer.Error);
        Assert.Empty(test.Line.Loadings.Items);
        Assert.Empty(test.Line.Reads.Items);
    }

    [Fact]
    public async Task SendAsync_AfterTheUserBlockedTheAccount_PermanentAndNothingSent()
    {
        await using var test = await StartAsync();
        await WriteAsync(test);
        var blocked = await test.Line.UnfollowAsync(User);
        await test.Line.WaitForDeliveryAsync(blocked, Ct).WaitAsync(Timeout, Ct);

        var outcome = await test.ChannelInstance.Outbound.SendAsync(Text("Are you still there?"), Ct);
        var followed = await test.Line.FollowAsync(User);
        await test.Line.WaitForDeliveryAsync(followed, Ct).WaitAsync(Timeout, Ct);
        var again = await test.ChannelInstance.Outbound.SendAsync(Text("Welcome back"), Ct);

        Assert.Equal(DeliveryOutcomeKind.Permanent, outcome.Kind);
        Assert.Contains("blocked", outcome.Error, StringComparison.Ordinal);
        Assert.True(again.IsSuccess, again.Error);
        Assert.Equal("Welcome back", Assert.Single(Assert.Single(test.Line.SentMessages.Items).Texts));
    }

    [Fact]
    public async Task SendAsync_FileWithoutAPublicBaseUrl_PermanentNamingTheKeyAndNothingSent()
    {
        await using var test = await StartAsync();
        await WriteAsync(test);

        var outcome = await test.ChannelInstance.Outbound.SendAsync(Text("the menu") with
        {
            Kind = OutboundKind.Attachment,
            Attachments = [new OutboundAttachment("menu.pdf", "application/pdf", "https://files.example.com/menu.pdf")],
        }, Ct);

        Assert.Equal(DeliveryOutcomeKind.Permanent, outcome.Kind);
        Assert.Contains("Connector:Line:Channels:line:PublicBaseUrl", outcome.Error, StringComparison.Ordinal);
        Assert.Empty(test.Line.SentMessages.Items);
    }

    [Theory]
    [InlineData("", 400, "needs 'expires'")]
    [InlineData("?expires=4102444800&signature=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", 403, "does not match")]
    public async Task FileLink_BadQuery_ProblemNamingIt(string query, int status, string detail)
    {
        await using var test = await StartAsync("--Connector:Line:Channels:line:PublicBaseUrl=https://line.example.com");
        using var client = test.Host.Connector.CreateClient();

        using var response = await client.GetAsync($"/channels/line/files/0123456789abcdef0123456789abcdef{query}", Ct);

        Assert.Equal(status, (int)response.StatusCode);
        Assert.Contains(detail, await response.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }

    private static async Task<LineTestHost> StartAsync(params string[] extraArgs) =>
        await LineTestHost.StartAsync(Ct, new FakeLineOptions { RedeliveryDelays = [] }, null, extraArgs);

    private static async Task<LineWebhook> WriteAsync(LineTestHost test)
    {
        var hello = await test.Line.SendTextAsync(User, "hi");
        await test.Line.WaitForDeliveryAsync(hello, Ct).WaitAsync(Timeout, Ct);
        return hello;
    }

    private static OutboundMessage Text(string? text) => new()
    {
        Channel = "line",
        PlatformUserId = User,
        EntryIdentifier = "entry-" + Guid.NewGuid().ToString("N"),
        ConversationIdentifier = "conv-1",
        Kind = OutboundKind.Text,
        Text = text,
    };

    private static TimeSpan Timeout => TimeSpan.FromSeconds(15);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;
}
