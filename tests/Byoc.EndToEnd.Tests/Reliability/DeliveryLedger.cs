using System.Globalization;
using System.Text.RegularExpressions;
using Byoc.Emulator.Org.Records;

namespace Byoc.EndToEnd.Tests.Reliability;

/// <summary>
/// Compares what the platform sent with what the org logged, and what the org's agent answered with what reached the
/// platform: per conversation, every message once and in order. Reads the org's transcript (ConversationEntry) and the
/// platform sink's received POSTs.
/// </summary>
internal sealed partial class DeliveryLedger(Workload workload, OrgStore org, IReadOnlyCollection<PlatformSink.Delivery> posts)
{
    /// <summary>Counts of one comparison; all problem counts are zero in a correct run.</summary>
    internal sealed record Report(
        int Sent, int Logged, int InboundDuplicates, int InboundMissing, int InboundOutOfOrder,
        int Replies, int RepliesReceived, int RepliesMissing, int RepliesOutOfOrder, int RepeatedPosts, int RepliesNotAcknowledged)
    {
        public bool InboundComplete => Logged == Sent && InboundMissing == 0;

        public override string ToString() => string.Create(CultureInfo.InvariantCulture,
            $"inbound: sent {Sent}, logged {Logged}, duplicates {InboundDuplicates}, missing {InboundMissing}, out of order {InboundOutOfOrder}; " +
            $"outbound: agent replies {Replies}, received {RepliesReceived}, missing {RepliesMissing}, out of order {RepliesOutOfOrder}, " +
            $"repeated POSTs (same webhook-id) {RepeatedPosts}, replies not acknowledged as Delivered {RepliesNotAcknowledged}");
    }

    public Report Compare()
    {
        var entries = org.Records("ConversationEntry");
        var logged = new List<(int User, int Index, string Session, long Seq)>();
        var sessionOfUser = new Dictionary<int, string>();
        foreach (var entry in entries.Where(e => e.GetString("ActorType") == "EndUser"))
        {
            if (entry.GetString("Message") is { } text && Tag().Match(text) is { Success: true } match)
            {
                var user = int.Parse(match.Groups["user"].Value, CultureInfo.InvariantCulture);
                var session = entry.GetString("ConversationId")![..15];
                logged.Add((user, int.Parse(match.Groups["index"].Value, CultureInfo.InvariantCulture), session, Seq(entry)));
                sessionOfUser.TryAdd(user, session);
            }
        }

        var inboundDuplicates = logged.Count - logged.Select(l => (l.User, l.Index)).Distinct().Count();
        var inboundMissing = workload.Total - logged.Select(l => (l.User, l.Index)).Distinct().Count();
        var inboundOutOfOrder = logged.GroupBy(l => l.User).Sum(g => OutOfOrder(g.OrderBy(l => l.Seq).Select(l => l.Index).ToList()));

        var postsByUser = posts.Where(p => p.Type is "message" or "choices")
            .GroupBy(p => p.Json["userId"]!.GetValue<string>(), StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Select(p => p.Id).ToList(), StringComparer.Ordinal);
        var repeatedPosts = postsByUser.Values.Sum(ids => ids.Count - ids.Distinct(StringComparer.Ordinal).Count());
        int replies = 0, received = 0, missing = 0, outOfOrder = 0, notAcknowledged = 0;
        foreach (var (user, session) in sessionOfUser)
        {
            var expected = entries
                .Where(e => e.GetString("ActorType") is "Bot" or "Agent" && e.GetString("MessageStatus") is not null
                    && e.GetString("ConversationId")?[..15] == session)
                .OrderBy(Seq)
                .ToList();
            var arrived = postsByUser.GetValueOrDefault(workload.UserId(user)) ?? [];
            var firstArrivals = arrived.Distinct(StringComparer.Ordinal).ToList();
            replies += expected.Count;
            received += expected.Count(e => firstArrivals.Contains(e.GetString("MessageIdentifier")!, StringComparer.Ordinal));
            missing += expected.Count(e => !firstArrivals.Contains(e.GetString("MessageIdentifier")!, StringComparer.Ordinal));
            var positions = expected.Select(e => firstArrivals.IndexOf(e.GetString("MessageIdentifier")!)).Where(p => p >= 0).ToList();
            outOfOrder += OutOfOrder(positions);
            notAcknowledged += expected.Count(e => e.GetString("MessageStatus") is not ("Delivered" or "Read"));
        }

        return new Report(workload.Total, logged.Count, inboundDuplicates, inboundMissing, inboundOutOfOrder,
            replies, received, missing, outOfOrder, repeatedPosts, notAcknowledged);
    }

    /// <summary>How many elements are smaller than an element before them.</summary>
    private static int OutOfOrder(IReadOnlyList<int> sequence)
    {
        var count = 0;
        var highest = int.MinValue;
        foreach (var value in sequence)
        {
            if (value < highest)
            {
                count++;
            }

            highest = Math.Max(highest, value);
        }

        return count;
    }

    /// <summary>The org's insertion order, which is the transcript's order.</summary>
    private static long Seq(SObjectRecord entry) => entry.Sequence;

    [GeneratedRegex(@"^\[u(?<user>\d+) #(?<index>\d+)\]", RegexOptions.None, 200)]
    private static partial Regex Tag();
}
