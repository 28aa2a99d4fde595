
namespace Byoc.Connector.Diagnostics.Platforms;

/// <summary>The doctor's check of each Telegram, Twilio, WhatsApp, Messenger, Slack and LINE channel a connector configuration names, on its platform.</summary>
public static class PlatformChecks
{
    /// <summary>One check per channel of <paramref name="configuration"/>, platform by platform in that order, each in the file's order.</summary>
    public static IReadOnlyList<IPlatformCheck> From(IConfiguration configuration, HttpClient http)
    {
        var telegram = TelegramSettings.From(configuration);
        var twilio = TwilioSettings.From(configuration);
        var whatsApp = WhatsAppSettings.From(configuration);
        var messenger = MessengerSettings.From(configuration);
        var slack = SlackSettings.From(configuration);
        var line = LineSettings.From(configuration);
        return
        [
            .. telegram.Channels.Select(c => new TelegramPlatformCheck(c.Key, c.Value, telegram.PublicBaseUrl, http)),
            .. twilio.Channels.Select(c => new TwilioPlatformCheck(c.Key, c.Value, twilio.PublicBaseUrl, http)),
            .. whatsApp.Channels.Select(c => new WhatsAppPlatformCheck(c.Key, c.Value, http)),
            .. messenger.Channels.Select(c => new MessengerPlatformCheck(c.Key, c.Value, http)),
            .. slack.Channels.Select(c => new SlackPlatformCheck(c.Key, c.Value, http)),
            .. line.Channels.Select(c => new LinePlatformCheck(c.Key, c.Value, http)),
        ];
    }
}
