using Byoc.Emulator.Faults;

namespace Byoc.Bench.Faults;

/// <summary>The fault mixes the harness switches on in the emulated org (<c>POST /emulator/faults</c>) after the warm-up.</summary>
internal static class FaultProfiles
{
    /// <summary>
    /// 25 % of Interaction Service API calls fail (the emulator draws 500, 503 and 429 in equal shares), every access token is
    /// revoked every 30 s, and each Pub/Sub stream is dropped after 500 events.
    /// </summary>
    public static FaultSettings Standard { get; } = new(ErrorRate: 0.25, RevokeTokensEverySeconds: 30, DropStreamEveryEvents: 500, RandomSeed: 7);

    public static string Describe(FaultSettings faults) =>
        $"{faults.ErrorRate:P0} API errors (500/503/429), tokens revoked every {faults.RevokeTokensEverySeconds} s, " +
        $"Pub/Sub stream dropped every {faults.DropStreamEveryEvents} events";
}
