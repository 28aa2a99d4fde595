using Byoc.Connector.Channels.WebChat;
using Byoc.TestUtilities;

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

    [Fact]
    public async Task Start_BadWebChatChannel_FailsNamingItsKeys()
    {
        var directory = Directory.CreateTempSubdirectory("byoc-bad-chat-").FullName;
        try
        {
            await using var app = ConnectorApplication.Create([$"--Connector:Storage:Path={Path.Combine(directory, "c.db")}",
                "--Connector:WebChat:Channels:web:SessionSecret=short-secret", "--Connector:WebChat:Channels:web:TokenLifetime=00:00:10"]);

            var ex = await Assert.ThrowsAnyAsync<Exception>(() => LoopbackServer.StartAsync(app, TestContext.Current.CancellationToken));

            Assert.Contains("Connector:WebChat:Channels:web:ChannelAddressIdentifier is required", ex.Message, StringComparison.Ordinal);
            Assert.Contains("Connector:WebChat:Channels:web:SessionSecret must be at least 32 characters", ex.Message, StringComparison.Ordinal);
            Assert.Contains("Connector:WebChat:Channels:web:TokenLifetime", ex.Message, StringComparison.Ordinal);
            Assert.DoesNotContain("short-secret", ex.Message, StringComparison.Ordinal);
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(directory, recursive: true);
        }
    }
}
