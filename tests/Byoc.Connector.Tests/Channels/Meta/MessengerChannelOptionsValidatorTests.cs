using Byoc.Connector.Channels.Meta;
using Microsoft.Extensions.Options;

namespace Byoc.Connector.Tests.Channels.Meta;

public sealed class MessengerChannelOptionsValidatorTests
{
    private const string Key = "Connector:Messenger:Channels:fb";

    [Fact]
    public void Validate_CompleteChannel_Succeeds()
    {
        Assert.True(Validate(Valid()).Succeeded);
    }

    [Fact]
    public void Validate_EverythingWrong_NamesEachKeyAndNeverEchoesSecrets()
    {
        var settings = new MessengerEndpointOptions
        {
            AppSecret = " ",
            PageAccessToken = "",
            PageId = "my-page",
            GraphApiVersion = "23",
            GraphBaseUrl = new Uri("https://graph.example.com/prefix"),
            StandardMessagingWindow = TimeSpan.Zero,
            HumanAgentWindow = TimeSpan.FromSeconds(-1),
            MaxBodyBytes = 0,
            PerUserMessagesPerSecond = 0,
            AccountMessagesPerSecond = double.NaN,
            MaxRateLimitWait = TimeSpan.FromSeconds(-1),
            RequestTimeout = TimeSpan.Zero,
        };

        var result = Validate(settings);

        Assert.False(result.Succeeded);
        foreach (var key in new[]
        {
            "ChannelAddressIdentifier", "AppSecret", "VerifyToken", "PageAccessToken", "PageId", "GraphApiVersion", "GraphBaseUrl",
            "StandardMessagingWindow", "HumanAgentWindow", "MaxBodyBytes", "PerUserMessagesPerSecond", "AccountMessagesPerSecond",
            "MaxRateLimitWait", "RequestTimeout",
        })
        {
            Assert.Contains(result.Failures!, failure => failure.StartsWith($"{Key}:{key}", StringComparison.Ordinal));
        }
    }

    [Fact]
    public void Validate_SecretsNeverEchoed()
    {
        var settings = Valid();
        settings.PageId = "EAAsecret-token-pasted-as-id";

        var result = Validate(settings);

        Assert.Contains(result.Failures!, failure => failure.StartsWith($"{Key}:PageId", StringComparison.Ordinal));
        Assert.DoesNotContain(result.Failures!, failure => failure.Contains(settings.PageAccessToken!, StringComparison.Ordinal)
            || failure.Contains(settings.AppSecret!, StringComparison.Ordinal));
    }

    private static MessengerEndpointOptions Valid() => new()
    {
        ChannelAddressIdentifier = "addr",
        AppSecret = "app-secret-value",
        VerifyToken = "verify-token-value",
        PageAccessToken = "EAApage-token-value",
        PageId = "104259868523674",
    };

    private static ValidateOptionsResult Validate(MessengerEndpointOptions settings) =>
        new MessengerChannelOptionsValidator().Validate(null, new MessengerChannelOptions { Channels = { ["fb"] = settings } });
}
