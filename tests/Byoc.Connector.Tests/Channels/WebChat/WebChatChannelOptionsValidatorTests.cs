using Byoc.Connector.Channels.WebChat;

namespace Byoc.Connector.Tests.Channels.WebChat;

public sealed class WebChatChannelOptionsValidatorTests
{
    [Fact]
    public void Validate_GoodChannel_Succeeds()
    {
        var options = new WebChatChannelOptions
        {
            Channels = { ["web-chat"] = new() { ChannelAddressIdentifier = "addr", SessionSecret = new string('s', 32) } },
        };

        Assert.True(new WebChatChannelOptionsValidator().Validate(null, options).Succeeded);
    }

    [Fact]
    public void Validate_BadSettings_NamesEveryKeyWithoutEchoingTheSecret()
    {
        var options = new WebChatChannelOptions
        {
            Channels =
            {
                ["assets"] = new() { ChannelAddressIdentifier = "addr", SessionSecret = new string('s', 32) },
                ["chat"] = new()
                {
                    SessionSecret = "too-short-secret",
                    TokenLifetime = TimeSpan.FromSeconds(5),
                    MaxBodyBytes = 10,
                    HeartbeatInterval = TimeSpan.Zero,
                    Title = " ",
                    FrameAncestors = "x; script-src *",
                },
            },
        };

        var result = new WebChatChannelOptionsValidator().Validate(null, options);

        Assert.True(result.Failed);
        var failures = result.Failures!.ToList();
        Assert.Contains(failures, f => f.StartsWith("Connector:WebChat:Channels:assets: the channel name", StringComparison.Ordinal));
        foreach (var key in new[] { "ChannelAddressIdentifier", "SessionSecret", "TokenLifetime", "MaxBodyBytes", "HeartbeatInterval", "Title", "FrameAncestors" })
        {
            Assert.Contains(failures, f => f.StartsWith($"Connector:WebChat:Channels:chat:{key} ", StringComparison.Ordinal));
        }

        Assert.DoesNotContain(failures, f => f.Contains("too-short-secret", StringComparison.Ordinal));
    }
}
