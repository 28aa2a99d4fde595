using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Byoc.TestUtilities.Platforms.Line;

namespace Byoc.Platforms.Tests.Line;

/// <summary>The fake LINE's webhook sender as LINE's documentation describes it, checked with an HMAC computed here.</summary>
public sealed class LineWebhookTests
{
    private const string User = "U7a1e0f00000000000000000000005d5";

    [Fact]
    public async Task Redelivery_AfterANon2xxAnswer_SameEventIdsIsRedeliveryTrueAndSignedAgain()
    {
        await using var receiver = await WebhookReceiver.StartAsync(Ct);
        await using var line = await FakeLine.StartAsync(new FakeLineOptions { RedeliveryDelays = [TimeSpan.FromMilliseconds(20)] }, Ct);
        line.WebhookUrl = receiver.Url;
        receiver.RespondWith(500);

        var webhook = await line.SendTextAsync(User, "hello");
        var first = await receiver.NextAsync(Ct);
        var second = await receiver.NextAsync(Ct);

        var before = JsonNode.Parse(first.Body)!["events"]![0]!;
        var after = JsonNode.Parse(second.Body)!["events"]![0]!;
        Assert.Equal((webhook.EventIds[0], false), ((string)before["webhookEventId"]!, (bool)before["deliveryContext"]!["isRedelivery"]!));
        Assert.Equal((webhook.EventIds[0], true), ((string)after["webhookEventId"]!, (bool)after["deliveryContext"]!["isRedelivery"]!));
        Assert.Equal(Sign(line.Options.ChannelSecret, first.Body), first.Headers["x-line-signature"]);
        Assert.Equal(Sign(line.Options.ChannelSecret, second.Body), second.Headers["x-line-signature"]);
        Assert.StartsWith("application/json", first.ContentType, StringComparison.Ordinal);
        Assert.Equal(line.Options.BotUserId, (string)JsonNode.Parse(first.Body)!["destination"]!);
    }

    [Fact]
    public async Task Verify_ConsoleButton_OneSignedPostWithNoEventsAndItsAnswer()
    {
        await using var receiver = await WebhookReceiver.StartAsync(Ct);
        await using var line = await FakeLine.StartAsync(new FakeLineOptions { RedeliveryDelays = [TimeSpan.FromMilliseconds(20)] }, Ct);
        receiver.RespondWith(500);

        var attempt = await line.VerifyWebhookAsync(receiver.Url);
        var request = await receiver.NextAsync(Ct);

        Assert.Equal(500, attempt.StatusCode);
        Assert.Empty(JsonNode.Parse(request.Body)!["events"]!.AsArray());
        Assert.Equal(Sign(line.Options.ChannelSecret, request.Body), request.Headers["x-line-signature"]);
    }

    private static string Sign(string secret, byte[] body) => Convert.ToBase64String(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), body));

    private static CancellationToken Ct => TestContext.Current.CancellationToken;
}
