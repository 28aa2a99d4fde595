using Byoc.Emulator.Org.Ids;
using Byoc.Emulator.Tests.PubSub.Client;
using Grpc.Core;

namespace Byoc.Emulator.Tests.PubSub;

/// <summary>The accesstoken, instanceurl and tenantid headers of every RPC, checked against the org.</summary>
public sealed class PubSubAuthenticationTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("https://example.my.salesforce.com", null)]
    [InlineData("http://127.0.0.1:1", null)]
    [InlineData("not a url", null)]
    [InlineData(null, "badChecksum")]
    [InlineData(null, "lowercase15")]
    public async Task GetTopic_InstanceUrlOrTenantIdNotThisOrg_UnauthenticatedWithAuthErrorCode(string? instanceUrl, string? tenant)
    {
        await using var emulator = await TestEmulator.StartAsync();
        var org15 = emulator.Org.OrgId15;
        var tenantId = tenant switch
        {
            "badChecksum" => org15 + (emulator.Org.OrgId18[15..] == "AAA" ? "BBB" : "AAA"),
            "lowercase15" => org15.ToLowerInvariant(),
            _ => emulator.Org.OrgId18,
        };

        var error = await Assert.ThrowsAsync<RpcException>(() => GetTopicAsync(emulator, instanceUrl ?? emulator.Addresses.InstanceUrl.ToString(), tenantId));

        Assert.Equal(StatusCode.Unauthenticated, error.StatusCode);
        Assert.Equal("sfdc.platform.eventbus.grpc.service.auth.error", error.Trailers.GetValue("error-code"));
        Assert.Contains(instanceUrl is null ? "tenantid" : "instanceurl", error.Status.Detail, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{instance}/", "18")]
    [InlineData("https://{authority}", "15")]
    [InlineData("http://localhost:{port}", "18lower")]
    public async Task GetTopic_SpellingsOfThisOrg_Answers(string instanceUrl, string tenant)
    {
        await using var emulator = await TestEmulator.StartAsync();
        var instance = emulator.Addresses.InstanceUrl;
        var url = instanceUrl.Replace("{instance}", instance.ToString().TrimEnd('/'), StringComparison.Ordinal)
            .Replace("{authority}", instance.Authority, StringComparison.Ordinal)
            .Replace("{port}", instance.Port.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
        var tenantId = tenant switch
        {
            "15" => emulator.Org.OrgId15,
            "18lower" => emulator.Org.OrgId15 + emulator.Org.OrgId18[15..].ToLowerInvariant(),
            _ => emulator.Org.OrgId18,
        };

        var topic = await GetTopicAsync(emulator, url, tenantId);

        Assert.Equal(PubSubTestClient.Topic, topic.TopicName);
        Assert.True(SalesforceId.AreEqual(emulator.Org.OrgId18, topic.TenantGuid));
    }

    private static async Task<TopicInfo> GetTopicAsync(TestEmulator emulator, string instanceUrl, string tenantId)
    {
        var token = await emulator.GetAccessTokenAsync();
        using var pubSub = new PubSubTestClient(emulator.Addresses.PubSubUrl, token, instanceUrl, tenantId,
            emulator.Addresses.PubSubTls ? Path.Combine(emulator.StateDirectory, "pubsub-ca.pem") : null);
        return await pubSub.Client.GetTopicAsync(new TopicRequest { TopicName = PubSubTestClient.Topic }, pubSub.Metadata, cancellationToken: Ct);
    }
}
