using System.Collections.Concurrent;
using System.Security.Cryptography;
using Byoc.TestUtilities;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Byoc.EndToEnd.Tests.Deploy;

/// <summary>
/// A read-only container registry on 127.0.0.1, plain HTTP, implementing the pull side of the OCI distribution
/// specification: <c>GET /v2/</c>, manifests by tag or digest (<c>GET</c>/<c>HEAD</c>, the manifest's media type as
/// Content-Type, <c>Docker-Content-Digest</c>), blobs by digest, and the spec's error body
/// (<c>{"errors":[{"code":"NAME_UNKNOWN",…}]}</c>) with 404 for an unknown repository, manifest or blob, or a manifest
/// of a type the request's Accept header does not list. Repository
/// names may contain slashes (<c>dotnet/runtime-deps</c>); the reference is what follows the last
/// <c>/manifests/</c> or <c>/blobs/</c>. It stands in for mcr.microsoft.com, which this machine cannot reach, so the
/// SDK's container tooling pulls a base image from it exactly as from a real registry.
/// </summary>
internal sealed class OciRegistry : IAsyncDisposable
{
    private readonly ConcurrentDictionary<string, Repository> _repositories = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<string> _requests = new();
    private readonly LoopbackServer _server;

    private OciRegistry(LoopbackServer server) => _server = server;

    /// <summary>The registry's host and port as an image reference starts with it, e.g. <c>127.0.0.1:40123</c>.</summary>
    public string Host => _server.BaseAddress.Authority;

    /// <summary>Every request served so far, as <c>METHOD /path → status</c>.</summary>
    public IReadOnlyCollection<string> Requests => _requests;

    public static async Task<OciRegistry> StartAsync(CancellationToken cancellationToken)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        var app = builder.Build();
        OciRegistry? registry = null;
        app.Use(async (context, next) =>
        {
            await next(context);
            registry!._requests.Enqueue($"{context.Request.Method} {context.Request.Path} → {context.Response.StatusCode}");
        });
        app.MapMethods("/v2/", ["GET", "HEAD"], (HttpContext context) =>
        {
            context.Response.Headers["Docker-Distribution-API-Version"] = "registry/2.0";
            return Results.Json(new { });
        });
        app.MapMethods("/v2/{**path}", ["GET", "HEAD"], (HttpContext context, string path) => registry!.Serve(context, path));
        registry = new OciRegistry(await LoopbackServer.StartAsync(app, cancellationToken));
        return registry;
    }

    /// <summary>Stores a blob (a layer or an image config) in <paramref name="repository"/> and returns its digest.</summary>
    public string AddBlob(string repository, byte[] content)
    {
        var digest = Digest(content);
        _repositories.GetOrAdd(repository, _ => new Repository()).Blobs[digest] = content;
        return digest;
    }

    /// <summary>Stores a manifest or index of <paramref name="mediaType"/>, tagged with <paramref name="tag"/> when given, and returns its digest.</summary>
    public string AddManifest(string repository, string mediaType, byte[] content, string? tag = null)
    {
        var digest = Digest(content);
        var stored = _repositories.GetOrAdd(repository, _ => new Repository());
        stored.Manifests[digest] = (mediaType, content);
        if (tag is not null)
        {
            stored.Tags[tag] = digest;
        }

        return digest;
    }

    /// <summary>The OCI digest of <paramref name="content"/>: <c>sha256:</c> and the lower-case hex SHA-256.</summary>
    public static string Digest(byte[] content) => "sha256:" + Convert.ToHexStringLower(SHA256.HashData(content));

    public ValueTask DisposeAsync() => _server.DisposeAsync();

    private IResult Serve(HttpContext context, string path)
    {
        foreach (var (kind, code) in new[] { ("/manifests/", "MANIFEST_UNKNOWN"), ("/blobs/", "BLOB_UNKNOWN") })
        {
            var at = path.LastIndexOf(kind, StringComparison.Ordinal);
            if (at <= 0)
            {
                continue;
            }

            var name = path[..at];
            var reference = path[(at + kind.Length)..];
            if (!_repositories.TryGetValue(name, out var repository))
            {
                return Error("NAME_UNKNOWN", "repository name not known to registry", name);
            }

            var found = kind == "/blobs/" ? FindBlob(repository, reference) : FindManifest(repository, reference);
            if (found is not { } item)
            {
                return Error(code, kind == "/blobs/" ? "blob unknown to registry" : "manifest unknown", reference);
            }

            // A client lists the manifest types it understands in Accept; one of another type is, for it, not there.
            if (kind == "/manifests/" && !Accepts(context.Request, item.MediaType))
            {
                return Error(code, "manifest unknown", $"{reference} is {item.MediaType}, not in Accept");
            }

            context.Response.Headers["Docker-Content-Digest"] = item.Digest;
            if (!HttpMethods.IsHead(context.Request.Method))
            {
                return Results.Bytes(item.Content, item.MediaType);
            }

            // HEAD: the headers a GET would send (type, length, digest) and no body.
            context.Response.ContentType = item.MediaType;
            context.Response.ContentLength = item.Content.Length;
            return Results.Empty;
        }

        return Error("UNSUPPORTED", "the operation is unsupported", path);
    }

    private static bool Accepts(HttpRequest request, string mediaType)
    {
        var accept = request.GetTypedHeaders().Accept;
        return accept.Count == 0 || accept.Any(a => a.MediaType.Equals("*/*", StringComparison.Ordinal) || a.MediaType.Equals(mediaType, StringComparison.OrdinalIgnoreCase));
    }

    private static (string Digest, string MediaType, byte[] Content)? FindManifest(Repository repository, string reference)
    {
        var digest = reference.StartsWith("sha256:", StringComparison.Ordinal) ? reference : repository.Tags.GetValueOrDefault(reference);
        return digest is not null && repository.Manifests.TryGetValue(digest, out var manifest) ? (digest, manifest.MediaType, manifest.Content) : null;
    }

    private static (string Digest, string MediaType, byte[] Content)? FindBlob(Repository repository, string digest) =>
        repository.Blobs.TryGetValue(digest, out var blob) ? (digest, "application/octet-stream", blob) : null;

    /// <summary>The distribution spec's error body; every error here is a 404 (the spec's status for these codes).</summary>
    private static IResult Error(string code, string message, string detail) =>
        Results.Json(new { errors = new[] { new { code, message, detail } } }, statusCode: StatusCodes.Status404NotFound);

    private sealed class Repository
    {
        public ConcurrentDictionary<string, string> Tags { get; } = new(StringComparer.Ordinal);

        public ConcurrentDictionary<string, (string MediaType, byte[] Content)> Manifests { get; } = new(StringComparer.Ordinal);

        public ConcurrentDictionary<string, byte[]> Blobs { get; } = new(StringComparer.Ordinal);
    }
}
