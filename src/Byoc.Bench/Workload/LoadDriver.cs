using System.Diagnostics;
using System.Globalization;
using Byoc.Bench.Measurement;
using Byoc.Core.Delivery;

namespace Byoc.Bench.Workload;

/// <summary>
/// Runs a <see cref="WorkloadShape"/>: one task per end user, sending in order (the next send waits for the previous one's
/// answer, so the system stores each user's messages in send order). Transient failures are retried with the same message id
/// (backoff 50 ms doubling to 1 s), as a platform does, so a connector restart costs no message.
/// </summary>
internal sealed class LoadDriver(IMessageSender sender, ConversationLedger ledger, string runId)
{
    private static readonly TimeSpan s_replyTimeout = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan s_maxBackoff = TimeSpan.FromSeconds(1);

    private int _accepted;
    private int _rejected;
    private int _retries;
    private long _lastAccept;

    public async Task<DriveResult> RunAsync(WorkloadShape shape, CancellationToken cancellationToken)
    {
        var start = Stopwatch.GetTimestamp();
        await Task.WhenAll(Enumerable.Range(0, shape.Users).Select(user => Task.Run(() => RunUserAsync(shape, user, start, cancellationToken),
            cancellationToken)));
        return new DriveResult(start, Interlocked.Read(ref _lastAccept), _accepted, _rejected, _retries);
    }

    /// <summary>Sends warm-up messages (one every two seconds) until the first reply arrived: the pipeline is then wired end to end.</summary>
    public async Task WarmUpAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        for (var attempt = 0; !ledger.WarmReply.IsCompleted; attempt++)
        {
            var user = BenchText.WarmupUserBase + attempt;
            _ = await sender.SendAsync(user, $"{runId}-warmup-{attempt}", BenchText.Message(user, 0), deadline.Token);
            try
            {
                await ledger.WarmReply.WaitAsync(TimeSpan.FromSeconds(2), deadline.Token);
            }
            catch (TimeoutException)
            {
                // No reply yet: the subscription may not be live; send another.
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                throw new TimeoutException($"No reply to a warm-up message within {timeout.TotalSeconds:0} s: the connector is not wired to the org.");
            }
        }
    }

    private async Task RunUserAsync(WorkloadShape shape, int user, long start, CancellationToken cancellationToken)
    {
        for (var sequence = 0; sequence < shape.MessagesPerUser; sequence++)
        {
            var due = start;
            if (shape.RatePerSecond is { } rate)
            {
                var index = ((long)sequence * shape.Users) + user;
                due = start + (long)(index / rate * Stopwatch.Frequency);
                var wait = Stopwatch.GetElapsedTime(Stopwatch.GetTimestamp(), due);
                if (wait > TimeSpan.Zero)
                {
                    await Task.Delay(wait, cancellationToken);
                }
            }
            else
            {
                due = Stopwatch.GetTimestamp();
            }

            ledger.Sent(user, sequence, due);
            if (!await SendUntilAnsweredAsync(user, sequence, cancellationToken) || shape.IsOpenLoop)
            {
                continue;
            }

            try
            {
                await ledger.ReplyTo(user, sequence).WaitAsync(s_replyTimeout, cancellationToken);
            }
            catch (TimeoutException)
            {
                // Counted as lost at the end unless it still arrives; the user carries on.
            }
        }
    }

    private async Task<bool> SendUntilAnsweredAsync(int user, int sequence, CancellationToken cancellationToken)
    {
        var id = string.Create(CultureInfo.InvariantCulture, $"{runId}-u{user}-s{sequence}");
        var text = BenchText.Message(user, sequence);
        var backoff = TimeSpan.FromMilliseconds(50);
        while (true)
        {
            switch (await sender.SendAsync(user, id, text, cancellationToken))
            {
                case DeliveryOutcomeKind.Succeeded:
                    ledger.Accepted(user, sequence);
                    Interlocked.Increment(ref _accepted);
                    Interlocked.Exchange(ref _lastAccept, Stopwatch.GetTimestamp());
                    return true;
                case DeliveryOutcomeKind.Permanent:
                    Interlocked.Increment(ref _rejected);
                    return false;
                default:
                    Interlocked.Increment(ref _retries);
                    await Task.Delay(backoff, cancellationToken);
                    backoff = TimeSpan.FromTicks(Math.Min(backoff.Ticks * 2, s_maxBackoff.Ticks));
                    break;
            }
        }
    }
}
