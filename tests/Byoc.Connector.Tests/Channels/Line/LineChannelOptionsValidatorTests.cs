using Byoc.Connector.Channels.Line;

namespace Byoc.Connector.Tests.Channels.Line;

public sealed class LineChannelOptionsValidatorTests
{
    [Fact]
    public void Validate_EveryKeyWrong_NamesEachAndNeverEchoesTheSecrets()
    {
        var options = new LineChannelOptions
        {
            Channels =
            {
                ["Bad Name"] = new LineEndpointOptions
                {
                    ChannelSecret = "",
                    ChannelAccessToken = " ",
                    ApiBaseUrl = new Uri("https://api.line.me/v2"),
                    DataBaseUrl = new Uri("ftp://api-data.line.me"),
                    PublicBaseUrl = new Uri("ftp://chat.example.com"),
                    LoadingSeconds = 7,
                    MaxQuickReplies = 14,
                    ReplyTokenMaxAge = TimeSpan.FromMinutes(2),
                    PerUserMessagesPerSecond = 0,
                    RequestTimeout = TimeSpan.Zero,
                    FileLinkLifetime = TimeSpan.Zero,
                    ParticipantLeftText = "",
                },
                ["line"] = new LineEndpointOptions
                {
                    ChannelAddressIdentifier = "address",
                    ChannelSecret = "a-real-looking-secret-0123456789",
                    ChannelAccessToken = "a-real-looking-token",
                },
            },
        };

        var result = new LineChannelOptionsValidator().Validate(null, options);

        const string Key = "Connector:Line:Channels:Bad Name";
        Assert.True(result.Failed);
        foreach (var expected in new[]
        {
            $"{Key}: ", $"{Key}:ChannelAddressIdentifier is required", $"{Key}:ChannelSecret is required", $"{Key}:ChannelAccessToken is required",
            $"{Key}:ApiBaseUrl must be", $"{Key}:DataBaseUrl must be", $"{Key}:PublicBaseUrl must be", $"{Key}:LoadingSeconds must be 5 to 60",
            $"{Key}:MaxQuickReplies must be between 0", $"{Key}:ReplyTokenMaxAge must be between 0", $"{Key}:PerUserMessagesPerSecond must be positive",
            $"{Key}:RequestTimeout must be positive", $"{Key}:FileLinkLifetime must be positive", $"{Key}:ParticipantJoinedText and ParticipantLeftText",
        })
        {
            Assert.Contains(result.Failures!, failure => failure.StartsWith(expected, StringComparison.Ordinal));
        }

        Assert.DoesNotContain(result.Failures!, failure => failure.Contains("Connector:Line:Channels:line:", StringComparison.Ordinal));
        Assert.DoesNotContain(result.Failures!, failure => failure.Contains("a-real-looking", StringComparison.Ordinal));
    }

    [Fact]
    public void Validate_Defaults_WithTheRequiredKeys_Succeed()
    {
        var options = new LineChannelOptions
        {
            Channels = { ["line"] = new LineEndpointOptions { ChannelAddressIdentifier = "a", ChannelSecret = "s", ChannelAccessToken = "t" } },
        };

        Assert.True(new LineChannelOptionsValidator().Validate(null, options).Succeeded);
    }
}
