using System.Text;
using Byoc.Connector.Channels.Webhook;

namespace Byoc.Connector.Tests.Channels.Webhook;

public sealed class StandardWebhookSignatureTests
{
    private static readonly DateTimeOffset s_now = DateTimeOffset.FromUnixTimeSeconds(1614265330);
    private static readonly TimeSpan s_tolerance = TimeSpan.FromMinutes(5);

    [Theory]
    // Expected values computed independently with Python's hmac/hashlib/base64.
    [InlineData("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw", "msg_p5jXN8AQM9LWM0D4loKWxJek", 1614265330, "{\"test\": 2432232314}",
        "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=")]
    [InlineData("whsec_c2VjcmV0LWtleS1mb3ItdGVzdHM=", "evt-1", 1700000000, "{\"type\":\"message\"}",
        "v1,YPYyw0IZe3EVFJPP6Amh+cAcnplpi7a3hS+MblqA8RA=")]
    // The example in docs/webhook-channel.md.
    [InlineData("whsec_c2VjcmV0LWtleS1mb3ItdGVzdHM=", "msg-1001", 1767225600,
        "{\"type\":\"message\",\"id\":\"msg-1001\",\"userId\":\"user-42\",\"text\":\"Can I book a table for two tonight?\"}",
        "v1,OW1JFtUl7LnxvILTh+nLgNuGEjQYv9vG5SucB7Br0xs=")]
    public void Sign_KnownVector_MatchesIndependentComputation(string secret, string id, long timestamp, string body, string expected)
    {
        var key = StandardWebhookSignature.DecodeSecret(secret)!;

        Assert.Equal(expected, StandardWebhookSignature.Sign(key, id, timestamp, Encoding.UTF8.GetBytes(body)));
    }

    [Fact]
    public void Verify_OneOfSeveralSignaturesMatches_IsValid()
    {
        var (key, body) = Vector();

        var result = StandardWebhookSignature.Verify(key, "msg_p5jXN8AQM9LWM0D4loKWxJek", "1614265330",
            "v1,AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA= v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=", body, s_now, s_tolerance);

        Assert.Equal(SignatureCheck.Valid, result);
    }

    [Theory]
    [InlineData("msg_p5jXN8AQM9LWM0D4loKWxJek", "1614265330", "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=", " ", "BadSignature")]
    [InlineData("msg_other", "1614265330", "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=", "", "BadSignature")]
    [InlineData("msg_p5jXN8AQM9LWM0D4loKWxJek", "1614265330", "v2,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=", "", "BadSignature")]
    [InlineData("msg_p5jXN8AQM9LWM0D4loKWxJek", "1614265330", "v1,not-base64!", "", "BadSignature")]
    [InlineData("msg_p5jXN8AQM9LWM0D4loKWxJek", "1614264000", "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=", "", "StaleTimestamp")]
    [InlineData("msg_p5jXN8AQM9LWM0D4loKWxJek", "1614266000", "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=", "", "StaleTimestamp")]
    [InlineData("msg_p5jXN8AQM9LWM0D4loKWxJek", "soon", "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=", "", "StaleTimestamp")]
    [InlineData("", "1614265330", "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=", "", "MissingHeaders")]
    [InlineData("msg_p5jXN8AQM9LWM0D4loKWxJek", "", "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=", "", "MissingHeaders")]
    [InlineData("msg_p5jXN8AQM9LWM0D4loKWxJek", "1614265330", "", "", "MissingHeaders")]
    public void Verify_TamperedInput_IsRefused(string id, string timestamp, string signature, string bodySuffix, string expected)
    {
        var (key, body) = Vector();

        var result = StandardWebhookSignature.Verify(key, id, timestamp, signature, [.. body, .. Encoding.UTF8.GetBytes(bodySuffix)],
            s_now, s_tolerance);

        Assert.Equal(Enum.Parse<SignatureCheck>(expected), result);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw")]
    [InlineData("whsec_")]
    [InlineData("whsec_***")]
    public void DecodeSecret_NotAWhsecSecret_ReturnsNull(string? secret)
    {
        Assert.Null(StandardWebhookSignature.DecodeSecret(secret));
    }

    private static (byte[] Key, byte[] Body) Vector() =>
        (StandardWebhookSignature.DecodeSecret("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw")!, Encoding.UTF8.GetBytes("{\"test\": 2432232314}"));
}
