using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Byoc.Core.Delivery;
using Byoc.Core.Messages;
using Byoc.Core.Storage;

namespace Byoc.Connector.Channels.Twilio;

/// <summary>
/// WhatsApp quick-reply buttons through Twilio's Content API: one <c>twilio/quick-reply</c> content resource per distinct
/// set of options (its body the variable <c>{{1}}</c>, filled with each message's text), its <c>HX…</c> sid kept in the
/// connector's store under the channel, so a set is created once, not per message or per restart. A tap comes back as
/// <c>ButtonPayload</c> (the option's identifier) and <c>ButtonText</c> (its title).
/// </summary>
internal sealed class TwilioQuickReplies(string channel, TwilioApi api, IEndUserStateStore store)
{
    // Twilio, "twilio/quick-reply": an in-session WhatsApp message that needs no template approval takes at most 3
    // buttons; body at most 1,024 characters. Button titles: WhatsApp's reply-button limit of 20 characters; ids: Twilio's
    // common components allow 200 characters (chosen as the limit here; WhatsApp itself takes 256).
    internal const int MaxButtons = 3;
    internal const int MaxTitleLength = 20;
    internal const int MaxIdLength = 200;
    internal const int MaxBodyLength = 1024;

    /// <summary>The stored sids' subject: the channel itself rather than one end user.</summary>
    private const string ChannelSubject = "*channel";

    /// <summary>The text above the buttons when the agent sent none (a quick reply needs a body).</summary>
    internal const string DefaultBody = "Please choose:";

    /// <summary>Whether the choices can be shown as in-session quick-reply buttons; else they go as numbered text.</summary>
    public static bool Fit(OutboundMessage message) =>
        message.Choices.Count is >= 1 and <= MaxButtons
        && (message.Text?.Length ?? 0) <= MaxBodyLength
        && message.Choices.All(o => o.Title.Trim().Length is >= 1 and <= MaxTitleLength && o.Identifier.Length is >= 1 and <= MaxIdLength)
        && message.Choices.Select(o => o.Title.Trim()).Distinct(StringComparer.Ordinal).Count() == message.Choices.Count;

    /// <summary>The fields that send <paramref name="message"/> as buttons, or the failure of creating its content.</summary>
    public async Task<(KeyValuePair<string, string>[]? Fields, DeliveryOutcome Outcome)> FieldsAsync(OutboundMessage message,
        CancellationToken cancellationToken)
    {
        var options = message.Choices.Select(o => (o.Identifier, Title: o.Title.Trim())).ToList();
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(
            JsonSerializer.Serialize(options.Select(o => new[] { o.Identifier, o.Title })))));
        var key = "twilio:quick-reply:" + hash;
        var sid = await store.GetAsync(channel, ChannelSubject, key, cancellationToken);
        if (sid is null)
        {
            var (created, outcome) = await api.CreateContentAsync(Content(options, hash), cancellationToken);
            if (created is null)
            {
                return (null, outcome);
            }

            await store.SetAsync(channel, ChannelSubject, key, created, cancellationToken);
            sid = created;
        }

        var body = string.IsNullOrWhiteSpace(message.Text) ? DefaultBody : message.Text;
        return ([new("ContentSid", sid), new("ContentVariables", JsonSerializer.Serialize(new Dictionary<string, string> { ["1"] = body }))],
            DeliveryOutcome.Succeeded);
    }

    /// <summary>The Content API resource: a quick reply, with a plain-text type for channels without buttons.</summary>
    private static JsonObject Content(List<(string Identifier, string Title)> options, string hash) => new()
    {
        ["friendly_name"] = "byoc_choices_" + hash[..16],
        ["language"] = "en",
        ["variables"] = new JsonObject { ["1"] = DefaultBody },
        ["types"] = new JsonObject
        {
            ["twilio/quick-reply"] = new JsonObject
            {
                ["body"] = "{{1}}",
                ["actions"] = new JsonArray([.. options.Select(o => (JsonNode)new JsonObject { ["title"] = o.Title, ["id"] = o.Identifier })]),
            },
            ["twilio/text"] = new JsonObject { ["body"] = "{{1}}" },
        },
    };
}
