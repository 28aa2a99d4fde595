using System.Net;
using System.Text.Json;

namespace Byoc.EndToEnd.Tests.Deploy;

/// <summary>The test registry answers as the OCI distribution spec says a registry answers a pull.</summary>
public sealed class OciRegistryTests : IAsyncLifetime
{
    private OciRegistry _registry = null!;
    private HttpClient _client = null!;

    public async ValueTask InitializeAsync()
    {
        _registry = await OciRegistry.StartAsync(TestContext.Current.CancellationToken);
        _client = new HttpClient { BaseAddress = new Uri($"http://{_registry.Host}"), Timeout = TimeSpan.FromSeconds(15) };
        StandInBaseImage.PublishTo(_registry);
    }

    public async ValueTask DisposeAsync()
    {
        _client.Dispose();
        await _registry.DisposeAsync();
    }

    [Fact]
    public async Task Base_ApiVersionCheck_Answers200()
    {
        using var response = await _client.GetAsync(new Uri("/v2/", UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Manifest_ByTagThenByDigest_IndexThenPlatformManifestWithTheirDigests()
    {
        var ct = TestContext.Current.CancellationToken;
        using var index = await _client.GetAsync(new Uri($"/v2/{StandInBaseImage.Repository}/manifests/{StandInBaseImage.Tag}", UriKind.Relative), ct);
        var indexBytes = await index.Content.ReadAsByteArrayAsync(ct);
        Assert.Equal(HttpStatusCode.OK, index.StatusCode);
        Assert.Equal(StandInBaseImage.IndexMediaType, index.Content.Headers.ContentType?.MediaType);
        Assert.Equal(OciRegistry.Digest(indexBytes), Assert.Single(index.Headers.GetValues("Docker-Content-Digest")));
        using var indexJson = JsonDocument.Parse(indexBytes);
        var platform = indexJson.RootElement.GetProperty("manifests").EnumerateArray().Single();
        Assert.Equal("amd64", platform.GetProperty("platform").GetProperty("architecture").GetString());
        var digest = platform.GetProperty("digest").GetString()!;

        using var manifest = await _client.GetAsync(new Uri($"/v2/{StandInBaseImage.Repository}/manifests/{digest}", UriKind.Relative), ct);
        var manifestBytes = await manifest.Content.ReadAsByteArrayAsync(ct);

        Assert.Equal(HttpStatusCode.OK, manifest.StatusCode);
        Assert.Equal(StandInBaseImage.ManifestMediaType, manifest.Content.Headers.ContentType?.MediaType);
        Assert.Equal(digest, OciRegistry.Digest(manifestBytes));
        Assert.Equal(platform.GetProperty("size").GetInt64(), manifestBytes.Length);
        using var manifestJson = JsonDocument.Parse(manifestBytes);
        var config = manifestJson.RootElement.GetProperty("config").GetProperty("digest").GetString()!;
        using var blob = await _client.GetAsync(new Uri($"/v2/{StandInBaseImage.Repository}/blobs/{config}", UriKind.Relative), ct);
        Assert.Equal(HttpStatusCode.OK, blob.StatusCode);
        Assert.Equal(config, OciRegistry.Digest(await blob.Content.ReadAsByteArrayAsync(ct)));
    }

    [Fact]
    public async Task Manifest_Head_DigestAndLengthWithoutBody()
    {
        var ct = TestContext.Current.CancellationToken;
        var path = new Uri($"/v2/{StandInBaseImage.Repository}/manifests/{StandInBaseImage.Tag}", UriKind.Relative);
        var body = await _client.GetByteArrayAsync(path, ct);
        using var request = new HttpRequestMessage(HttpMethod.Head, path);
        using var response = await _client.SendAsync(request, ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(OciRegistry.Digest(body), Assert.Single(response.Headers.GetValues("Docker-Content-Digest")));
        Assert.Equal(StandInBaseImage.IndexMediaType, response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(body.Length, response.Content.Headers.ContentLength);
        Assert.Empty(await response.Content.ReadAsByteArrayAsync(ct));
    }

    [Fact]
    public async Task Manifest_AcceptWithoutItsType_404ManifestUnknown()
    {
        var ct = TestContext.Current.CancellationToken;
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri($"/v2/{StandInBaseImage.Repository}/manifests/{StandInBaseImage.Tag}", UriKind.Relative));
        request.Headers.Accept.ParseAdd("application/vnd.docker.distribution.manifest.v2+json");
        using var response = await _client.SendAsync(request, ct);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync(ct));
        Assert.Equal("MANIFEST_UNKNOWN", body.RootElement.GetProperty("errors").EnumerateArray().Single().GetProperty("code").GetString());
    }

    [Theory]
    [InlineData("/v2/library/nothing/manifests/latest", "NAME_UNKNOWN")]
    [InlineData("/v2/dotnet/runtime-deps/manifests/9.0", "MANIFEST_UNKNOWN")]
    [InlineData("/v2/dotnet/runtime-deps/manifests/sha256:0000000000000000000000000000000000000000000000000000000000000000", "MANIFEST_UNKNOWN")]
    [InlineData("/v2/dotnet/runtime-deps/blobs/sha256:0000000000000000000000000000000000000000000000000000000000000000", "BLOB_UNKNOWN")]
    public async Task Unknown_NameManifestOrBlob_404WithTheSpecErrorCode(string path, string code)
    {
        var ct = TestContext.Current.CancellationToken;
        using var response = await _client.GetAsync(new Uri(path, UriKind.Relative), ct);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync(ct));
        Assert.Equal(code, body.RootElement.GetProperty("errors").EnumerateArray().Single().GetProperty("code").GetString());
    }
}
