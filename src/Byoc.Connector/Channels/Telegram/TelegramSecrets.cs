using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;

namespace Byoc.Connector.Channels.Telegram;

/// <summary>The formats of a bot token and a webhook secret token, and the constant-time check of the secret header.</summary>
internal static partial class TelegramSecrets
{
    /// <summary>The header Telegram sends the webhook's secret token in (setWebhook, <c>secret_token</c>).</summary>
    public const string SecretTokenHeader = "X-Telegram-Bot-Api-Secret-Token";

    /// <summary>setWebhook, <c>secret_token</c>: 1-256 characters, only <c>A-Z</c>, <c>a-z</c>, <c>0-9</c>, <c>_</c> and <c>-</c>.</summary>
    public static bool IsValidSecretToken(string? secret) => secret is not null && SecretTokenPattern().IsMatch(secret);

    /// <summary>
    /// A token as @BotFather gives it: the bot's numeric id, a colon, and the secret part. The Bot API does not publish
    /// the format beyond that; the client library reads the id from the digits before the colon (at most 16).
    /// </summary>
    public static bool IsValidBotToken(string? token) => token is not null && BotTokenPattern().IsMatch(token);

    /// <summary>
    /// Whether <paramref name="received"/> is the configured secret. Both are hashed first so that the comparison takes
    /// the same time whatever their lengths.
    /// </summary>
    public static bool Matches(string? received, string expected)
    {
        if (received is null)
        {
            return false;
        }

        Span<byte> actual = stackalloc byte[SHA256.HashSizeInBytes];
        Span<byte> wanted = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(Encoding.UTF8.GetBytes(received), actual);
        SHA256.HashData(Encoding.UTF8.GetBytes(expected), wanted);
        return CryptographicOperations.FixedTimeEquals(actual, wanted);
    }

    [GeneratedRegex("^[A-Za-z0-9_-]{1,256}$")]
    private static partial Regex SecretTokenPattern();

    [GeneratedRegex("^[0-9]{1,16}:[A-Za-z0-9_-]+$")]
    private static partial Regex BotTokenPattern();
}
