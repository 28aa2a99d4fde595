using System.Globalization;
using System.Text.RegularExpressions;

namespace Byoc.Bench.Workload;

/// <summary>
/// The end users' messages and the echo agent's replies: <c>bench u{user} s{sequence}</c> and <c>echo bench u{user} s{sequence}</c>,
/// so every reply names the message it answers.
/// </summary>
internal static partial class BenchText
{
    /// <summary>User indexes from here on are warm-up users, outside the measured workload.</summary>
    public const int WarmupUserBase = 1_000_000;

    public static string Message(int user, int sequence) =>
        string.Create(CultureInfo.InvariantCulture, $"bench u{user} s{sequence}");

    /// <summary>The webhook platform's id of an end user.</summary>
    public static string PlatformUserId(int user) =>
        string.Create(CultureInfo.InvariantCulture, $"user-{user}");

    /// <summary>The Telegram chat (and user) id of an end user in the Telegram scenario.</summary>
    public static long TelegramChatId(int user) => 1_000_000_000L + user;

    /// <summary>Reads the user and sequence out of an echo reply; false for any other text.</summary>
    public static bool TryParseReply(string? text, out int user, out int sequence)
    {
        user = sequence = -1;
        if (text is null || ReplyPattern().Match(text) is not { Success: true } match)
        {
            return false;
        }

        user = int.Parse(match.Groups[1].ValueSpan, CultureInfo.InvariantCulture);
        sequence = int.Parse(match.Groups[2].ValueSpan, CultureInfo.InvariantCulture);
        return true;
    }

    [GeneratedRegex(@"^echo bench u(\d{1,9}) s(\d{1,9})$", RegexOptions.CultureInvariant)]
    private static partial Regex ReplyPattern();
}
