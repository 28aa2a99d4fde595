using System.Net;
using Byoc.Connector.Channels;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace Byoc.Connector.Tests.Channels;

public sealed class PublicUrlsTests
{
    [Fact]
    public void For_ConfiguredBase_IsTheBasePlusTheRawTargetWhateverTheHost()
    {
        var sut = CreateSut(new Uri("https://chat.example.com/byoc/"));

        var url = sut.For(Request("/channels/sms?src=1&b=%20x", host: "evil.example"), null);

        Assert.Equal("https://chat.example.com/byoc/channels/sms?src=1&b=%20x", url?.OriginalString);
    }

    [Fact]
    public void For_ChannelBase_WinsOverTheConnectorBase()
    {
        var sut = CreateSut(new Uri("https://chat.example.com"));

        var url = sut.For(Request("/channels/sms"), new Uri("https://sms.example.com"));

        Assert.Equal("https://sms.example.com/channels/sms", url?.OriginalString);
    }

    [Fact]
    public void For_NothingConfiguredAndNoTrustedProxy_IsNoneEvenWithForwardedHeaders()
    {
        var sut = CreateSut(null, "10.0.0.0/8");

        var url = sut.For(Request("/channels/sms", remote: "203.0.113.9", forwardedHost: "chat.example.com", forwardedProto: "https"), null);

        Assert.Null(url);
    }

    [Fact]
    public void For_TrustedProxy_UsesItsLastForwardedValues()
    {
        var sut = CreateSut(null, "10.0.0.0/8");

        var url = sut.For(Request("/channels/sms?x=1", remote: "::ffff:10.1.2.3", forwardedHost: "spoofed.example, chat.example.com",
            forwardedProto: "http, https", forwardedPrefix: "/byoc"), null);

        Assert.Equal("https://chat.example.com/byoc/channels/sms?x=1", url?.OriginalString);
    }

    [Theory]
    [InlineData("chat.example.com/evil", "https")]
    [InlineData("user@chat.example.com", "https")]
    [InlineData("chat.example.com", "ftp")]
    public void For_TrustedProxyWithUnusableValues_IsNone(string host, string proto)
    {
        var sut = CreateSut(null, "127.0.0.1");

        Assert.Null(sut.For(Request("/channels/sms", remote: "127.0.0.1", forwardedHost: host, forwardedProto: proto), null));
    }

    [Theory]
    [InlineData("https://chat.example.com/?a=1", "PublicBaseUrl must be an absolute http or https URL")]
    [InlineData("ftp://chat.example.com", "PublicBaseUrl must be an absolute http or https URL")]
    public void Validate_BadBaseUrl_NamesTheKey(string url, string expected)
    {
        var result = new ChannelDoorOptionsValidator().Validate(null, new ChannelDoorOptions { PublicBaseUrl = new Uri(url) });

        Assert.Contains(result.Failures!, f => f.StartsWith($"Connector:Channels:{expected}", StringComparison.Ordinal));
    }

    [Fact]
    public void Validate_BadProxy_NamesTheEntry()
    {
        var result = new ChannelDoorOptionsValidator().Validate(null, new ChannelDoorOptions { TrustedProxies = ["10.0.0.0/8", "proxy.local"] });

        Assert.Equal(["Connector:Channels:TrustedProxies has 'proxy.local'; expected an IP address or a network such as 10.0.0.0/8."], result.Failures);
    }

    private static PublicUrls CreateSut(Uri? baseUrl, params string[] proxies) =>
        new(Microsoft.Extensions.Options.Options.Create(new ChannelDoorOptions { PublicBaseUrl = baseUrl, TrustedProxies = [.. proxies] }));

    private static HttpRequest Request(string target, string host = "127.0.0.1:5080", string remote = "127.0.0.1", string? forwardedHost = null,
        string? forwardedProto = null, string? forwardedPrefix = null)
    {
        var context = new DefaultHttpContext();
        context.Features.Get<IHttpRequestFeature>()!.RawTarget = target;
        context.Request.Host = new HostString(host);
        context.Request.Scheme = "http";
        context.Connection.RemoteIpAddress = IPAddress.Parse(remote);
        if (forwardedHost is not null)
        {
            context.Request.Headers["X-Forwarded-Host"] = forwardedHost;
        }

        if (forwardedProto is not null)
        {
            context.Request.Headers["X-Forwarded-Proto"] = forwardedProto;
        }

        if (forwardedPrefix is not null)
        {
            context.Request.Headers["X-Forwarded-Prefix"] = forwardedPrefix;
        }

        return context.Request;
    }
}
