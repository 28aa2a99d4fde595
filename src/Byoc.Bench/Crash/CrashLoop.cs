using System.Diagnostics;
using Byoc.Bench.Hosting;
using Byoc.Bench.Measurement;

namespace Byoc.Bench.Crash;

/// <summary>
/// Kills the connector (SIGKILL) every <see cref="CrashPlan.KillEvery"/> and restarts it on the same port and database,
/// measuring each recovery. Stopping it only stops the killing: a restart in progress completes.
/// </summary>
internal sealed class CrashLoop(ConnectorProcess connector, UsageMeter meter, ConversationLedger ledger, CrashPlan plan)
{
    private static readonly TimeSpan s_replyWait = TimeSpan.FromSeconds(30);

    public List<Recovery> Recoveries { get; } = [];

    /// <summary>The <see cref="Stopwatch"/> timestamp of each kill.</summary>
    public List<long> KillTimestamps { get; } = [];

    public async Task RunAsync(CancellationToken stopKilling, CancellationToken cancellationToken)
    {
        while (true)
        {
            try
            {
                await Task.Delay(plan.KillEvery, stopKilling);
            }
            catch (OperationCanceledException)
            {
                return;
            }

            meter.Sample();
            var killedAt = Stopwatch.GetTimestamp();
            KillTimestamps.Add(killedAt);
            connector.Kill();
            await connector.StartInstanceAsync(cancellationToken);
            meter.Track(connector.ProcessId);
            var healthy = Stopwatch.GetElapsedTime(killedAt);
            var healthyAt = Stopwatch.GetTimestamp();
            double? firstReply = null;
            while (Stopwatch.GetElapsedTime(healthyAt) < s_replyWait && !stopKilling.IsCancellationRequested)
            {
                if (ledger.LastReplyTimestamp > healthyAt)
                {
                    firstReply = Stopwatch.GetElapsedTime(killedAt, ledger.LastReplyTimestamp).TotalSeconds;
                    break;
                }

                await Task.Delay(10, cancellationToken);
            }

            Recoveries.Add(new Recovery(healthy.TotalSeconds, firstReply));
        }
    }
}
