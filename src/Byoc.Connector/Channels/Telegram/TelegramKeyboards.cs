using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Byoc.Core.Messages;
using Byoc.Core.Storage;

namespace Byoc.Connector.Channels.Telegram;

/// <summary>
/// Inline keyboards and the taps on them. A button's <c>callback_data</c> may carry only 1-64 bytes, and Salesforce's
/// option identifiers can be longer, so a button carries <c>{entry key}:{option index}</c>: the entry key is 16
/// characters of base64url SHA-256 of the choices entry's identifier, and the options themselves are kept in the durable
/// per-user chat log (key <c>telegram-keyboard:{entry key}</c>). A tap on any keyboard the user was ever shown maps back
/// to its entry and option, after a restart too, and on another connector instance sharing the store.
/// </summary>
internal sealed class TelegramKeyboards(IChatLogStore log)
{
    /// <summary>The most buttons an inline keyboard is given (the Bot API does not publish a limit; 100 is what it is known to take).</summary>
    public const int MaxButtons = 100;

    private const string KeyPrefix = "telegram-keyboard:";
    private const int EntryKeyLength = 16;
    private const int PageSize = 200;

    /// <summary>The <c>callback_data</c> of option <paramref name="index"/> (0-based) of the entry: at most 20 bytes.</summary>
    public static string CallbackData(string entryIdentifier, int index) =>
        EntryKey(entryIdentifier) + ":" + index.ToString(CultureInfo.InvariantCulture);

    /// <summary>Reads <c>callback_data</c> back into the entry key and the option index, or false when it is not one of ours.</summary>
    public static bool TryParse(string? callbackData, out string entryKey, out int index)
    {
        entryKey = "";
        index = -1;
        var colon = callbackData?.IndexOf(':', StringComparison.Ordinal) ?? -1;
        if (colon != EntryKeyLength
            || !int.TryParse(callbackData.AsSpan(colon + 1), NumberStyles.None, CultureInfo.InvariantCulture, out index)
            || index >= MaxButtons)
        {
            index = -1;
            return false;
        }

        entryKey = callbackData![..colon];
        return true;
    }

    /// <summary>Remembers the options of a choices message shown as a keyboard, before it is sent.</summary>
    public Task OfferAsync(OutboundMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        var offer = new PendingChoices.Offer(message.EntryIdentifier, [.. message.Choices]);
        return log.AppendAsync(message.Channel, message.PlatformUserId, KeyPrefix + EntryKey(message.EntryIdentifier),
            JsonSerializer.Serialize(offer), cancellationToken);
    }

    /// <summary>The offered keyboard with this entry key in the user's chat log, or null (never offered, or not by this connector).</summary>
    public async Task<PendingChoices.Offer?> FindAsync(string channel, string chatId, string entryKey, CancellationToken cancellationToken)
    {
        var key = KeyPrefix + entryKey;
        long after = 0;
        while (true)
        {
            var page = await log.ReadAfterAsync(channel, chatId, after, PageSize, cancellationToken);
            if (page.FirstOrDefault(entry => entry.Key == key) is { } found)
            {
                return JsonSerializer.Deserialize<PendingChoices.Offer>(found.Payload);
            }

            if (page.Count < PageSize)
            {
                return null;
            }

            after = page[^1].Sequence;
        }
    }

    private static string EntryKey(string entryIdentifier)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(entryIdentifier));
        return Convert.ToBase64String(hash).TrimEnd('=').Replace('+', '-').Replace('/', '_')[..EntryKeyLength];
    }
}
