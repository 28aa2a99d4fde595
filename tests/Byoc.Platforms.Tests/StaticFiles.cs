using Byoc.TestUtilities;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Byoc.Platforms.Tests;

/// <summary>A loopback server that serves one file, standing in for the connector's public file links.</summary>
internal sealed class StaticFiles : IAsyncDisposable
{
    private LoopbackServer _server = null!;
    private string _path = "";

    public Uri Url => new(_server.BaseAddress, _path);

    public static async Task<StaticFiles> StartAsync(string path, byte[] content, string contentType, CancellationToken cancellationToken)
    {
        var files = new StaticFiles { _path = path.TrimStart('/') };
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        var app = builder.Build();
        app.MapGet(path, () => TypedResults.Bytes(content, contentType));
        files._server = await LoopbackServer.StartAsync(app, cancellationToken);
        return files;
    }

    public ValueTask DisposeAsync() => _server.DisposeAsync();
}
