using System.Diagnostics;
using Byoc.Bench.Measurement;

namespace Byoc.Bench.Tests.Measurement;

public sealed class ConversationLedgerTests
{
    [Fact]
    public void Counts_EveryReplyOnceInOrder_IsClean()
    {
        var ledger = Ledger(users: 2, messages: 2);

        ledger.Reply(0, 0, "d1", Stopwatch.GetTimestamp());
        ledger.Reply(0, 1, "d2", Stopwatch.GetTimestamp());
        ledger.Reply(1, 0, "d3", Stopwatch.GetTimestamp());
        ledger.Reply(1, 1, "d4", Stopwatch.GetTimestamp());

        Assert.Equal(new LedgerCounts(4, 4, 0, 0, 0, 0, 0), ledger.Counts());
        Assert.True(ledger.Counts().Clean);
        Assert.Equal(4, ledger.Latency.Count);
    }

    [Fact]
    public void Counts_MissingReply_IsLost()
    {
        var ledger = Ledger(users: 1, messages: 2);

        ledger.Reply(0, 0, "d1", Stopwatch.GetTimestamp());

        Assert.Equal(1, ledger.Counts().Lost);
        Assert.False(ledger.Counts().Clean);
    }

    [Fact]
    public void Counts_SameDeliveryIdTwice_IsARedeliveryNotADuplicate()
    {
        var ledger = Ledger(users: 1, messages: 1);

        ledger.Reply(0, 0, "d1", Stopwatch.GetTimestamp());
        ledger.Reply(0, 0, "d1", Stopwatch.GetTimestamp());

        Assert.Equal((1, 0, true), (ledger.Counts().Redelivered, ledger.Counts().Duplicated, ledger.Counts().Clean));
    }

    [Fact]
    public void Counts_SecondReplyUnderANewId_IsADuplicate()
    {
        var ledger = Ledger(users: 1, messages: 1);

        ledger.Reply(0, 0, "d1", Stopwatch.GetTimestamp());
        ledger.Reply(0, 0, "d2", Stopwatch.GetTimestamp());

        Assert.Equal((1, false), (ledger.Counts().Duplicated, ledger.Counts().Clean));
    }

    [Fact]
    public void Counts_EarlierMessageAnsweredLater_IsOutOfOrder()
    {
        var ledger = Ledger(users: 1, messages: 2);

        ledger.Reply(0, 1, "d2", Stopwatch.GetTimestamp());
        ledger.Reply(0, 0, "d1", Stopwatch.GetTimestamp());

        Assert.Equal((1, 0, false), (ledger.Counts().OutOfOrder, ledger.Counts().Lost, ledger.Counts().Clean));
    }

    [Fact]
    public void Counts_ReplyToAMessageNeverSent_IsUnexpected()
    {
        var ledger = new ConversationLedger(1, 2);
        ledger.Sent(0, 0, Stopwatch.GetTimestamp());
        ledger.Accepted(0, 0);

        ledger.Reply(0, 1, "d1", Stopwatch.GetTimestamp());

        Assert.Equal(1, ledger.Counts().Unexpected);
    }

    [Fact]
    public async Task ReplyTo_CompletesWhenTheReplyArrives_AndWarmUpUsersOnlySignalWarmReply()
    {
        var ledger = Ledger(users: 1, messages: 1);
        var waiting = ledger.ReplyTo(0, 0);

        ledger.Reply(5, 0, "warm", Stopwatch.GetTimestamp());
        Assert.True(ledger.WarmReply.IsCompleted);
        Assert.False(waiting.IsCompleted);

        ledger.Reply(0, 0, "d1", Stopwatch.GetTimestamp());
        await waiting.WaitAsync(TimeSpan.FromSeconds(5), TestContext.Current.CancellationToken);
    }

    private static ConversationLedger Ledger(int users, int messages)
    {
        var ledger = new ConversationLedger(users, messages);
        for (var user = 0; user < users; user++)
        {
            for (var sequence = 0; sequence < messages; sequence++)
            {
                ledger.Sent(user, sequence, Stopwatch.GetTimestamp());
                ledger.Accepted(user, sequence);
            }
        }

        return ledger;
    }
}
