using System.Net;

namespace Byoc.Connector.Tests.Hosting;

public sealed class IndexPageTests
{
    [Fact]
    public async Task Root_Get_AnswersAPageLinkingHealthAndNoSecret()
    {
        await using var host = await ConnectorHost.StartAsync(TestContext.Current.CancellationToken, customerStatus: null,
            "--Connector:WebChat:Channels:site:ChannelAddressIdentifier=" + ConnectorHost.ChannelAddress,
            "--Connector:WebChat:Channels:site:SessionSecret=c2Vzc2lvbi1zZWNyZXQtZm9yLXRoZS10ZXN0cw==");
        using var client = host.Connector.CreateClient();

        using var response = await client.GetAsync(new Uri("/", UriKind.Relative), TestContext.Current.CancellationToken);
        var page = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("href=\"/healthz/ready\"", page, StringComparison.Ordinal);
        Assert.Contains("href=\"/chat/site\"", page, StringComparison.Ordinal);
        Assert.DoesNotContain(ConnectorHost.Secret, page, StringComparison.Ordinal);
        Assert.DoesNotContain("c2Vzc2lvbi1zZWNyZXQ", page, StringComparison.Ordinal);
    }
}
