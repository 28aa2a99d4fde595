using System.Diagnostics;

namespace Byoc.Bench.Measurement;

/// <summary>
/// The books of one run: when each end user's message was sent (or due), which replies came back and in what order.
/// A reply repeated under the same delivery id is a redelivery (at-least-once; the receiver de-duplicates it); a second
/// reply to the same message under a new id is a duplicate; a reply older than one already seen is out of order; an
/// accepted message without a reply at the end is lost.
/// </summary>
internal sealed class ConversationLedger
{
    private readonly Lock _lock = new();
    private readonly UserBook[] _users;
    private readonly HashSet<string> _deliveryIds = new(StringComparer.Ordinal);
    private readonly TaskCompletionSource _warmReply = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private long _replies;
    private long _lastReplyTimestamp;
    private int _redelivered;
    private int _duplicated;
    private int _outOfOrder;
    private int _unexpected;

    public ConversationLedger(int users, int messagesPerUser)
    {
        _users = new UserBook[users];
        for (var i = 0; i < users; i++)
        {
            _users[i] = new UserBook(messagesPerUser);
        }

        Latency = new LatencyHistogram();
    }

    /// <summary>End users of the measured workload.</summary>
    public int Users => _users.Length;

    /// <summary>Messages each end user sends.</summary>
    public int MessagesPerUser => _users[0].SentAt.Length;

    /// <summary>Latency from send (or due time, in open loop) to the reply's arrival.</summary>
    public LatencyHistogram Latency { get; }

    /// <summary>Completes when a reply to a warm-up user arrived (any user index past <see cref="Users"/>).</summary>
    public Task WarmReply => _warmReply.Task;

    /// <summary>Distinct replies received so far.</summary>
    public long Replies => Interlocked.Read(ref _replies);

    /// <summary><see cref="Stopwatch"/> timestamp of the latest first-time reply.</summary>
    public long LastReplyTimestamp => Interlocked.Read(ref _lastReplyTimestamp);

    /// <summary>Records that a message is (about to be) sent; latency counts from <paramref name="timestamp"/>.</summary>
    public void Sent(int user, int sequence, long timestamp)
    {
        var book = _users[user];
        lock (_lock)
        {
            book.SentAt[sequence] = timestamp;
        }
    }

    /// <summary>Records that the connector (or the API) accepted the message: from now on a missing reply is a loss.</summary>
    public void Accepted(int user, int sequence)
    {
        lock (_lock)
        {
            _users[user].Accepted[sequence] = true;
        }
    }

    /// <summary>Completes when the reply to this message arrived.</summary>
    public Task ReplyTo(int user, int sequence)
    {
        lock (_lock)
        {
            var book = _users[user];
            return book.Replied[sequence]
                ? Task.CompletedTask
                : (book.Waiters[sequence] ??= new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).Task;
        }
    }

    /// <summary>Books one delivery of a reply to <paramref name="user"/>'s message <paramref name="sequence"/>.</summary>
    public void Reply(int user, int sequence, string deliveryId, long arrivalTimestamp)
    {
        if (user >= _users.Length)
        {
            _warmReply.TrySetResult();
            return;
        }

        TaskCompletionSource? waiter;
        lock (_lock)
        {
            if (!_deliveryIds.Add(deliveryId))
            {
                _redelivered++;
                return;
            }

            if (user < 0 || sequence < 0 || sequence >= MessagesPerUser || _users[user].SentAt[sequence] == 0)
            {
                _unexpected++;
                return;
            }

            var book = _users[user];
            if (book.Replied[sequence])
            {
                _duplicated++;
                book.Duplicated[sequence] = true;
                return;
            }

            if (sequence < book.Highest)
            {
                _outOfOrder++;
                book.OutOfOrder[sequence] = true;
            }

            book.Highest = Math.Max(book.Highest, sequence);
            book.Replied[sequence] = true;
            waiter = book.Waiters[sequence];
            Latency.Record(Stopwatch.GetElapsedTime(book.SentAt[sequence], arrivalTimestamp));
            _replies++;
            _lastReplyTimestamp = arrivalTimestamp;
        }

        waiter?.TrySetResult();
    }

    /// <summary>The loss, duplicate and order counts now.</summary>
    public LedgerCounts Counts()
    {
        lock (_lock)
        {
            var accepted = 0;
            var lost = 0;
            foreach (var book in _users)
            {
                for (var i = 0; i < book.Accepted.Length; i++)
                {
                    if (book.Accepted[i])
                    {
                        accepted++;
                        lost += book.Replied[i] ? 0 : 1;
                    }
                }
            }

            return new LedgerCounts(accepted, (int)_replies, lost, _duplicated, _redelivered, _outOfOrder, _unexpected);
        }
    }

    /// <summary>
    /// The loss, duplicate and order counts per cause: <paramref name="causeOf"/> names the cause of each message from the
    /// <see cref="Stopwatch"/> timestamp it was sent (or due) at. A duplicate or late reply counts against its message.
    /// </summary>
    public IReadOnlyDictionary<string, LedgerCounts> CountsBy(Func<long, string> causeOf)
    {
        ArgumentNullException.ThrowIfNull(causeOf);
        var tallies = new SortedDictionary<string, int[]>(StringComparer.Ordinal);
        lock (_lock)
        {
            foreach (var book in _users)
            {
                for (var i = 0; i < book.Accepted.Length; i++)
                {
                    if (!book.Accepted[i])
                    {
                        continue;
                    }

                    var cause = causeOf(book.SentAt[i]);
                    if (!tallies.TryGetValue(cause, out var tally))
                    {
                        tallies[cause] = tally = new int[5];
                    }

                    tally[0]++;
                    tally[1] += book.Replied[i] ? 1 : 0;
                    tally[2] += book.Replied[i] ? 0 : 1;
                    tally[3] += book.Duplicated[i] ? 1 : 0;
                    tally[4] += book.OutOfOrder[i] ? 1 : 0;
                }
            }
        }

        return tallies.ToDictionary(t => t.Key, t => new LedgerCounts(t.Value[0], t.Value[1], t.Value[2], t.Value[3], 0, t.Value[4], 0),
            StringComparer.Ordinal);
    }

    private sealed class UserBook(int messages)
    {
        public bool[] Duplicated { get; } = new bool[messages];

        public bool[] OutOfOrder { get; } = new bool[messages];

        public long[] SentAt { get; } = new long[messages];

        public bool[] Accepted { get; } = new bool[messages];

        public bool[] Replied { get; } = new bool[messages];

        public TaskCompletionSource?[] Waiters { get; } = new TaskCompletionSource?[messages];

        public int Highest { get; set; } = -1;
    }
}
