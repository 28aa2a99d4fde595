using System.Text.Json.Nodes;

namespace Byoc.EndToEnd.Tests.Reliability;

/// <summary>
/// Issue #5's reliability proof under the emulated org's fault injection: 8 conversations of 10 messages each, and every
/// message reaches the org once and in order, every agent reply reaches the platform once and in order and is
/// acknowledged as Delivered.
/// </summary>
[Trait("Category", "Slow")]
public sealed class FaultInjectionTests
{
    [Fact]
    public async Task ErrorStorm_500_503_429WithLatency_EveryMessageOnceInOrder()
    {
        var report = await ReliabilityRun.RunAsync("storm", new JsonObject { ["errorRate"] = 0.3, ["latencyMilliseconds"] = 20, ["randomSeed"] = 7 });

        ReliabilityRun.AssertExactlyOnceInOrder(report);
    }

    [Fact]
    public async Task LostAnswers_OrgProcessedButAnswered503_RetriesCreateNoSecondEntry()
    {
        var report = await ReliabilityRun.RunAsync("lost", new JsonObject { ["lostAnswerRate"] = 0.3, ["randomSeed"] = 5 });

        ReliabilityRun.AssertExactlyOnceInOrder(report);
    }

    [Fact]
    public async Task TokenRevokedEverySecond_EveryMessageOnceInOrder()
    {
        // Spread over about 5 s, so that several revocations land mid-run.
        var report = await ReliabilityRun.RunAsync("revoke", new JsonObject { ["revokeTokensEverySeconds"] = 1 }, TimeSpan.FromMilliseconds(500));

        ReliabilityRun.AssertExactlyOnceInOrder(report);
    }

    [Fact]
    public async Task PubSubStreamDroppedEveryFiveEvents_EveryReplyOnceInOrder()
    {
        var report = await ReliabilityRun.RunAsync("drop", new JsonObject { ["dropStreamEveryEvents"] = 5 });

        ReliabilityRun.AssertExactlyOnceInOrder(report);
    }

    [Fact]
    public async Task AllFaultsAtOnce_EveryMessageOnceInOrder()
    {
        var report = await ReliabilityRun.RunAsync("combined", new JsonObject
        {
            ["errorRate"] = 0.2,
            ["lostAnswerRate"] = 0.1,
            ["latencyMilliseconds"] = 10,
            ["randomSeed"] = 11,
            ["revokeTokensEverySeconds"] = 2,
            ["dropStreamEveryEvents"] = 7,
        });

        ReliabilityRun.AssertExactlyOnceInOrder(report);
    }
}
