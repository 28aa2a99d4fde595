using Byoc.TestUtilities.Platforms.Twilio;
using Twilio.Clients;
using Twilio.Exceptions;
using Twilio.Http;
using Twilio.Rest.Api.V2010.Account;
using Twilio.Security;
using Twilio.Types;

namespace Byoc.Platforms.Tests.Twilio;

/// <summary>The official Twilio library's REST client, sent to the fake, against the fake Messages API.</summary>
public sealed class TwilioRestClientTests
{
    private static readonly TimeSpan s_timeout = TimeSpan.FromSeconds(10);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Create_Sms_ReturnsTheMessageResourceAndIsRecorded()
    {
        await using var twilio = await FakeTwilio.StartAsync(cancellationToken: Ct);

        var created = await MessageResource.CreateAsync(to: new PhoneNumber("+15551230001"), from: new PhoneNumber(twilio.PhoneNumber),
            body: "Hello from the app", client: Client(twilio)).WaitAsync(s_timeout, Ct);

        Assert.StartsWith("SM", created.Sid, StringComparison.Ordinal);
        Assert.Equal(MessageResource.StatusEnum.Queued, created.Status);
        Assert.Equal(["Hello from the app", "+15551230001", twilio.AccountSid, "1"], [created.Body, created.To, created.AccountSid, created.NumSegments]);
        Assert.Equal(MessageResource.DirectionEnum.OutboundApi, created.Direction);
        var recorded = await twilio.WaitForMessageAsync("+15551230001", cancellationToken: Ct).WaitAsync(s_timeout, Ct);
        Assert.Equal(created.Sid, recorded.Sid);
    }

    [Fact]
    public async Task Fetch_AfterTheAutoStatuses_ReadsDelivered()
    {
        await using var twilio = await FakeTwilio.StartAsync(cancellationToken: Ct);
        var client = Client(twilio);
        var created = await MessageResource.CreateAsync(to: new PhoneNumber("+15551230001"), messagingServiceSid: "MG0000000000000000000000000000fa6e",
            body: "via the service", client: client).WaitAsync(s_timeout, Ct);
        Assert.Equal(MessageResource.StatusEnum.Accepted, created.Status);

        await twilio.WaitForStatusAsync(created.Sid, "delivered", Ct).WaitAsync(s_timeout, Ct);
        var fetched = await MessageResource.FetchAsync(created.Sid, client: client).WaitAsync(s_timeout, Ct);

        Assert.Equal(MessageResource.StatusEnum.Delivered, fetched.Status);
        Assert.Equal(twilio.PhoneNumber, fetched.From.ToString());
    }

    [Fact]
    public async Task Fetch_UnknownSid_Throws20404()
    {
        await using var twilio = await FakeTwilio.StartAsync(cancellationToken: Ct);

        var error = await Assert.ThrowsAsync<ApiException>(() => MessageResource.FetchAsync("SM0000000000000000000000000000dead", client: Client(twilio)).WaitAsync(s_timeout, Ct));

        Assert.Equal([20404, 404], [error.Code, error.Status]);
    }

