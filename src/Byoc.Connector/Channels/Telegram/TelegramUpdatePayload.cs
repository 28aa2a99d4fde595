using System.Text.Json;
using System.Text.Json.Serialization;

namespace Byoc.Connector.Channels.Telegram;

/// <summary>
/// The parts of a Bot API <c>Update</c> the channel reads (core.telegram.org/bots/api#update); every other field is kept
/// in <see cref="Other"/> only to name an update type the channel ignores. Written here rather than taken from the client
/// library so that an update with fields this connector does not know never fails to parse.
/// </summary>
internal sealed record TelegramUpdatePayload
{
    public long? UpdateId { get; init; }

    public TelegramMessagePayload? Message { get; init; }

    public TelegramCallbackQueryPayload? CallbackQuery { get; init; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Other { get; init; }
}
