using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Byoc.TestUtilities.Platforms.Twilio;
using Twilio.Security;

namespace Byoc.Platforms.Tests.Twilio;

/// <summary>The fake's webhooks checked with the official Twilio library's <see cref="RequestValidator"/>.</summary>
public sealed class TwilioWebhookTests
{
    private static readonly TimeSpan s_timeout = TimeSpan.FromSeconds(10);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task SendSmsAsync_Webhook_SignatureValidatesWithRequestValidatorOverTheUrlAndParams()
    {
        await using var receiver = await WebhookReceiver.StartAsync(Ct);
        await using var twilio = await FakeTwilio.StartAsync(new FakeTwilioOptions { WebhookUrl = receiver.Url }, Ct);

        var sent = await twilio.SendSmsAsync("+15551230001", "Hello there", cancellationToken: Ct);

        var request = await receiver.NextAsync(Ct);
        var form = request.Form();
        Assert.True(new RequestValidator(twilio.AuthToken).Validate(request.Url.AbsoluteUri, form, request.Headers["X-Twilio-Signature"]));
        Assert.Equal(sent.MessageSid, form["MessageSid"]);
        Assert.Equal(["+15551230001", twilio.PhoneNumber, "Hello there", "0", twilio.AccountSid],
            [form["From"], form["To"], form["Body"], form["NumMedia"], form["AccountSid"]]);
        Assert.StartsWith("application/x-www-form-urlencoded", request.ContentType, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SendSmsAsync_TamperedParamUrlOrToken_IsRejectedByRequestValidator()
    {
        await using var receiver = await WebhookReceiver.StartAsync(Ct);
        await using var twilio = await FakeTwilio.StartAsync(new FakeTwilioOptions { WebhookUrl = receiver.Url }, Ct);
        await twilio.SendSmsAsync("+15551230001", "Hello there", cancellationToken: Ct);
        var request = await receiver.NextAsync(Ct);
        var signature = request.Headers["X-Twilio-Signature"];
        var tampered = request.Form();
        tampered["Body"] = "Hello therf";

        Assert.False(new RequestValidator(twilio.AuthToken).Validate(request.Url.AbsoluteUri, tampered, signature));
        Assert.False(new RequestValidator(twilio.AuthToken).Validate(request.Url.AbsoluteUri.Replace("channel=test", "channel=other", StringComparison.Ordinal),
            request.Form(), signature));
        Assert.False(new RequestValidator("another-token-0000000000000000000").Validate(request.Url.AbsoluteUri, request.Form(), signature));
    }

    [Fact]
    public async Task PostJsonWebhookAsync_BodySha256Variant_ValidatesAndATamperedBodyDoesNot()
    {
        await using var receiver = await WebhookReceiver.StartAsync(Ct);
        await using var twilio = await FakeTwilio.StartAsync(cancellationToken: Ct);
        var json = """{"event":"test","value":1}""";

        await twilio.PostJsonWebhookAsync(receiver.Url, json, Ct).WaitAsync(s_timeout, Ct);

        var request = await receiver.NextAsync(Ct);
        var signature = request.Headers["X-Twilio-Signature"];
        Assert.Contains("bodySHA256=", request.Url.Query, StringComparison.Ordinal);
        Assert.True(new RequestValidator(twilio.AuthToken).Validate(request.Url.AbsoluteUri, request.Text, signature));
        Assert.False(new RequestValidator(twilio.AuthToken).Validate(request.Url.AbsoluteUri, json.Replace('1', '2'), signature));
    }

    [Fact]
    public async Task SendSmsAsync_WithMedia_PostsMediaUrlsServedOnlyWithBasicAuth()
    {
        await using var receiver = await WebhookReceiver.StartAsync(Ct);
        await using var twilio = await FakeTwilio.StartAsync(new FakeTwilioOptions { WebhookUrl = receiver.Url }, Ct);

        var sent = await twilio.SendSmsAsync("+15551230001", "look", [new TwilioMedia("image/png", TestImages.Png)], Ct);

        var form = (await receiver.NextAsync(Ct)).Form();
        Assert.StartsWith("MM", sent.MessageSid, StringComparison.Ordinal);
        Assert.Equal(["1", "image/png", sent.MediaUrls[0].AbsoluteUri], [form["NumMedia"], form["MediaContentType0"], form["MediaUrl0"]]);
        using var http = new HttpClient();
        using var anonymous = await http.GetAsync(sent.MediaUrls[0], Ct);
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        using var get = new HttpRequestMessage(HttpMethod.Get, sent.MediaUrls[0]);
        get.Headers.Authorization = new AuthenticationHeaderValue("Basic",
            Convert.ToBase64String(Encoding.UTF8.GetBytes($"{twilio.AccountSid}:{twilio.AuthToken}")));
        using var authorized = await http.SendAsync(get, Ct);
        Assert.Equal(HttpStatusCode.OK, authorized.StatusCode);
        Assert.Equal("image/png", authorized.Content.Headers.ContentType?.MediaType);
        Assert.Equal(TestImages.Png, await authorized.Content.ReadAsByteArrayAsync(Ct));
    }

    [Fact]
    public async Task PressWhatsAppButtonAsync_Webhook_CarriesProfileWaIdAndButtonFields()
    {
        await using var receiver = await WebhookReceiver.StartAsync(Ct);
        await using var twilio = await FakeTwilio.StartAsync(new FakeTwilioOptions { WebhookUrl = receiver.Url }, Ct);

        await twilio.PressWhatsAppButtonAsync("+447700900123", "confirm-42", "Confirm", "Ada", Ct);

        var request = await receiver.NextAsync(Ct);
        var form = request.Form();
        Assert.True(new RequestValidator(twilio.AuthToken).Validate(request.Url.AbsoluteUri, form, request.Headers["X-Twilio-Signature"]));
        Assert.Equal(["whatsapp:+447700900123", twilio.WhatsAppAddress, "Ada", "447700900123", "button", "confirm-42", "Confirm"],
            [form["From"], form["To"], form["ProfileName"], form["WaId"], form["MessageType"], form["ButtonPayload"], form["ButtonText"]]);
    }

    [Fact]
    public async Task SendWhatsAppLocationAsync_Webhook_CarriesTheCoordinatesAndThePlace()
    {
        await using var receiver = await WebhookReceiver.StartAsync(Ct);
        await using var twilio = await FakeTwilio.StartAsync(new FakeTwilioOptions { WebhookUrl = receiver.Url }, Ct);

        await twilio.SendWhatsAppLocationAsync("+15551230001", 51.5007, -0.1246, "Westminster, London", "Big Ben", cancellationToken: Ct);

        var form = (await receiver.NextAsync(Ct)).Form();
        Assert.Equal(["location", "51.5007", "-0.1246", "Westminster, London", "Big Ben", ""],
            [form["MessageType"], form["Latitude"], form["Longitude"], form["Address"], form["Label"], form["Body"]]);
    }

    [Fact]
    public async Task Webhook_Answering500_IsNotRetriedByDefault()
    {
        await using var receiver = await WebhookReceiver.StartAsync(Ct);
        receiver.RespondWith(500);
        await using var twilio = await FakeTwilio.StartAsync(new FakeTwilioOptions { WebhookUrl = receiver.Url }, Ct);

        var sent = await twilio.SendSmsAsync("+15551230001", "one", cancellationToken: Ct);
        var first = await twilio.WebhookAttempts.WaitForAsync(attempt => attempt.Id == sent.MessageSid, Ct).WaitAsync(s_timeout, Ct);
        var next = await twilio.SendSmsAsync("+15551230001", "two", cancellationToken: Ct);
        await twilio.WaitForDeliveryAsync(next, Ct).WaitAsync(s_timeout, Ct);

        Assert.Equal(500, first.StatusCode);
        Assert.Single(twilio.WebhookAttempts.Items, attempt => attempt.Id == sent.MessageSid);
    }

    [Fact]
    public async Task Webhook_RetryOverridesFor5xx_RetriesToTheUrlWithoutItsFragmentWithTheSameSignature()
    {
        await using var receiver = await WebhookReceiver.StartAsync(Ct);
        receiver.RespondWith(503, 500);
        var url = new Uri(receiver.Url.AbsoluteUri + "#rc=3&rp=5xx");
        await using var twilio = await FakeTwilio.StartAsync(new FakeTwilioOptions { WebhookUrl = url }, Ct);

        var sent = await twilio.SendSmsAsync("+15551230001", "retry me", cancellationToken: Ct);

        var delivered = await twilio.WaitForDeliveryAsync(sent, Ct).WaitAsync(s_timeout, Ct);
        var attempts = twilio.WebhookAttempts.Items.Where(attempt => attempt.Id == sent.MessageSid).ToList();
        Assert.Equal([503, 500, 200], attempts.Select(attempt => attempt.StatusCode));
        Assert.Equal(3, delivered.Attempt);
        Assert.All(attempts, attempt => Assert.Equal(receiver.Url, attempt.Url));
        Assert.Single(attempts.Select(attempt => attempt.Headers["X-Twilio-Signature"]).Distinct());
    }

    [Fact]
    public async Task Webhook_ReadTimeoutWithRpRt_TimesOutOnTheFakeClockAndIsRetried()
    {
        var clock = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(DateTimeOffset.Parse("2026-01-05T10:00:00Z", System.Globalization.CultureInfo.InvariantCulture));
        await using var receiver = await WebhookReceiver.StartAsync(Ct);
        receiver.Hold = new TaskCompletionSource();
        var url = new Uri(receiver.Url.AbsoluteUri + "#rt=1000&rp=rt");
        await using var twilio = await FakeTwilio.StartAsync(new FakeTwilioOptions { WebhookUrl = url, TimeProvider = clock }, Ct);

        var sent = await twilio.SendSmsAsync("+15551230001", "slow", cancellationToken: Ct);
        await receiver.NextAsync(Ct);
        receiver.Hold = null;
        clock.Advance(TimeSpan.FromSeconds(1));

        var delivered = await twilio.WaitForDeliveryAsync(sent, Ct).WaitAsync(s_timeout, Ct);
        var first = twilio.WebhookAttempts.Items.First(attempt => attempt.Id == sent.MessageSid);
        Assert.Equal([1, 2], [first.Attempt, delivered.Attempt]);
        Assert.Null(first.StatusCode);
        Assert.Equal("Read timeout", first.Error);
    }

    [Fact]
    public async Task Webhook_ConnectionRefused_IsRetriedOnceByDefault()
    {
        var receiver = await WebhookReceiver.StartAsync(Ct);
        var url = receiver.Url;
        await receiver.DisposeAsync();
        await using var twilio = await FakeTwilio.StartAsync(new FakeTwilioOptions { WebhookUrl = url }, Ct);

        var sent = await twilio.SendSmsAsync("+15551230001", "anyone?", cancellationToken: Ct);

        var attempts = await twilio.WebhookAttempts.WaitForCountAsync(2, attempt => attempt.Id == sent.MessageSid, Ct).WaitAsync(s_timeout, Ct);
        Assert.All(attempts, attempt => Assert.Null(attempt.StatusCode));
        Assert.Equal([1, 2], attempts.Select(attempt => attempt.Attempt));
    }
}
