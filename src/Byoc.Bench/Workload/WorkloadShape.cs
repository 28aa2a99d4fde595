using System.Globalization;

namespace Byoc.Bench.Workload;

/// <summary>
/// How the end users send: <see cref="Users"/> each send <see cref="MessagesPerUser"/> messages, one after another. Closed loop
/// (<see cref="RatePerSecond"/> null): each waits for the reply before the next message. Open loop: messages fall due at a fixed
/// total rate, round-robin over the users, whatever the replies do; latency counts from the due time, so a slow system cannot
/// hide its queueing (no coordinated omission).
/// </summary>
internal sealed record WorkloadShape(int Users, int MessagesPerUser, double? RatePerSecond = null)
{
    public int TotalMessages => Users * MessagesPerUser;

    public bool IsOpenLoop => RatePerSecond is not null;

    public override string ToString() => RatePerSecond is { } rate
        ? string.Create(CultureInfo.InvariantCulture, $"open loop {rate:0.#} msg/s, {Users} users x {MessagesPerUser}")
        : string.Create(CultureInfo.InvariantCulture, $"closed loop, {Users} users x {MessagesPerUser}");
}
