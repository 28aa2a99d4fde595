using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Byoc.Connector.Tests.Salesforce;
using Byoc.Core.Storage;
using Byoc.TestUtilities;
using Microsoft.Extensions.DependencyInjection;

namespace Byoc.Connector.Tests.Pipeline;

/// <summary>
/// End users are known to Salesforce as <c>{channel}:{platform user id}</c> of at most 240 characters: a longer id is
/// refused at the door, except for a conversation an earlier version stored, which keeps its identifier.
/// </summary>
public sealed class EndUserIdentifierPipelineTests
{
    [Fact]
    public async Task Post_PlatformUserIdAtTheLimit_ForwardedFromChannelColonId()
    {
        await using var host = await ConnectorHost.StartAsync(Ct);
        using var client = host.Connector.CreateClient();
        var user = new string('u', 236);

        using var response = await client.SendAsync(WebhookClient.Signed("web", Message(user)), Ct);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Equal($"web:{user}", await ForwardedFromAsync(host));
    }

    [Fact]
    public async Task Post_PlatformUserIdOverTheLimit_RefusedNamingTheLimitAndNothingStored()
    {
        await using var host = await ConnectorHost.StartAsync(Ct);
        using var client = host.Connector.CreateClient();

        using var response = await client.SendAsync(WebhookClient.Signed("web", Message(new string('u', 237))), Ct);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var problem = JsonNode.Parse(await response.Content.ReadAsStringAsync(Ct))!;
        Assert.Equal("End user id too long", problem["title"]!.GetValue<string>());
        Assert.Equal("A platform user id on channel 'web' may have at most 236 characters (Salesforce takes end-user identifiers "
            + "'web:{id}' of at most 240); this one has 237.", problem["detail"]!.GetValue<string>());
        Assert.Equal(0, await host.CountRowsAsync("inbox"));
        Assert.Equal(0, await host.CountRowsAsync("conversations"));
    }

    [Theory]
    [InlineData(250)]
    [InlineData(400)]
    public async Task Post_LongIdOfAConversationStoredBefore_ForwardedWithTheStoredIdentifier(int length)
    {
        await using var host = await ConnectorHost.StartAsync(Ct);
        using var client = host.Connector.CreateClient();
        var user = new string('u', length);
        // What earlier versions stored: plain up to 255 characters, else a SHA-256 of the plain form.
        var plain = $"web:{user}";
        var stored = plain.Length <= 255 ? plain : "web:sha256:" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(plain)));
        await host.Services.GetRequiredService<IConversationStore>().GetOrAddAsync("web", user, ConnectorHost.ChannelAddress, stored, Ct);

        using var response = await client.SendAsync(WebhookClient.Signed("web", Message(user)), Ct);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Equal(stored, await ForwardedFromAsync(host));
    }

    private static async Task<string> ForwardedFromAsync(ConnectorHost host)
    {
        await WaitFor.ConditionAsync(() => !host.Scrt.Requests.IsEmpty);
        var request = host.Scrt.Requests.Single();
        return JsonNode.Parse(MultipartReader.Parse(request.Header("Content-Type")!, request.BodyText)[0].Body)!["from"]!.GetValue<string>();
    }

    private static string Message(string user) => $$"""{"type":"message","id":"m1","userId":"{{user}}","text":"hi"}""";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;
}
