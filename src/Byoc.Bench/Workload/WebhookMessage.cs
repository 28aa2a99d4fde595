namespace Byoc.Bench.Workload;

/// <summary>A generic webhook text message event (docs/webhook-channel.md).</summary>
internal sealed record WebhookMessage(string Type, string Id, string UserId, string Text);
