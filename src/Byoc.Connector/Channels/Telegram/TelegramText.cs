using Byoc.Connector.Channels.Sending;

namespace Byoc.Connector.Channels.Telegram;

/// <summary>Telegram's text limits, and a long text split at them.</summary>
internal static class TelegramText
{
    /// <summary>sendMessage: <c>text</c> is 1-4096 characters (UTF-16 code units, as Telegram counts entity offsets).</summary>
    public const int MaxMessageLength = 4096;

    /// <summary>sendPhoto and sendDocument: <c>caption</c> is 0-1024 characters.</summary>
    public const int MaxCaptionLength = 1024;

    /// <summary>Parts of at most <see cref="MaxMessageLength"/> characters (<see cref="TextParts.Split"/>).</summary>
    public static IReadOnlyList<string> Split(string text) => TextParts.Split(text, MaxMessageLength);
}
