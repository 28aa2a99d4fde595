using Byoc.Connector.Channels.Slack;

namespace Byoc.Connector.Tests.Channels.Slack;

public sealed class SlackChannelOptionsValidatorTests
{
    private const string Key = "Connector:Slack:Channels:slack";

    [Fact]
    public void Validate_CompleteChannel_Succeeds()
    {
        Assert.True(Validate(Valid()).Succeeded);
    }

    [Fact]
    public void Validate_EverythingWrong_NamesEachKeyAndNeverEchoesSecrets()
    {
        var settings = new SlackEndpointOptions
        {
            BotToken = "xoxp-user-token-not-a-bot",
            SigningSecret = " ",
            ApiBaseUrl = new Uri("https://slack.example.com/api"),
            FileHosts = [""],
            PublicBaseUrl = new Uri("https://example.com/?q=1"),
            Conversations = (SlackConversationMode)9,
            SignatureTolerance = TimeSpan.Zero,
            MaxBodyBytes = 0,
            PerChannelMessagesPerSecond = 0,
            WorkspaceMessagesPerSecond = double.NaN,
            MaxRateLimitWait = TimeSpan.FromSeconds(-1),
            RequestTimeout = TimeSpan.Zero,
            MaxButtons = 26,
            ParticipantJoinedText = " ",
        };

        var result = new SlackChannelOptionsValidator().Validate(null, new SlackChannelOptions { Channels = { ["slack"] = settings } });

        Assert.False(result.Succeeded);
        foreach (var key in new[]
        {
            "ChannelAddressIdentifier", "BotToken", "SigningSecret", "ApiBaseUrl", "FileHosts", "PublicBaseUrl", "Conversations", "SignatureTolerance",
            "MaxBodyBytes", "PerChannelMessagesPerSecond", "WorkspaceMessagesPerSecond", "MaxRateLimitWait", "RequestTimeout", "MaxButtons",
            "ParticipantJoinedText",
        })
        {
            Assert.Contains(result.Failures!, failure => failure.StartsWith($"{Key}:{key}", StringComparison.Ordinal));
        }

        Assert.DoesNotContain(result.Failures!, failure => failure.Contains("xoxp-user-token-not-a-bot", StringComparison.Ordinal));
    }

    [Fact]
    public void Validate_BadChannelName_NamesTheChannel()
    {
        var result = new SlackChannelOptionsValidator().Validate(null, new SlackChannelOptions { Channels = { ["bad:name"] = Valid() } });

        Assert.Contains(result.Failures!, failure => failure.StartsWith("Connector:Slack:Channels:bad:name:", StringComparison.Ordinal));
    }

    private static SlackEndpointOptions Valid() => new()
    {
        ChannelAddressIdentifier = "addr",
        BotToken = "xoxb-1-2-abc",
        SigningSecret = "8f742231b10e8888abcd99yyyzzz85a5",
    };

    private static Microsoft.Extensions.Options.ValidateOptionsResult Validate(SlackEndpointOptions settings) =>
        new SlackChannelOptionsValidator().Validate(null, new SlackChannelOptions { Channels = { ["slack"] = settings } });
}
