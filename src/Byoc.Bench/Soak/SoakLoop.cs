using System.Diagnostics;
using Byoc.Bench.Faults;
using Byoc.Bench.Hosting;

namespace Byoc.Bench.Soak;

/// <summary>
/// Runs a <see cref="SoakPlan"/>'s org-side events while the load runs (the kills are the <see cref="Crash.CrashLoop"/>'s):
/// switches the fault mix on and off and restarts the emulated org, and afterwards names the cause each message was sent
/// under, so the books can be split per cause.
/// </summary>
internal sealed class SoakLoop(EmulatedOrg org, SoakPlan plan)
{
    private readonly List<(long From, long To)> _faultWindows = [];
    private readonly List<long> _orgRestarts = [];

    /// <summary>Restarts of the emulated org done so far.</summary>
    public int OrgRestarts => _orgRestarts.Count;

    /// <summary>Runs the schedule from <paramref name="startTimestamp"/>; stopping it switches the faults off.</summary>
    public async Task RunAsync(long startTimestamp, CancellationToken stop, CancellationToken cancellationToken)
    {
        var events = new List<(double At, Func<Task> Act)>();
        foreach (var (from, to) in SoakPlan.FaultPhases)
        {
            events.Add((from, async () =>
            {
                await org.SetFaultsAsync(FaultProfiles.Standard, cancellationToken);
                _faultWindows.Add((Stopwatch.GetTimestamp(), long.MaxValue));
            }
            ));
            events.Add((to, StopFaultsAsync));
        }

        events.Add((SoakPlan.OrgRestartAt, async () =>
        {
            _orgRestarts.Add(Stopwatch.GetTimestamp());
            await org.RestartAsync(cancellationToken);
        }
        ));

        try
        {
            foreach (var (at, act) in events.OrderBy(e => e.At))
            {
                var wait = plan.Duration * at - Stopwatch.GetElapsedTime(startTimestamp);
                if (wait > TimeSpan.Zero)
                {
                    await Task.Delay(wait, stop);
                }

                await act();
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            await StopFaultsAsync();
        }
    }

    /// <summary>Names the cause a message sent at a timestamp counts against: org restart, SIGKILL (one of <paramref name="kills"/>), faults or calm.</summary>
    public Func<long, string> Causes(IReadOnlyList<long> kills)
    {
        var before = (long)(plan.Window.TotalSeconds / 2 * Stopwatch.Frequency);
        var after = (long)(plan.Window.TotalSeconds * Stopwatch.Frequency);
        bool Near(IEnumerable<long> events, long sent) => events.Any(e => sent >= e - before && sent < e + after);
        return sent =>
            Near(_orgRestarts, sent) ? "org restart"
            : Near(kills, sent) ? "SIGKILL"
            : _faultWindows.Any(w => sent >= w.From && sent < w.To) ? "faults"
            : "calm";
    }

    private async Task StopFaultsAsync()
    {
        if (_faultWindows is [.., (var from, long.MaxValue)])
        {
            await org.SetFaultsAsync(new(), CancellationToken.None);
            _faultWindows[^1] = (from, Stopwatch.GetTimestamp());
        }
    }
}
