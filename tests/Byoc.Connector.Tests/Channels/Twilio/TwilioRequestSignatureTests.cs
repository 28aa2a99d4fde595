using System.Text;
using Byoc.Connector.Channels.Twilio;
using Byoc.Core.Channels;
using Byoc.TestUtilities.Platforms.Twilio;

namespace Byoc.Connector.Tests.Channels.Twilio;

/// <summary>The signature check against the fake's own HMAC-SHA1 implementation of Twilio's scheme.</summary>
public sealed class TwilioRequestSignatureTests
{
    private const string Token = "12345";
    private static readonly Uri s_url = new("https://mycompany.com/myapp.php?foo=1&bar=2");

    // Twilio's published example ("Validating signatures from Twilio"): these fields and this URL give this signature.
    private static readonly KeyValuePair<string, string>[] s_fields =
    [
        new("CallSid", "CA1234567890ABCDE"), new("Caller", "+12349013030"), new("Digits", "1234"), new("From", "+12349013030"), new("To", "+18005551212"),
    ];

    [Fact]
    public void Check_TwiliosPublishedExample_Accepted()
    {
        Assert.Equal("0/KCTR6DLpKmkAf8muzZqo1nDgQ=", TwilioSignature.Compute(Token, s_url.AbsoluteUri, s_fields));
        Assert.Null(new TwilioRequestSignature(Token).Check(Form(s_fields, "0/KCTR6DLpKmkAf8muzZqo1nDgQ=")));
    }

    [Fact]
    public void Check_FieldChangedAfterSigning_Forbidden()
    {
        var signature = TwilioSignature.Compute(Token, s_url.AbsoluteUri, s_fields);
        KeyValuePair<string, string>[] changed = [.. s_fields[..^1], new("To", "+18005550000")];

        var refusal = new TwilioRequestSignature(Token).Check(Form(changed, signature));

        Assert.Equal(InboundRefusalKind.Forbidden, refusal?.Refusal?.Kind);
    }

    [Fact]
    public void Check_SignedWithAnotherToken_Forbidden() =>
        Assert.Equal(InboundRefusalKind.Forbidden,
            new TwilioRequestSignature(Token).Check(Form(s_fields, TwilioSignature.Compute("other", s_url.AbsoluteUri, s_fields)))?.Refusal?.Kind);

    [Fact]
    public void Check_NoHeader_Unauthenticated() =>
        Assert.Equal(InboundRefusalKind.Unauthenticated, new TwilioRequestSignature(Token).Check(Form(s_fields, null))?.Refusal?.Kind);

    [Fact]
    public void Check_JsonBodyWithBodySha256_AcceptedAndRefusedWhenTheBodyChanges()
    {
        var body = Encoding.UTF8.GetBytes("""{"MessageSid":"SM1"}""");
        var url = new Uri("https://mycompany.com/channels/sms?bodySHA256=" + TwilioSignature.BodySha256(body));
        var signature = TwilioSignature.Compute(Token, url.AbsoluteUri);
        var check = new TwilioRequestSignature(Token);

        Assert.Null(check.Check(Json(url, body, signature)));
        Assert.NotNull(check.Check(Json(url, Encoding.UTF8.GetBytes("""{"MessageSid":"SM2"}"""), signature)));
    }

    private static InboundRequest Form(IEnumerable<KeyValuePair<string, string>> fields, string? signature) => new()
    {
        Channel = "sms",
        PublicUrl = s_url,
        Form = new InboundFields(fields),
        ContentType = InboundLimits.Form,
        Headers = signature is null ? new Dictionary<string, string>() : new Dictionary<string, string> { [TwilioRequestSignature.Header] = signature },
    };

    private static InboundRequest Json(Uri url, byte[] body, string signature) => new()
    {
        Channel = "sms",
        PublicUrl = url,
        Query = new InboundFields([new("bodySHA256", url.Query[12..])]),
        Body = body,
        ContentType = InboundLimits.Json,
        Headers = new Dictionary<string, string> { [TwilioRequestSignature.Header] = signature },
    };
}
