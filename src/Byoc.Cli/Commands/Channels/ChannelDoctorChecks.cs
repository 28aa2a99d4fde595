using Microsoft.Extensions.Configuration;

namespace Byoc.Cli.Commands.Channels;

/// <summary>The doctor's check of each Telegram, Twilio, WhatsApp, Messenger, Slack and LINE channel a connector configuration names, on its platform.</summary>
internal static class ChannelDoctorChecks
{
    /// <summary>One check per channel of <paramref name="configuration"/>, platform by platform in that order, each in the file's order.</summary>
    public static IReadOnlyList<IPlatformDoctorCheck> From(IConfiguration configuration, HttpClient http)
    {
        var telegram = TelegramSettings.From(configuration);
        var twilio = TwilioSettings.From(configuration);
        var whatsApp = WhatsAppSettings.From(configuration);
        var messenger = MessengerSettings.From(configuration);
        var slack = SlackSettings.From(configuration);
        var line = LineSettings.From(configuration);
        return
        [
            .. telegram.Channels.Select(c => new TelegramDoctorCheck(c.Key, c.Value, telegram.PublicBaseUrl, http)),
            .. twilio.Channels.Select(c => new TwilioDoctorCheck(c.Key, c.Value, twilio.PublicBaseUrl, http)),
            .. whatsApp.Channels.Select(c => new WhatsAppDoctorCheck(c.Key, c.Value, http)),
            .. messenger.Channels.Select(c => new MessengerDoctorCheck(c.Key, c.Value, http)),
            .. slack.Channels.Select(c => new SlackDoctorCheck(c.Key, c.Value, http)),
            .. line.Channels.Select(c => new LineDoctorCheck(c.Key, c.Value, http)),
        ];
    }
}
