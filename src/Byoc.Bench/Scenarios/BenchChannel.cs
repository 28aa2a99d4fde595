namespace Byoc.Bench.Scenarios;

/// <summary>Which connector channel a scenario drives.</summary>
internal enum BenchChannel
{
    /// <summary>The generic webhook channel (Standard Webhooks signatures both ways), delivering to the harness's sink.</summary>
    Webhook,

    /// <summary>The Telegram channel through the local Telegram fake: updates in on its webhook, replies out through its Bot API.</summary>
    Telegram,
}
