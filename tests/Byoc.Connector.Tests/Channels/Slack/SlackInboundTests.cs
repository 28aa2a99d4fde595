using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Byoc.Core.Messages;
using Byoc.TestUtilities.Platforms.Slack;

namespace Byoc.Connector.Tests.Channels.Slack;

/// <summary>The Slack channel's Events API and interactivity doors through real Kestrel, fed by the fake's signed deliveries or by hand.</summary>
public sealed class SlackInboundTests
{
    private const string Dm = "D024BE91L";
    private const string Support = "C2147483705";
    private const string User = "U2147483697";
    private static readonly byte[] s_png = Convert.FromBase64String(
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==");

    [Fact]
    public async Task Post_UrlVerification_AnswersTheChallengeAndStoresNothing()
    {
        await using var test = await SlackTestHost.StartAsync(Ct, verify: false);

        var verified = await test.Slack.VerifyEventsUrlAsync(test.EventsUrl, Ct);

        Assert.True(verified);
        Assert.Equal(test.EventsUrl, test.Slack.EventsUrl);
        Assert.Empty(await test.InboxAsync(Ct));
    }

    [Fact]
    public async Task Post_DirectMessage_StoredAsTextOfTheUserInThatChannel()
    {
        await using var test = await SlackTestHost.StartAsync(Ct);

        var sent = await test.Slack.SendMessageAsync(Dm, User, "Where is my order?", cancellationToken: Ct);
        var attempt = await test.Slack.WaitForDeliveryAsync(sent, Ct).WaitAsync(Timeout, Ct);

        Assert.Equal(200, attempt.StatusCode);
        var message = Assert.Single(await test.InboxAsync(Ct));
        Assert.Equal((InboundKind.Text, $"{Dm}:{User}", "Where is my order?", sent.Id), (message.Kind, message.PlatformUserId, message.Text, message.PlatformMessageId));
    }

    [Theory]
    [InlineData("missing", "no X-Slack-Signature")]
    [InlineData("no-timestamp", "X-Slack-Request-Timestamp")]
    [InlineData("other-secret", "does not match")]
    [InlineData("tampered-body", "does not match")]
    [InlineData("stale", "possible replay")]
    [InlineData("future", "possible replay")]
    [InlineData("v1", "does not match")]
    public async Task Post_BadSignature_401WithProblemAndNothingStored(string scenario, string detail)
    {
        await using var test = await SlackTestHost.StartAsync(Ct);
        using var client = test.Host.Connector.CreateClient();
        var body = Encoding.UTF8.GetBytes(test.Slack.Envelope(test.Slack.MessageEvent(Dm, User, "hi")).ToJsonString());
        var now = TimeProvider.System.GetUtcNow().ToUnixTimeSeconds();
        var timestamp = (scenario switch { "stale" => now - 301, "future" => now + 301, _ => now }).ToString(CultureInfo.InvariantCulture);
        var secret = test.Slack.Options.SigningSecret;
        var signature = scenario switch
        {
            "missing" => null,
            "other-secret" => SlackSigning.Compute("another-signing-secret", timestamp, body),
            "tampered-body" => SlackSigning.Compute(secret, timestamp, [.. body, (byte)' ']),
            "v1" => SlackSigning.Compute(secret, timestamp, body).Replace("v0=", "v1=", StringComparison.Ordinal),
            _ => SlackSigning.Compute(secret, timestamp, body),
        };

        using var response = await client.SendAsync(Post("/channels/slack", body, "application/json", signature, scenario == "no-timestamp" ? null : timestamp), Ct);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains(detail, await response.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        Assert.Empty(await test.InboxAsync(Ct));
    }

    [Fact]
    public async Task Post_RetriesOfOneEvent_StoredOnceAndARetryWhoseFirstNeverArrivedStillStored()
    {
        await using var test = await SlackTestHost.StartAsync(Ct);
        using var client = test.Host.Connector.CreateClient();
        var first = Encoding.UTF8.GetBytes(test.Slack.Envelope(test.Slack.MessageEvent(Dm, User, "first")).ToJsonString());
        var onlyRetried = Encoding.UTF8.GetBytes(test.Slack.Envelope(test.Slack.MessageEvent(Dm, User, "second")).ToJsonString());

        var statuses = new List<int>();
        foreach (var (body, retry) in new[] { (first, (int?)null), (first, 1), (first, 2), (onlyRetried, 3) })
        {
            using var response = await client.SendAsync(Signed(test, body, retry), Ct);
            statuses.Add((int)response.StatusCode);
        }

        Assert.Equal([200, 200, 200, 200], statuses);
        Assert.Equal(["first", "second"], (await test.InboxAsync(Ct)).Select(m => m.Text));
    }

    [Fact]
    public async Task Post_AnswerNot2xx_FakeRetriesWithRetryHeadersAndTheEventIsStoredOnce()
    {
        await using var test = await SlackTestHost.StartAsync(Ct, new FakeSlackOptions { RetryDelays = [TimeSpan.Zero, TimeSpan.FromMilliseconds(50)] });
        // Slack's file host fails once: the connector answers 502 so that Slack retries, and the retry stores the file.
        test.Slack.Faults.FailNext(1, 503, "download");

        var sent = await test.Slack.SendMessageAsync(Dm, User, "see file",
            files: [test.Slack.File("receipt.png", "image/png", s_png)], cancellationToken: Ct);
        var delivered = await test.Slack.WaitForDeliveryAsync(sent, Ct).WaitAsync(Timeout, Ct);

        var first = test.Slack.EventAttempts.Items.First(a => a.Id == sent.Id);
        Assert.Equal((1, 502), (first.Attempt, first.StatusCode));
        Assert.False(first.Headers.ContainsKey("X-Slack-Retry-Num"));
        Assert.Equal((2, "1", "http_error"), (delivered.Attempt, delivered.Headers["X-Slack-Retry-Num"], delivered.Headers["X-Slack-Retry-Reason"]));
        var message = Assert.Single(await test.InboxAsync(Ct));
        Assert.Equal((InboundKind.Attachment, "see file", sent.Id), (message.Kind, message.Text, message.PlatformMessageId));
    }

    [Fact]
    public async Task Post_OwnBotPostsAndBotUserMessages_Answered200AndIgnored()
    {
        await using var test = await SlackTestHost.StartAsync(Ct);
        var byBotId = test.Slack.MessageEvent(Dm, "U0LAN0Z89", "posted by the app");
        byBotId["bot_id"] = test.Slack.Options.BotId;
        var byBotUser = test.Slack.MessageEvent(Support, test.Slack.Options.BotUserId, "the bot user, no bot_id");
        var legacy = test.Slack.MessageEvent(Support, "U0OTHER", "an integration");
        legacy["subtype"] = "bot_message";
        var edit = test.Slack.MessageEvent(Support, User, "edited");
        edit["subtype"] = "message_changed";
        var reaction = new JsonObject { ["type"] = "reaction_added", ["user"] = User, ["reaction"] = "thumbsup" };

        foreach (var item in new[] { byBotId, byBotUser, legacy, edit, reaction })
        {
            var sent = await test.Slack.PostEventAsync(test.Slack.Envelope(item), Ct);
            Assert.Equal(200, (await test.Slack.WaitForAttemptAsync(sent, 1, Ct).WaitAsync(Timeout, Ct)).StatusCode);
        }

        Assert.Empty(await test.InboxAsync(Ct));
    }

    [Fact]
    public async Task Post_PerThread_ChannelMessagesAreConversationsPerThreadAndDirectMessagesPerUser()
    {
        await using var test = await SlackTestHost.StartAsync(Ct, extraArgs: "--Connector:Slack:Channels:slack:Conversations=PerThread");

        var top = await test.Slack.SendMessageAsync(Support, User, "new question", cancellationToken: Ct);
        var reply = await test.Slack.SendMessageAsync(Support, User, "more detail", threadTs: top.Ts, cancellationToken: Ct);
        var dm = await test.Slack.SendMessageAsync(Dm, User, "in private", threadTs: "1700000000.000001", cancellationToken: Ct);
        foreach (var sent in new[] { top, reply, dm })
        {
            await test.Slack.WaitForDeliveryAsync(sent, Ct).WaitAsync(Timeout, Ct);
        }

        Assert.Equal(
            new (string, string?)[] { ($"{Support}:{top.Ts}:{User}", "new question"), ($"{Support}:{top.Ts}:{User}", "more detail"), ($"{Dm}:{User}", "in private") }.Order(),
            (await test.InboxAsync(Ct)).Select(m => (m.PlatformUserId, m.Text)).Order());
    }

    [Fact]
    public async Task Post_SharedFile_DownloadedWithTheBotTokenAndStoredWithTheText()
    {
        await using var test = await SlackTestHost.StartAsync(Ct);
        var png = s_png;

        var sent = await test.Slack.SendMessageAsync(Dm, User, "my receipt", files: [test.Slack.File("receipt.png", "image/png", png)], cancellationToken: Ct);
        await test.Slack.WaitForDeliveryAsync(sent, Ct).WaitAsync(Timeout, Ct);

        var message = Assert.Single(await test.InboxAsync(Ct));
        Assert.Equal((InboundKind.Attachment, "my receipt", "image/png", "receipt.png"),
            (message.Kind, message.Text, message.Attachment?.MimeType, message.Attachment?.Name));
        Assert.Equal(png, await File.ReadAllBytesAsync(Path.Combine(test.Host.AttachmentDirectory, message.Attachment!.FileId + ".bin"), Ct));
    }

    [Fact]
    public async Task Post_FileOfARefusedType_SkippedAndAnswered200()
    {
        await using var test = await SlackTestHost.StartAsync(Ct);

        var sent = await test.Slack.SendMessageAsync(Dm, User, "",
            files: [test.Slack.File("tool.exe", "application/x-msdownload", "MZ"u8.ToArray())], cancellationToken: Ct);
        var attempt = await test.Slack.WaitForAttemptAsync(sent, 1, Ct).WaitAsync(Timeout, Ct);

        Assert.Equal(200, attempt.StatusCode);
        Assert.Empty(await test.InboxAsync(Ct));
    }

    [Fact]
    public async Task Post_ClickOnAChoiceButton_StoredAsTheChoiceResponseOfThatEntry()
    {
        await using var test = await SlackTestHost.StartAsync(Ct);
        var offer = new OutboundMessage
        {
            Channel = test.Channel,
            PlatformUserId = $"{Dm}:{User}",
            EntryIdentifier = "entry-choices-1",
            ConversationIdentifier = "conv-1",
            Kind = OutboundKind.Choices,
            Text = "When?",
            Choices = [new ChoiceOption("opt-today", "Today"), new ChoiceOption("opt-tomorrow", "Tomorrow")],
        };
        Assert.True((await test.ChannelInstance.Outbound.SendAsync(offer, Ct)).IsSuccess);
        var posted = await test.Slack.WaitForPostAsync(Dm, cancellationToken: Ct).WaitAsync(Timeout, Ct);

        var click = await test.Slack.ClickAsync(posted, 1, User, Ct);

        Assert.Equal(200, click.StatusCode);
        var answer = Assert.Single(await test.InboxAsync(Ct));
        Assert.Equal((InboundKind.ChoiceResponse, "opt-tomorrow", "entry-choices-1", "Tomorrow", $"{Dm}:{User}"),
            (answer.Kind, answer.ChoiceOptionIdentifier, answer.InReplyToEntryIdentifier, answer.Text, answer.PlatformUserId));
    }

    [Fact]
    public async Task Post_TypedNumberAfterButtons_StoredAsTheChoiceResponse()
    {
        await using var test = await SlackTestHost.StartAsync(Ct);
        var offer = new OutboundMessage
        {
            Channel = test.Channel,
            PlatformUserId = $"{Dm}:{User}",
            EntryIdentifier = "entry-choices-2",
            ConversationIdentifier = "conv-1",
            Kind = OutboundKind.Choices,
            Text = "Which size?",
            Choices = [new ChoiceOption("s", "Small"), new ChoiceOption("l", "Large")],
        };
        Assert.True((await test.ChannelInstance.Outbound.SendAsync(offer, Ct)).IsSuccess);

        var typed = await test.Slack.SendMessageAsync(Dm, User, "large", cancellationToken: Ct);
        await test.Slack.WaitForDeliveryAsync(typed, Ct).WaitAsync(Timeout, Ct);

        var answer = Assert.Single(await test.InboxAsync(Ct));
        Assert.Equal((InboundKind.ChoiceResponse, "l", "entry-choices-2"), (answer.Kind, answer.ChoiceOptionIdentifier, answer.InReplyToEntryIdentifier));
    }

    [Theory]
    [InlineData("/channels/slack", "application/json", "{not json", 400, "not valid JSON")]
    [InlineData("/channels/slack", "application/json", "[1,2]", 400, "JSON object")]
    [InlineData("/channels/slack", "application/json", "{\"type\":\"event_callback\"}", 400, "event_id")]
    [InlineData("/channels/slack", "application/x-www-form-urlencoded", "payload=%7B%7D", 415, "application/json")]
    [InlineData("/channels/slack/interactive", "application/x-www-form-urlencoded", "other=1", 400, "payload")]
    [InlineData("/channels/slack/interactive", "application/json", "{}", 415, "application/x-www-form-urlencoded")]
    [InlineData("/channels/slack/elsewhere", "application/json", "{}", 404, "nothing at")]
    [InlineData("/channels/slack", "text/plain", "hi", 415, "Content-Type")]
    public async Task Post_BadInput_ClearProblemAndNothingStored(string path, string mediaType, string body, int status, string detail)
    {
        await using var test = await SlackTestHost.StartAsync(Ct);
        using var client = test.Host.Connector.CreateClient();

        using var response = await client.SendAsync(Signed(test, Encoding.UTF8.GetBytes(body), null, path, mediaType), Ct);

        Assert.Equal(status, (int)response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains(detail, await response.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        Assert.Empty(await test.InboxAsync(Ct));
    }

    [Fact]
    public async Task Post_OversizedOrUnknownEventType_413Or200Ignored()
    {
        await using var test = await SlackTestHost.StartAsync(Ct);
        using var client = test.Host.Connector.CreateClient();
        var big = Encoding.UTF8.GetBytes(test.Slack.Envelope(test.Slack.MessageEvent(Dm, User, new string('x', 20_000))).ToJsonString());
        var unknown = Encoding.UTF8.GetBytes("{\"type\":\"something_new\",\"token\":\"t\"}");
        var limited = Encoding.UTF8.GetBytes("{\"token\":\"t\",\"type\":\"app_rate_limited\",\"team_id\":\"T061EG9R6\",\"minute_rate_limited\":1518467820,\"api_app_id\":\"A0KRD7HC3\"}");

        using var tooLarge = await client.SendAsync(Signed(test, big, null), Ct);
        using var ignored = await client.SendAsync(Signed(test, unknown, null), Ct);
        using var rateLimited = await client.SendAsync(Signed(test, limited, null), Ct);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, tooLarge.StatusCode);
        Assert.Equal(HttpStatusCode.OK, ignored.StatusCode);
        Assert.Equal(HttpStatusCode.OK, rateLimited.StatusCode);
        Assert.Empty(await test.InboxAsync(Ct));
    }

    private static HttpRequestMessage Signed(SlackTestHost test, byte[] body, int? retry, string path = "/channels/slack", string mediaType = "application/json")
    {
        var timestamp = TimeProvider.System.GetUtcNow().ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var request = Post(path, body, mediaType, SlackSigning.Compute(test.Slack.Options.SigningSecret, timestamp, body), timestamp);
        if (retry is { } number)
        {
            request.Headers.Add("X-Slack-Retry-Num", number.ToString(CultureInfo.InvariantCulture));
            request.Headers.Add("X-Slack-Retry-Reason", "http_timeout");
        }

        return request;
    }

    private static HttpRequestMessage Post(string path, byte[] body, string mediaType, string? signature, string? timestamp)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue(mediaType);
        if (signature is not null)
        {
            request.Headers.Add(SlackSigning.Header, signature);
        }

        if (timestamp is not null)
        {
            request.Headers.Add(SlackSigning.TimestampHeader, timestamp);
        }

        return request;
    }

    private static TimeSpan Timeout => TimeSpan.FromSeconds(15);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;
}
