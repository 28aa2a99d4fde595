using System.Globalization;
using System.Text.Json;
using Byoc.Core.Channels;
using Byoc.Core.Messages;
using Byoc.Core.Storage;

namespace Byoc.Connector.Channels;

/// <summary>
/// The choices a text-only end user was offered and has not answered, kept in the durable per-user log (keys
/// <c>choices:{entry}</c> and <c>answered:{entry}</c>), so that "2" or "Tomorrow" typed after a restart still becomes the
/// pick of the latest open choices message.
/// </summary>
internal sealed class PendingChoices(IChatLogStore log)
{
    private const string OfferedPrefix = "choices:";
    private const string AnsweredPrefix = "answered:";
    private const int PageSize = 200;

    /// <summary>Remembers the options of a choices message shown as text, so that a typed answer maps back.</summary>
    public async Task OfferAsync(OutboundMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        var offer = new Offer(message.EntryIdentifier, [.. message.Choices]);
        await log.AppendAsync(message.Channel, message.PlatformUserId, OfferedPrefix + message.EntryIdentifier,
            JsonSerializer.Serialize(offer), cancellationToken);
    }

    /// <summary>The text typed as a pick of the latest open offer (its number or its title), or null.</summary>
    public async Task<ChoiceMatch?> MatchAsync(string channel, string platformUserId, string? text, CancellationToken cancellationToken)
    {
        var typed = text?.Trim().TrimEnd('.', ')');
        if (string.IsNullOrEmpty(typed) || await LatestOpenAsync(channel, platformUserId, cancellationToken) is not { } offer)
        {
            return null;
        }

        var option = int.TryParse(typed, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number >= 1 && number <= offer.Options.Count
            ? offer.Options[number - 1]
            : offer.Options.FirstOrDefault(o => string.Equals(o.Title.Trim(), typed, StringComparison.OrdinalIgnoreCase));
        return option is null ? null : new ChoiceMatch(offer.EntryIdentifier, option);
    }

    /// <summary>Marks the offer of <paramref name="entryIdentifier"/> answered, so later typed text no longer picks from it.</summary>
    public Task AnsweredAsync(string channel, string platformUserId, string entryIdentifier, CancellationToken cancellationToken) =>
        log.AppendAsync(channel, platformUserId, AnsweredPrefix + entryIdentifier, "{}", cancellationToken);

    private async Task<Offer?> LatestOpenAsync(string channel, string platformUserId, CancellationToken cancellationToken)
    {
        Offer? latest = null;
        long after = 0;
        while (true)
        {
            var page = await log.ReadAfterAsync(channel, platformUserId, after, PageSize, cancellationToken);
            foreach (var entry in page)
            {
                if (entry.Key.StartsWith(OfferedPrefix, StringComparison.Ordinal))
                {
                    latest = JsonSerializer.Deserialize<Offer>(entry.Payload);
                }
                else if (entry.Key.StartsWith(AnsweredPrefix, StringComparison.Ordinal) && latest?.EntryIdentifier == entry.Key[AnsweredPrefix.Length..])
                {
                    latest = null;
                }
            }

            if (page.Count < PageSize)
            {
                return latest;
            }

            after = page[^1].Sequence;
        }
    }

    /// <summary>One offered choices message.</summary>
    internal sealed record Offer(string EntryIdentifier, IReadOnlyList<ChoiceOption> Options);
}