    [Fact]
    public async Task UnknownResource_IsAnswered404WithTwilioError20404()
    {
        await using var twilio = await FakeTwilio.StartAsync(cancellationToken: Ct);
        var request = new Request(global::Twilio.Http.HttpMethod.Get, $"https://api.twilio.com/2010-04-01/Accounts/{twilio.AccountSid}/Calls.json");

        var response = await Client(twilio).HttpClient.MakeRequestAsync(request).WaitAsync(s_timeout, Ct);

        Assert.Equal(System.Net.HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("\"code\":20404", response.Content, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Create_WithAnApiKey_IsAccepted()
    {
        var options = new FakeTwilioOptions();
        await using var twilio = await FakeTwilio.StartAsync(options, Ct);
        var client = new TwilioRestClient(options.ApiKeySid, options.ApiKeySecret, accountSid: twilio.AccountSid,
            httpClient: new SystemNetHttpClient(new System.Net.Http.HttpClient(new ToFakeTwilioHandler(twilio.BaseAddress))));

        var created = await MessageResource.CreateAsync(to: new PhoneNumber("+15551230001"), from: new PhoneNumber(twilio.PhoneNumber),
            body: "key", client: client).WaitAsync(s_timeout, Ct);

        Assert.Equal("key", created.Body);
    }

    [Fact]
    public async Task Create_WrongAuthToken_ThrowsAuthenticationError20003()
    {
        await using var twilio = await FakeTwilio.StartAsync(cancellationToken: Ct);
        var client = new TwilioRestClient(twilio.AccountSid, "wrong-token",
            httpClient: new SystemNetHttpClient(new System.Net.Http.HttpClient(new ToFakeTwilioHandler(twilio.BaseAddress))));

        var error = await Assert.ThrowsAsync<ApiException>(() => MessageResource.CreateAsync(to: new PhoneNumber("+15551230001"),
            from: new PhoneNumber(twilio.PhoneNumber), body: "x", client: client).WaitAsync(s_timeout, Ct));

        Assert.Equal([20003, 401], [error.Code, error.Status]);
    }

    [Theory]
    [InlineData("+15551230001", null, 21602)]
    [InlineData("5551230001", "hi", 21211)]
    [InlineData("whatsapp:+15551230001", "hi", 21910)]
    public async Task Create_BadRequest_ThrowsTheTwilioErrorCode(string to, string? body, int code)
    {
        await using var twilio = await FakeTwilio.StartAsync(cancellationToken: Ct);

        var error = await Assert.ThrowsAsync<ApiException>(() => MessageResource.CreateAsync(to: new PhoneNumber(to),
            from: new PhoneNumber(twilio.PhoneNumber), body: body, client: Client(twilio)).WaitAsync(s_timeout, Ct));

        Assert.Equal([code, 400], [error.Code, error.Status]);
        Assert.Equal($"https://www.twilio.com/docs/errors/{code}", error.MoreInfo);
    }

    [Fact]
    public async Task Create_BodyOver1600Characters_Throws21617()
    {
        await using var twilio = await FakeTwilio.StartAsync(cancellationToken: Ct);

        var error = await Assert.ThrowsAsync<ApiException>(() => MessageResource.CreateAsync(to: new PhoneNumber("+15551230001"),
            from: new PhoneNumber(twilio.PhoneNumber), body: new string('a', 1601), client: Client(twilio)).WaitAsync(s_timeout, Ct));

        Assert.Equal(21617, error.Code);
    }

    [Fact]
    public async Task Create_Throttled_Throws20429WithStatus429()
    {
        await using var twilio = await FakeTwilio.StartAsync(cancellationToken: Ct);
        twilio.Faults.ThrottleNext(1, TimeSpan.FromSeconds(2), "Messages");

        var error = await Assert.ThrowsAsync<ApiException>(() => MessageResource.CreateAsync(to: new PhoneNumber("+15551230001"),
            from: new PhoneNumber(twilio.PhoneNumber), body: "x", client: Client(twilio)).WaitAsync(s_timeout, Ct));

        Assert.Equal([20429, 429], [error.Code, error.Status]);
    }

    [Fact]
    public async Task Create_InjectedServerError_ThrowsWithTheStatusAndTheNextCallSucceeds()
    {
        await using var twilio = await FakeTwilio.StartAsync(cancellationToken: Ct);
        twilio.Faults.FailNext(1, 503, "Messages");

        var error = await Assert.ThrowsAsync<ApiException>(() => MessageResource.CreateAsync(to: new PhoneNumber("+15551230001"),
            from: new PhoneNumber(twilio.PhoneNumber), body: "x", client: Client(twilio)).WaitAsync(s_timeout, Ct));
        var created = await MessageResource.CreateAsync(to: new PhoneNumber("+15551230001"), from: new PhoneNumber(twilio.PhoneNumber),
            body: "again", client: Client(twilio)).WaitAsync(s_timeout, Ct);

        Assert.Equal([20500, 503], [error.Code, error.Status]);
        Assert.Equal("again", created.Body);
    }

    [Fact]
    public async Task Create_OverTheApiLimit_Throws20429UntilTheClockMoves()
    {
        var clock = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(DateTimeOffset.Parse("2026-01-05T10:00:00Z", System.Globalization.CultureInfo.InvariantCulture));
        await using var twilio = await FakeTwilio.StartAsync(new FakeTwilioOptions { ApiLimit = new(1, 2), TimeProvider = clock, AutoStatuses = [] }, Ct);
        var client = Client(twilio);
        Task<MessageResource> Send() => MessageResource.CreateAsync(to: new PhoneNumber("+15551230001"), from: new PhoneNumber(twilio.PhoneNumber),
            body: "x", client: client).WaitAsync(s_timeout, Ct);
        await Send();
        await Send();

        var error = await Assert.ThrowsAsync<ApiException>(Send);
        clock.Advance(TimeSpan.FromSeconds(1));
        var created = await Send();

        Assert.Equal([20429, 429], [error.Code, error.Status]);
        Assert.Equal(MessageResource.StatusEnum.Queued, created.Status);
    }

    [Fact]
    public async Task Create_AfterTheUserSentStop_Throws21610UntilStart()
    {
        await using var receiver = await WebhookReceiver.StartAsync(Ct);
        await using var twilio = await FakeTwilio.StartAsync(new FakeTwilioOptions { WebhookUrl = receiver.Url }, Ct);
        var stop = await twilio.SendSmsAsync("+15551230001", " stop ", cancellationToken: Ct);
        Assert.Equal("STOP", stop["OptOutType"]);

        var error = await Assert.ThrowsAsync<ApiException>(() => MessageResource.CreateAsync(to: new PhoneNumber("+15551230001"),
            from: new PhoneNumber(twilio.PhoneNumber), body: "still there?", client: Client(twilio)).WaitAsync(s_timeout, Ct));
        await twilio.SendSmsAsync("+15551230001", "START", cancellationToken: Ct);
        var created = await MessageResource.CreateAsync(to: new PhoneNumber("+15551230001"), from: new PhoneNumber(twilio.PhoneNumber),
            body: "welcome back", client: Client(twilio)).WaitAsync(s_timeout, Ct);

        Assert.Equal(21610, error.Code);
        Assert.Equal(MessageResource.StatusEnum.Queued, created.Status);
    }

    [Fact]
    public async Task Create_MediaUrl_IsFetchedByTheFakeAndTheFailureFailsTheMessage()
    {
        await using var files = await StaticFiles.StartAsync("/files/photo.png", TestImages.Png, "image/png", Ct);
        await using var twilio = await FakeTwilio.StartAsync(cancellationToken: Ct);
        var client = Client(twilio);

        var good = await MessageResource.CreateAsync(to: new PhoneNumber("+15551230001"), from: new PhoneNumber(twilio.PhoneNumber),
            mediaUrl: [files.Url], client: client).WaitAsync(s_timeout, Ct);
        var bad = await MessageResource.CreateAsync(to: new PhoneNumber("+15551230001"), from: new PhoneNumber(twilio.PhoneNumber),
            mediaUrl: [new Uri(files.Url, "missing.png")], client: client).WaitAsync(s_timeout, Ct);

        var fetched = await twilio.MediaFetches.WaitForAsync(fetch => fetch.MessageSid == good.Sid, Ct).WaitAsync(s_timeout, Ct);
        Assert.Equal(TestImages.Png, fetched.Content);
        Assert.Equal("image/png", fetched.ContentType);
        var failed = await twilio.WaitForStatusAsync(bad.Sid, "failed", Ct).WaitAsync(s_timeout, Ct);
        Assert.Equal(11200, failed.ErrorCode);
        Assert.StartsWith("MM", good.Sid, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Create_WhatsAppOutsideTheWindow_FailsWith63016InTheSignedStatusCallback()
    {
        await using var receiver = await WebhookReceiver.StartAsync(Ct);
        await using var twilio = await FakeTwilio.StartAsync(cancellationToken: Ct);

        var created = await MessageResource.CreateAsync(to: new PhoneNumber("whatsapp:+15551230001"), from: new PhoneNumber(twilio.WhatsAppAddress),
            body: "free-form", statusCallback: receiver.Url, client: Client(twilio)).WaitAsync(s_timeout, Ct);

        var request = await receiver.NextAsync(Ct);
        var form = request.Form();
        Assert.Equal(MessageResource.StatusEnum.Queued, created.Status);
        Assert.Equal([created.Sid, "failed", "63016"], [form["MessageSid"], form["MessageStatus"], form["ErrorCode"]]);
        Assert.True(new RequestValidator(twilio.AuthToken).Validate(request.Url.AbsoluteUri, form, request.Headers["X-Twilio-Signature"]));
    }

    [Fact]
    public async Task Create_WhatsAppAfterTheUserWrote_IsDeliveredAndATemplateGoesOutsideTheWindow()
    {
        var clock = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(DateTimeOffset.Parse("2026-01-05T10:00:00Z", System.Globalization.CultureInfo.InvariantCulture));
        await using var receiver = await WebhookReceiver.StartAsync(Ct);
        await using var twilio = await FakeTwilio.StartAsync(new FakeTwilioOptions { WebhookUrl = receiver.Url, TimeProvider = clock }, Ct);
        var client = Client(twilio);
        await twilio.SendWhatsAppAsync("+15551230001", "hi", "Ada", cancellationToken: Ct);

        clock.Advance(TimeSpan.FromHours(23));
        var inside = await MessageResource.CreateAsync(to: new PhoneNumber("whatsapp:+15551230001"), from: new PhoneNumber(twilio.WhatsAppAddress),
            body: "inside", client: client).WaitAsync(s_timeout, Ct);
        await twilio.WaitForStatusAsync(inside.Sid, "delivered", Ct).WaitAsync(s_timeout, Ct);
        clock.Advance(TimeSpan.FromHours(2));
        var outside = await MessageResource.CreateAsync(to: new PhoneNumber("whatsapp:+15551230001"), from: new PhoneNumber(twilio.WhatsAppAddress),
            body: "outside", client: client).WaitAsync(s_timeout, Ct);
        var template = await MessageResource.CreateAsync(to: new PhoneNumber("whatsapp:+15551230001"), from: new PhoneNumber(twilio.WhatsAppAddress),
            contentSid: "HX00000000000000000000000000000001", contentVariables: """{"1":"Ada"}""", client: client).WaitAsync(s_timeout, Ct);

        Assert.Equal(63016, (await twilio.WaitForStatusAsync(outside.Sid, "failed", Ct).WaitAsync(s_timeout, Ct)).ErrorCode);
        var delivered = await twilio.WaitForStatusAsync(template.Sid, "delivered", Ct).WaitAsync(s_timeout, Ct);
        Assert.Equal("""{"1":"Ada"}""", delivered.ContentVariables);
    }

    [Fact]
    public async Task StatusCallbacks_OutOfOrderOption_ArriveInTheOrderListed()
    {
        await using var receiver = await WebhookReceiver.StartAsync(Ct);
        await using var twilio = await FakeTwilio.StartAsync(new FakeTwilioOptions { AutoStatuses = ["delivered", "sent"] }, Ct);

        var created = await MessageResource.CreateAsync(to: new PhoneNumber("+15551230001"), from: new PhoneNumber(twilio.PhoneNumber),
            body: "x", statusCallback: receiver.Url, client: Client(twilio)).WaitAsync(s_timeout, Ct);
        var first = (await receiver.NextAsync(Ct)).Form();
        var second = (await receiver.NextAsync(Ct)).Form();
        await twilio.ReportStatusAsync(created.Sid, "undelivered", 30003, Ct).WaitAsync(s_timeout, Ct);
        var third = (await receiver.NextAsync(Ct)).Form();

        Assert.Equal(["delivered", "sent", "undelivered"], [first["MessageStatus"], second["MessageStatus"], third["MessageStatus"]]);
        Assert.Equal("30003", third["ErrorCode"]);
        Assert.False(second.ContainsKey("ErrorCode"));
        Assert.Equal("undelivered", twilio.GetMessage(created.Sid)?.Status);
    }

    [Fact]
    public async Task TypingIndicator_ForAWhatsAppMessage_IsRecorded()
    {
        await using var receiver = await WebhookReceiver.StartAsync(Ct);
        await using var twilio = await FakeTwilio.StartAsync(new FakeTwilioOptions { WebhookUrl = receiver.Url }, Ct);
        var inbound = await twilio.SendWhatsAppAsync("+15551230001", "hi", cancellationToken: Ct);
        var request = new Request(global::Twilio.Http.HttpMethod.Post,
            new Uri("https://messaging.twilio.com/v2/Indicators/Typing.json").AbsoluteUri);
        request.AddPostParam("channel", "whatsapp");
        request.AddPostParam("messageId", inbound.MessageSid);

        var response = await Client(twilio).RequestAsync(request).WaitAsync(s_timeout, Ct);

        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        var indicator = await twilio.WaitForTypingIndicatorAsync(inbound.MessageSid, Ct).WaitAsync(s_timeout, Ct);
        Assert.Equal("whatsapp:+15551230001", indicator.To);
    }

    private static TwilioRestClient Client(FakeTwilio twilio) =>
        new(twilio.AccountSid, twilio.AuthToken, httpClient: new SystemNetHttpClient(new System.Net.Http.HttpClient(new ToFakeTwilioHandler(twilio.BaseAddress))));
}
