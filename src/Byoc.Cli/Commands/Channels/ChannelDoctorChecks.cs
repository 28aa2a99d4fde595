using Microsoft.Extensions.Configuration;

namespace Byoc.Cli.Commands.Channels;

/// <summary>The doctor's check of each Telegram and Twilio channel a connector configuration names, on its platform.</summary>
internal static class ChannelDoctorChecks
{
    /// <summary>One check per channel of <paramref name="configuration"/>: Telegram's first, then Twilio's, each in the file's order.</summary>
    public static IReadOnlyList<IPlatformDoctorCheck> From(IConfiguration configuration, HttpClient http)
    {
        var telegram = TelegramSettings.From(configuration);
        var twilio = TwilioSettings.From(configuration);
        return
        [
            .. telegram.Channels.Select(c => new TelegramDoctorCheck(c.Key, c.Value, telegram.PublicBaseUrl, http)),
            .. twilio.Channels.Select(c => new TwilioDoctorCheck(c.Key, c.Value, twilio.PublicBaseUrl, http)),
        ];
    }
}
