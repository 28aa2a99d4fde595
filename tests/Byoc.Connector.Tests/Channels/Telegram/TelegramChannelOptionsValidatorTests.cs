using Byoc.Connector.Channels;
using Byoc.Connector.Channels.Telegram;
using Microsoft.Extensions.Options;

namespace Byoc.Connector.Tests.Channels.Telegram;

public sealed class TelegramChannelOptionsValidatorTests
{
    private const string Key = "Connector:Telegram:Channels:tg";
    private const string Token = "123456:AAbbCCddEEffGG_hh-ii";

    [Fact]
    public void Validate_CompleteChannel_Succeeds()
    {
        Assert.True(Validate(Valid()).Succeeded);
    }

    [Fact]
    public void Validate_EverythingWrong_NamesEachKeyAndNeverEchoesSecrets()
    {
        var settings = new TelegramEndpointOptions
        {
            BotToken = "not a token",
            SecretToken = "has spaces!",
            ApiBaseUrl = new Uri("https://api.example.com/prefix"),
            PublicBaseUrl = new Uri("https://example.com/?q=1"),
            MaxBodyBytes = 0,
            PerChatMessagesPerSecond = 0,
            GlobalMessagesPerSecond = double.NaN,
            MaxRateLimitWait = TimeSpan.FromSeconds(-1),
            RequestTimeout = TimeSpan.Zero,
            TypingRefreshInterval = TimeSpan.Zero,
            TypingMaxDuration = TimeSpan.Zero,
            MaxButtons = 101,
            ProgressIndicators = (TelegramProgressMode)7,
            ParticipantJoinedText = " ",
        };

        var result = Validate(settings);

        Assert.False(result.Succeeded);
        foreach (var key in new[]
        {
            "ChannelAddressIdentifier", "BotToken", "SecretToken", "ApiBaseUrl", "PublicBaseUrl", "MaxBodyBytes", "PerChatMessagesPerSecond",
            "GlobalMessagesPerSecond", "MaxRateLimitWait", "RequestTimeout", "TypingRefreshInterval", "TypingMaxDuration", "MaxButtons",
            "ProgressIndicators", "ParticipantJoinedText",
        })
        {
            Assert.Contains(result.Failures!, failure => failure.StartsWith($"{Key}:{key}", StringComparison.Ordinal));
        }

        Assert.DoesNotContain(result.Failures!, failure => failure.Contains("not a token", StringComparison.Ordinal) || failure.Contains("has spaces!", StringComparison.Ordinal));
    }

    [Fact]
    public void Validate_RegisterWebhookWithoutAnyPublicUrl_NamesBothKeys()
    {
        var settings = Valid();
        settings.RegisterWebhook = true;

        var failure = Assert.Single(Validate(settings).Failures!);

        Assert.Contains($"{Key}:PublicBaseUrl or Connector:Channels:PublicBaseUrl", failure, StringComparison.Ordinal);
        Assert.True(Validate(settings, new ChannelDoorOptions { PublicBaseUrl = new Uri("https://chat.example.com") }).Succeeded);
    }

    [Fact]
    public void Validate_BadChannelName_IsRefused()
    {
        var options = new TelegramChannelOptions();
        options.Channels["bad name"] = Valid();

        var result = new TelegramChannelOptionsValidator(Options.Create(new ChannelDoorOptions())).Validate(null, options);

        Assert.Contains(result.Failures!, failure => failure.StartsWith("Connector:Telegram:Channels:bad name:", StringComparison.Ordinal));
    }

    private static TelegramEndpointOptions Valid() => new()
    {
        ChannelAddressIdentifier = "addr",
        BotToken = Token,
        SecretToken = "Secret_Token-123",
    };

    private static ValidateOptionsResult Validate(TelegramEndpointOptions settings, ChannelDoorOptions? door = null)
    {
        var options = new TelegramChannelOptions();
        options.Channels["tg"] = settings;
        return new TelegramChannelOptionsValidator(Options.Create(door ?? new ChannelDoorOptions())).Validate(null, options);
    }
}
