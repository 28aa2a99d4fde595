using System.Globalization;
using System.Text;
using Byoc.Core.Storage;

namespace Byoc.Connector.Channels.Meta;

/// <summary>
/// What a Messenger channel keeps per end user (PSID) in the connector's store, so a restart, or another instance on the
/// same PostgreSQL, agrees: under <c>messenger:last-inbound</c> when they last wrote and that message's mid (the start of
/// the standard messaging window, and what <c>mark_seen</c> answers), as "{Unix milliseconds} {mid}", where the time is
/// Meta's and only a later message moves it (a redelivery days later does not reopen a closed window); and under
/// <c>messenger:sent</c> the entries recently sent to them, one line each ("{entry}\t{Unix milliseconds}\t{mids}"), which
/// Messenger's delivery and read watermarks ("everything sent at or before") are applied to. An entry is recorded before
/// its send, with the time just before it, so a watermark that overtakes the Send API's answer still finds it; a failed
/// send removes it again. The list keeps the newest <see cref="MaxSent"/> entries, none older than the tag window.
/// </summary>
internal sealed class MessengerEndUsers(string channel, IEndUserStateStore store, TimeProvider timeProvider, TimeSpan keepSent)
{
    /// <summary>The most entries kept per end user for watermarks.</summary>
    public const int MaxSent = 50;

    private const string LastInboundKey = "messenger:last-inbound";
    private const string SentKey = "messenger:sent";

    /// <summary>Records the message <paramref name="mid"/> that <paramref name="user"/> sent at <paramref name="at"/>.</summary>
    public async Task WroteAsync(string user, string mid, DateTimeOffset at, CancellationToken cancellationToken)
    {
        if (await LastAsync(user, cancellationToken) is { } last && (last.At > at || last.Mid == mid))
        {
            return;
        }

        await store.SetAsync(channel, user, LastInboundKey,
            at.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture) + " " + mid, cancellationToken);
    }

    /// <summary>When <paramref name="user"/> last wrote and that message's mid, or null when they never did.</summary>
    public async Task<(DateTimeOffset At, string Mid)?> LastAsync(string user, CancellationToken cancellationToken)
    {
        if (await store.GetAsync(channel, user, LastInboundKey, cancellationToken) is not { } value)
        {
            return null;
        }

        var parts = value.Split(' ', 2);
        return long.TryParse(parts[0], NumberStyles.Integer, CultureInfo.InvariantCulture, out var at)
            ? (DateTimeOffset.FromUnixTimeMilliseconds(at), parts.Length == 2 ? parts[1] : "")
            : null;
    }

    /// <summary>The entries recently sent to <paramref name="user"/>, oldest first.</summary>
    public async Task<IReadOnlyList<MessengerSentEntry>> SentAsync(string user, CancellationToken cancellationToken)
    {
        var value = await store.GetAsync(channel, user, SentKey, cancellationToken);
        var entries = new List<MessengerSentEntry>();
        foreach (var line in (value ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            var parts = line.Split('\t');
            if (parts.Length == 3 && long.TryParse(parts[1], NumberStyles.Integer, CultureInfo.InvariantCulture, out var at))
            {
                entries.Add(new MessengerSentEntry(parts[0], DateTimeOffset.FromUnixTimeMilliseconds(at),
                    parts[2].Split(',', StringSplitOptions.RemoveEmptyEntries)));
            }
        }

        return entries;
    }

    /// <summary>Records <paramref name="entry"/> as being sent now (before the Send API call); a retry keeps the first time.</summary>
    public Task SendingAsync(string user, string entry, CancellationToken cancellationToken) =>
        UpdateAsync(user, entries =>
        {
            if (!entries.Any(e => e.Entry == entry))
            {
                entries.Add(new MessengerSentEntry(entry, timeProvider.GetUtcNow(), []));
            }
        }, cancellationToken);

    /// <summary>Adds the mid the Send API gave one part of <paramref name="entry"/>, which delivery events may name.</summary>
    public Task SentAsync(string user, string entry, string mid, CancellationToken cancellationToken) =>
        UpdateAsync(user, entries =>
        {
            var index = entries.FindIndex(e => e.Entry == entry);
            if (index >= 0 && !entries[index].Mids.Contains(mid, StringComparer.Ordinal))
            {
                entries[index] = entries[index] with { Mids = [.. entries[index].Mids, mid] };
            }
        }, cancellationToken);

    /// <summary>Removes <paramref name="entry"/> after a send that failed: no watermark may acknowledge it.</summary>
    public Task FailedAsync(string user, string entry, CancellationToken cancellationToken) =>
        UpdateAsync(user, entries => entries.RemoveAll(e => e.Entry == entry), cancellationToken);

    private async Task UpdateAsync(string user, Action<List<MessengerSentEntry>> change, CancellationToken cancellationToken)
    {
        // Entry ids are Salesforce's (no tabs, commas or new lines); one that has them is not tracked.
        var entries = (await SentAsync(user, cancellationToken)).ToList();
        change(entries);
        var oldest = timeProvider.GetUtcNow() - keepSent;
        var kept = entries.Where(e => e.At >= oldest && e.Entry.IndexOfAny(['\t', '\n', ',']) < 0).TakeLast(MaxSent);
        var text = new StringBuilder();
        foreach (var entry in kept)
        {
            text.Append(entry.Entry).Append('\t').Append(entry.At.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture))
                .Append('\t').AppendJoin(',', entry.Mids).Append('\n');
        }

        await store.SetAsync(channel, user, SentKey, text.Length == 0 ? null : text.ToString(), cancellationToken);
    }
}
