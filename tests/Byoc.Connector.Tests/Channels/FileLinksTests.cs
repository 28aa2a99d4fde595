using System.Globalization;
using System.Web;
using Byoc.Connector.Channels;
using Byoc.Connector.Channels.Webhook;
using Microsoft.Extensions.Time.Testing;

namespace Byoc.Connector.Tests.Channels;

public sealed class FileLinksTests
{
    private const string FileId = "0123456789abcdef0123456789abcdef";
    private static readonly byte[] s_key = StandardWebhookSignature.DecodeSecret(ConnectorHost.Secret)!;
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));

    [Fact]
    public void Create_KnownVector_MatchesIndependentComputation()
    {
        var links = new FileLinks("web", s_key, new Uri("https://connector.example.com/byoc/"), TimeSpan.FromHours(24), "webhooks");

        var (url, expiresAt) = links.Create(FileId, _time.GetUtcNow());

        // Signature computed independently with Python's hmac/hashlib/base64 (urlsafe, unpadded).
        Assert.Equal("https://connector.example.com/byoc/webhooks/web/files/0123456789abcdef0123456789abcdef"
            + "?expires=1767312000&signature=ISsDStc3lPgLqQ0cw08dqq7HtRrSkIY9A4zm8tDEjXY", url.AbsoluteUri);
        Assert.Equal(new DateTimeOffset(2026, 1, 2, 0, 0, 0, TimeSpan.Zero), expiresAt);
    }

    [Fact]
    public void Verify_WithinLifetime_ValidUntilTheExpiryThenExpired()
    {
        var links = Links();
        var (expires, signature) = Query(links.Create(FileId, _time.GetUtcNow()).Url);

        _time.Advance(TimeSpan.FromHours(1) - TimeSpan.FromSeconds(1));
        var justBefore = links.Verify(FileId, expires, signature, _time.GetUtcNow(), out _);
        _time.Advance(TimeSpan.FromSeconds(1));
        var atExpiry = links.Verify(FileId, expires, signature, _time.GetUtcNow(), out var expiresAt);

        Assert.Equal((FileLinkCheck.Valid, FileLinkCheck.Expired), (justBefore, atExpiry));
        Assert.Equal(new DateTimeOffset(2026, 1, 1, 1, 0, 0, TimeSpan.Zero), expiresAt);
    }

    [Theory]
    [InlineData("fedcba9876543210fedcba9876543210", "web", ConnectorHost.Secret, 0)]
    [InlineData(FileId, "other-channel", ConnectorHost.Secret, 0)]
    [InlineData(FileId, "web", "whsec_b3RoZXItc2VjcmV0", 0)]
    [InlineData(FileId, "web", ConnectorHost.Secret, 3600)]
    public void Verify_AnyPartChanged_BadSignature(string fileId, string channel, string secret, long laterExpiry)
    {
        var (expires, signature) = Query(Links().Create(FileId, _time.GetUtcNow()).Url);
        var verifier = new FileLinks(channel, StandardWebhookSignature.DecodeSecret(secret)!, new Uri("https://connector.example.com"),
            TimeSpan.FromHours(1), "webhooks");
        var extended = (long.Parse(expires, CultureInfo.InvariantCulture) + laterExpiry).ToString(CultureInfo.InvariantCulture);

        Assert.Equal(FileLinkCheck.BadSignature, verifier.Verify(fileId, extended, signature, _time.GetUtcNow(), out _));
    }

    [Theory]
    [InlineData(null, "ISsDStc3lPgLqQ0cw08dqq7HtRrSkIY9A4zm8tDEjXY")]
    [InlineData("", "ISsDStc3lPgLqQ0cw08dqq7HtRrSkIY9A4zm8tDEjXY")]
    [InlineData("-5", "ISsDStc3lPgLqQ0cw08dqq7HtRrSkIY9A4zm8tDEjXY")]
    [InlineData("1e9", "ISsDStc3lPgLqQ0cw08dqq7HtRrSkIY9A4zm8tDEjXY")]
    [InlineData("99999999999999", "ISsDStc3lPgLqQ0cw08dqq7HtRrSkIY9A4zm8tDEjXY")]
    [InlineData("1767312000", null)]
    [InlineData("1767312000", "")]
    [InlineData("1767312000", "not base64url!")]
    [InlineData("1767312000", "ISsDStc3lPgLqQ0cw08dqq7HtRrSkIY9A4zm8tDEjX")]
    [InlineData("1767312000", "ISsDStc3lPgLqQ0cw08dqq7HtRrSkIY9A4zm8tDEjXYAAAA")]
    public void Verify_UnreadableQuery_Malformed(string? expires, string? signature)
    {
        Assert.Equal(FileLinkCheck.Malformed, Links().Verify(FileId, expires, signature, _time.GetUtcNow(), out _));
    }

    private static FileLinks Links() =>
        new("web", s_key, new Uri("https://connector.example.com"), TimeSpan.FromHours(1), "webhooks");

    private static (string Expires, string Signature) Query(Uri url)
    {
        var query = HttpUtility.ParseQueryString(url.Query);
        return (query["expires"]!, query["signature"]!);
    }
}
