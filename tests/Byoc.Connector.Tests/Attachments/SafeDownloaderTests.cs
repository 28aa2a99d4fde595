using Byoc.TestUtilities;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Byoc.Connector.Tests.Attachments;

public sealed class SafeDownloaderTests
{
    private static readonly byte[] s_png = [0x89, 0x50, 0x4E, 0x47, 1, 2, 3, 4, 5, 6];

    [Fact]
    public async Task DownloadAsync_FromTheConfiguredInstance_StoresTheFile()
    {
        await using var server = await FileServerAsync();
        using var sut = new TestAttachments(instanceUrl: server.BaseAddress);

        var result = await sut.Downloader.DownloadAsync(new Uri(server.BaseAddress, "/file.png"), "photo.png", "image/png", Ct);

        Assert.NotNull(result.File);
        Assert.Equal(("photo.png", "image/png", 10L), (result.File.Name, result.File.MimeType, result.File.Length));
        await using var stored = sut.Files.OpenRead(result.File);
        using var copy = new MemoryStream();
        await stored.CopyToAsync(copy, Ct);
        Assert.Equal(s_png, copy.ToArray());
    }

    [Theory]
    [InlineData("http://127.0.0.1:{port}/file.png")]
    [InlineData("http://10.0.0.5/file.png")]
    [InlineData("http://169.254.169.254/latest/meta-data/")]
    [InlineData("http://[::1]:{port}/file.png")]
    public async Task DownloadAsync_HostNotAllowListed_Refused(string template)
    {
        await using var server = await FileServerAsync();
        using var sut = new TestAttachments(instanceUrl: new Uri("https://acme.my.salesforce.com"));

        var result = await sut.Downloader.DownloadAsync(new Uri(template.Replace("{port}", server.BaseAddress.Port.ToString(), StringComparison.Ordinal)),
            "x", null, Ct);

        Assert.True(result.IsRefusal);
        Assert.Contains("AllowedHosts", result.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("localhost", "http://localhost:{port}/file.png")]
    [InlineData("127.0.0.1", "http://127.0.0.1:{port}/file.png")]
    [InlineData("169.254.169.254", "http://169.254.169.254/latest/meta-data/")]
    [InlineData("10.0.0.5", "http://10.0.0.5/file.png")]
    [InlineData("::1", "http://[::1]:{port}/file.png")]
    [InlineData("::ffff:127.0.0.1", "http://[::ffff:127.0.0.1]:{port}/file.png")]
    public async Task DownloadAsync_AllowListedHostOnPrivateAddress_RefusedAtConnect(string allowed, string template)
    {
        await using var server = await FileServerAsync();
        using var sut = new TestAttachments(instanceUrl: new Uri("https://acme.my.salesforce.com"), configure: o => o.AllowedHosts = [allowed]);

        var result = await sut.Downloader.DownloadAsync(new Uri(template.Replace("{port}", server.BaseAddress.Port.ToString(), StringComparison.Ordinal)),
            "x", null, Ct);

        Assert.True(result.IsRefusal, result.Error);
        Assert.Contains("non-public", result.Error, StringComparison.Ordinal);
        Assert.Equal(0, server.Services.GetRequiredService<Counter>().Requests);
    }

    [Fact]
    public async Task DownloadAsync_InstanceHostOnAnotherPort_Refused()
    {
        await using var server = await FileServerAsync();
        using var sut = new TestAttachments(instanceUrl: new Uri($"http://127.0.0.1:{server.BaseAddress.Port + 1}"));

        var result = await sut.Downloader.DownloadAsync(new Uri(server.BaseAddress, "/file.png"), "x", null, Ct);

        Assert.True(result.IsRefusal);
    }

    [Theory]
    [InlineData("/big")]
    [InlineData("/big-chunked")]
    public async Task DownloadAsync_LargerThanTheCap_RefusedAndNothingKept(string path)
    {
        await using var server = await FileServerAsync();
        using var sut = new TestAttachments(instanceUrl: server.BaseAddress, configure: o => o.MaxDownloadBytes = 1000);

        var result = await sut.Downloader.DownloadAsync(new Uri(server.BaseAddress, path), "big.bin", null, Ct);

        Assert.True(result.IsRefusal);
        Assert.Contains("larger than 1000 bytes", result.Error, StringComparison.Ordinal);
        Assert.Empty(Directory.Exists(sut.Options.Directory) ? Directory.GetFiles(sut.Options.Directory) : []);
    }

    [Fact]
    public async Task DownloadAsync_Slow_FailsRetryablyAfterTheTimeout()
    {
        await using var server = await FileServerAsync();
        using var sut = new TestAttachments(instanceUrl: server.BaseAddress, configure: o => o.DownloadTimeout = TimeSpan.FromMilliseconds(300));

        var result = await sut.Downloader.DownloadAsync(new Uri(server.BaseAddress, "/slow"), "slow.bin", null, Ct);

        Assert.False(result.IsRefusal);
        Assert.Null(result.File);
        Assert.Contains("did not finish within", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DownloadAsync_RedirectToAnotherHost_CheckedAgainAndRefused()
    {
        await using var server = await FileServerAsync();
        using var sut = new TestAttachments(instanceUrl: server.BaseAddress);

        var result = await sut.Downloader.DownloadAsync(new Uri(server.BaseAddress, "/redirect-to-metadata"), "x", null, Ct);

        Assert.True(result.IsRefusal);
        Assert.Contains("169.254.169.254", result.Error, StringComparison.Ordinal);
    }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<LoopbackServer> FileServerAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Services.AddSingleton<Counter>();
        var app = builder.Build();
        app.Use(async (context, next) =>
        {
            context.RequestServices.GetRequiredService<Counter>().Increment();
            await next(context);
        });
        app.MapGet("/file.png", () => Results.Bytes(s_png, "image/png"));
        app.MapGet("/big", () => Results.Bytes(new byte[2000], "application/octet-stream"));
        app.MapGet("/big-chunked", async (HttpResponse response) =>
        {
            for (var i = 0; i < 4; i++)
            {
                await response.Body.WriteAsync(new byte[500]);
                await response.Body.FlushAsync();
            }
        });
        app.MapGet("/slow", async (HttpResponse response, CancellationToken cancellationToken) =>
        {
            await response.Body.WriteAsync(new byte[10], cancellationToken);
            await response.Body.FlushAsync(cancellationToken);
            await Task.Delay(TimeSpan.FromSeconds(10), cancellationToken);
        });
        app.MapGet("/redirect-to-metadata", () => Results.Redirect("http://169.254.169.254/latest/meta-data/"));
        return await LoopbackServer.StartAsync(app, TestContext.Current.CancellationToken);
    }

    private sealed class Counter
    {
        private int _requests;

        public int Requests => _requests;

        public void Increment() => Interlocked.Increment(ref _requests);
    }
}
