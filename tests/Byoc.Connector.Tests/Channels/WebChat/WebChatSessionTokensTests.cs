using System.Text;
using Byoc.Connector.Channels.WebChat;
using Microsoft.Extensions.Time.Testing;

namespace Byoc.Connector.Tests.Channels.WebChat;

public sealed class WebChatSessionTokensTests
{
    private static readonly byte[] s_key = Encoding.UTF8.GetBytes("0123456789abcdef0123456789abcdef");
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 3, 1, 12, 0, 0, TimeSpan.Zero));

    private WebChatSessionTokens CreateSut(string channel = "chat", byte[]? key = null) =>
        new(channel, key ?? s_key, TimeSpan.FromHours(1), _time);

    [Fact]
    public void Verify_IssuedToken_ReturnsVisitorAndExpiry()
    {
        var sut = CreateSut();
        var visitor = WebChatSessionTokens.NewVisitorId();

        var issued = sut.Issue(visitor);
        var verified = sut.Verify(issued.Token, out var error);

        Assert.Null(error);
        Assert.Equal(visitor, verified?.VisitorId);
        Assert.Equal(_time.GetUtcNow().AddHours(1), issued.ExpiresAt);
        Assert.Equal(issued, verified);
    }

    [Fact]
    public void NewVisitorId_ManyCalls_AreDistinctAndUrlSafe()
    {
        var ids = Enumerable.Range(0, 1000).Select(_ => WebChatSessionTokens.NewVisitorId()).ToList();

        Assert.Equal(1000, ids.Distinct().Count());
        Assert.All(ids, id => Assert.Matches("^[A-Za-z0-9_-]{22}$", id));
    }

    [Theory]
    [InlineData("tampered-visitor")]
    [InlineData("tampered-time")]
    [InlineData("tampered-mac")]
    [InlineData("other-key")]
    [InlineData("other-channel")]
    public void Verify_ForgedToken_ReturnsNull(string forgery)
    {
        var sut = CreateSut();
        var token = sut.Issue("visitor-a").Token;
        var parts = token.Split('.');
        var forged = forgery switch
        {
            "tampered-visitor" => $"visitor-b.{parts[1]}.{parts[2]}",
            "tampered-time" => $"{parts[0]}.{long.Parse(parts[1], System.Globalization.CultureInfo.InvariantCulture) + 60}.{parts[2]}",
            "tampered-mac" => $"{parts[0]}.{parts[1]}.{(parts[2][0] == 'A' ? 'B' : 'A')}{parts[2][1..]}",
            "other-key" => CreateSut(key: Encoding.UTF8.GetBytes("another-secret-of-at-least-32-chars!!")).Issue("visitor-a").Token,
            _ => CreateSut(channel: "other").Issue("visitor-a").Token,
        };

        Assert.Null(sut.Verify(forged, out var error));
        Assert.Equal("The session token signature is not valid.", error);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("abc")]
    [InlineData("a.b.c.d")]
    [InlineData("visitor.notanumber.mac")]
    [InlineData("bad visitor.1.mac")]
    public void Verify_Garbage_ReturnsNull(string? token)
    {
        Assert.Null(CreateSut().Verify(token, out var error));
        Assert.NotNull(error);
    }

    [Fact]
    public void Verify_AtExpiry_ReturnsNull()
    {
        var sut = CreateSut();
        var token = sut.Issue("visitor-a").Token;

        _time.Advance(TimeSpan.FromHours(1) - TimeSpan.FromSeconds(1));
        Assert.NotNull(sut.Verify(token, out _));
        _time.Advance(TimeSpan.FromSeconds(1));

        Assert.Null(sut.Verify(token, out var error));
        Assert.Equal("The session token has expired.", error);
    }

    [Fact]
    public void Verify_IssuedFarInTheFuture_ReturnsNull()
    {
        var future = new FakeTimeProvider(_time.GetUtcNow().AddMinutes(5));
        var token = new WebChatSessionTokens("chat", s_key, TimeSpan.FromHours(1), future).Issue("visitor-a").Token;

        Assert.Null(CreateSut().Verify(token, out var error));
        Assert.Equal("The session token has expired.", error);
    }
}
