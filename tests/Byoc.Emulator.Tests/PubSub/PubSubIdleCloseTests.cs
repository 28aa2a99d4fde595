using Byoc.Emulator.Conversations;
using Byoc.Emulator.Tests.PubSub.Client;

namespace Byoc.Emulator.Tests.PubSub;

/// <summary>
/// Subscribe RPC Method, "Subscribe Keepalive Behavior": with no events pending, the client must send a new FetchRequest
/// within 60 seconds of the last FetchResponse, or the stream closes.
/// </summary>
public sealed class PubSubIdleCloseTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Subscribe_CreditUsedUp_StaysOpen59SecondsAndClosesAt60()
    {
        await using var emulator = await TestEmulator.StartAsync();
        using var pubSub = await PubSubTestClient.CreateAsync(emulator);
        var address = await PubSubServiceTests.ConversationAsync(emulator);
        await emulator.Get<IConversationEvents>().PublishAsync(
            new TextMessageEvent(address, EventSender.Agentforce("0Xx000000000001", "Agent"), "only"), Ct);
        using var call = pubSub.Subscribe();
        await call.RequestStream.WriteAsync(new FetchRequest { TopicName = PubSubTestClient.Topic, ReplayPreset = ReplayPreset.Earliest, NumRequested = 1 }, Ct);
        Assert.True(await call.ResponseStream.MoveNext(Ct).WaitAsync(TimeSpan.FromSeconds(30), Ct));
        Assert.Single(call.ResponseStream.Current.Events);

        var next = call.ResponseStream.MoveNext(Ct);
        emulator.Time.Advance(TimeSpan.FromSeconds(59));
        await Task.WhenAny(next, Task.Delay(500, Ct));
        var openAt59 = !next.IsCompleted;
        emulator.Time.Advance(TimeSpan.FromSeconds(1));

        Assert.True(openAt59);
        Assert.False(await next.WaitAsync(TimeSpan.FromSeconds(30), Ct));
    }
}
