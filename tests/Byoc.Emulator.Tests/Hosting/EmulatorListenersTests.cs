using System.Net;

namespace Byoc.Emulator.Tests.Hosting;

public sealed class EmulatorListenersTests
{
    [Fact]
    public async Task Start_PortZero_ThreeDistinctBoundAddresses()
    {
        await using var emulator = await TestEmulator.StartAsync();

        var addresses = emulator.Addresses;

        Assert.Equal(3, new[] { addresses.InstanceUrl.Port, addresses.ScrtUrl.Port, addresses.PubSubUrl.Port }.Distinct().Count());
        Assert.All(new[] { addresses.InstanceUrl, addresses.ScrtUrl, addresses.PubSubUrl }, u => Assert.Equal("127.0.0.1", u.Host));
    }

    [Fact]
    public async Task InteractionApi_OnInstanceListener_NotFound()
    {
        await using var emulator = await TestEmulator.StartAsync();
        using var client = emulator.CreateInstanceClient();

        using var response = await client.PostAsync("/api/v1/interactions", new StringContent(""), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Start_PubSubTls_ExportsCaThatSignsTheServerCertificate()
    {
        await using var emulator = await TestEmulator.StartAsync("--Emulator:PubSubTls=true");

        Assert.Equal("https", emulator.Addresses.PubSubUrl.Scheme);
        Assert.True(File.Exists(Path.Combine(emulator.StateDirectory, "pubsub-ca.pem")));
    }
}
