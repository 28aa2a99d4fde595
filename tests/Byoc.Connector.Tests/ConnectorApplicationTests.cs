using System.Net;
using Byoc.TestUtilities;

namespace Byoc.Connector.Tests;

public sealed class ConnectorApplicationTests
{
    [Fact]
    public async Task Healthz_WhenRunning_ReturnsOk()
    {
        await using var server = await LoopbackServer.StartAsync(ConnectorApplication.Create([]), TestContext.Current.CancellationToken);
        using var client = server.CreateClient();

        using var response = await client.GetAsync(new Uri("/healthz", UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
