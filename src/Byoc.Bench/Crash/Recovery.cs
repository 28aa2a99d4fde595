namespace Byoc.Bench.Crash;

/// <summary>One kill and restart: how long until <c>/healthz</c> answered again, and until the next reply reached the platform.</summary>
/// <param name="HealthySeconds">From the kill to the restarted connector answering <c>/healthz</c>.</param>
/// <param name="FirstReplySeconds">From the kill to the first reply delivered after the restart; null when none came within 30 s.</param>
internal sealed record Recovery(double HealthySeconds, double? FirstReplySeconds);
