namespace Byoc.Bench.Soak;

/// <summary>
/// The soak's schedule over a run of <paramref name="Duration"/>: <paramref name="Kills"/> SIGKILLs of the connector spread
/// over the run, the standard fault mix switched on for two phases (15–35 % and 60–80 % of the run), and one restart of
/// the emulated org half-way (50 %), between two kills and outside the fault phases so each cause stands alone.
/// </summary>
internal sealed record SoakPlan(TimeSpan Duration, int Kills)
{
    /// <summary>The fault phases, as fractions of the run.</summary>
    public static IReadOnlyList<(double From, double To)> FaultPhases { get; } = [(0.15, 0.35), (0.6, 0.8)];

    /// <summary>When the emulated org restarts, as a fraction of the run.</summary>
    public const double OrgRestartAt = 0.5;

    /// <summary>
    /// The pause between kills. Each kill is followed by a restart and a wait for the first reply (a few seconds), so the
    /// kills get one more slot than they need and all of them land inside the run.
    /// </summary>
    public TimeSpan KillEvery => Duration / (Kills + 2);

    /// <summary>
    /// How long around an event a message counts against it: sent from half a window before (accepted, not yet answered
    /// when it struck) to a window after; ten seconds, or less when the kills come faster.
    /// </summary>
    public TimeSpan Window => TimeSpan.FromTicks(Math.Min(TimeSpan.FromSeconds(10).Ticks, KillEvery.Ticks / 2));
}
