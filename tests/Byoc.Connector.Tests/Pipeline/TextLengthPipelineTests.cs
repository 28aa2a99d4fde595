using System.Net;
using System.Text.Json.Nodes;
using Byoc.TestUtilities;

namespace Byoc.Connector.Tests.Pipeline;

/// <summary>
/// A Salesforce conversation entry holds at most 32,000 characters: a longer text is refused at the door, naming the
/// limit, instead of being accepted and then failing in the org on every retry while the end user's later messages wait.
/// </summary>
public sealed class TextLengthPipelineTests
{
    [Fact]
    public async Task Post_TextAtTheLimit_Forwarded()
    {
        await using var host = await ConnectorHost.StartAsync(Ct, null, "--Connector:Webhook:Channels:web:MaxBodyBytes=262144");
        using var client = host.Connector.CreateClient();

        using var response = await client.SendAsync(WebhookClient.Signed("web", Message("m1", new string('a', 32_000))), Ct);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        await WaitFor.ConditionAsync(() => !host.Scrt.Requests.IsEmpty);
    }

    [Theory]
    [InlineData(32_001)]
    [InlineData(200_000)]
    public async Task Post_TextOverTheLimit_RefusedNamingTheLimitAndNothingStored(int length)
    {
        await using var host = await ConnectorHost.StartAsync(Ct, null, "--Connector:Webhook:Channels:web:MaxBodyBytes=262144");
        using var client = host.Connector.CreateClient();

        using var response = await client.SendAsync(WebhookClient.Signed("web", Message("m1", new string('a', length))), Ct);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var problem = JsonNode.Parse(await response.Content.ReadAsStringAsync(Ct))!;
        Assert.Equal("Text too long", problem["title"]!.GetValue<string>());
        Assert.Equal($"A message may have at most 32000 characters of text (the length of a Salesforce conversation entry); message 'm1' has {length}. "
            + "Nothing of this request was stored.", problem["detail"]!.GetValue<string>());
        Assert.Equal(0, await host.CountRowsAsync("inbox"));
    }

    [Fact]
    public async Task Post_NextMessageAfterARefusedOne_ForwardedAtOnce()
    {
        await using var host = await ConnectorHost.StartAsync(Ct, null, "--Connector:Webhook:Channels:web:MaxBodyBytes=262144");
        using var client = host.Connector.CreateClient();
        using var refused = await client.SendAsync(WebhookClient.Signed("web", Message("m1", new string('a', 40_000))), Ct);

        using var next = await client.SendAsync(WebhookClient.Signed("web", Message("m2", "still there?")), Ct);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, next.StatusCode);
        await WaitFor.ConditionAsync(() => !host.Scrt.Requests.IsEmpty);
        Assert.Contains("still there?", host.Scrt.Requests.Single().BodyText, StringComparison.Ordinal);
    }

    private static string Message(string id, string text) => $$"""{"type":"message","id":"{{id}}","userId":"u1","text":"{{text}}"}""";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;
}
