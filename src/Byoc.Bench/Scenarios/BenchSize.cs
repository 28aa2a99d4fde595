namespace Byoc.Bench.Scenarios;

/// <summary>How big a run is: the full run (about 10 minutes on 2 cores) or the smoke run CI uses (under a minute).</summary>
internal sealed record BenchSize(int Users, int ClosedLoopMessagesPerUser, double[] OpenLoopFractions, TimeSpan OpenLoopStep,
    TimeSpan FaultRun, double FaultRateFraction, TimeSpan KillEvery)
{
    public static BenchSize Full { get; } = new(32, 50, [0.25, 0.5, 0.75, 0.9], TimeSpan.FromSeconds(15), TimeSpan.FromSeconds(60), 0.3,
        TimeSpan.FromSeconds(10));

    public static BenchSize Smoke { get; } = new(4, 5, [0.5], TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(4), 0.15, TimeSpan.FromSeconds(2));
}
