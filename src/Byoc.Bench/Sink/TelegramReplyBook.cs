using System.Diagnostics;
using System.Globalization;
using Byoc.Bench.Measurement;
using Byoc.Bench.Workload;
using Byoc.TestUtilities.Platforms.Telegram;

namespace Byoc.Bench.Sink;

/// <summary>
/// The receiving end on Telegram: books every echo reply the bot sent and the local Telegram fake accepted
/// (<c>sendMessage</c> answered ok), by chat and <c>message_id</c>, at the time the fake accepted it. Other messages (the
/// agent's joined notice) are not booked.
/// </summary>
internal sealed class TelegramReplyBook : IAsyncDisposable
{
    private readonly FakeTelegram _telegram;
    private readonly ConversationLedger _ledger;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;
    private int _received;

    public TelegramReplyBook(FakeTelegram telegram, ConversationLedger ledger)
    {
        _telegram = telegram;
        _ledger = ledger;
        _loop = Task.Run(() => BookAsync(_stop.Token));
    }

    /// <summary>Messages the bot sent that the fake accepted, echo replies or not.</summary>
    public int Received => Volatile.Read(ref _received);

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        try
        {
            await _loop;
        }
        catch (OperationCanceledException)
        {
            // Stopped.
        }

        _stop.Dispose();
    }

    private async Task BookAsync(CancellationToken cancellationToken)
    {
        var booked = 0;
        while (true)
        {
            await _telegram.SentMessages.WaitForCountAsync(booked + 1, _ => true, cancellationToken);
            var messages = _telegram.SentMessages.Items;
            var now = TimeProvider.System.GetUtcNow();
            var timestamp = Stopwatch.GetTimestamp();
            for (; booked < messages.Count; booked++)
            {
                var message = messages[booked];
                Interlocked.Increment(ref _received);
                if (BenchText.TryParseReply(message.Text, out var user, out var sequence))
                {
                    // The fake stamps SentAt on the system clock when it accepted the message; move it onto the stopwatch.
                    var arrival = timestamp - (long)((now - message.SentAt).TotalSeconds * Stopwatch.Frequency);
                    _ledger.Reply(user, sequence, string.Create(CultureInfo.InvariantCulture, $"{message.ChatId}/{message.MessageId}"), arrival);
                }
            }
        }
    }
}
