using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Byoc.TestUtilities;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Byoc.Connector.AdapterSample.Tests;

/// <summary>
/// The little of Salesforce the connector needs to forward a message, on loopback Kestrel: the OAuth token endpoint (any
/// JWT assertion is accepted) and <c>POST /api/v1/interactions</c>, which keeps the JSON part of each request.
/// </summary>
internal sealed class FakeSalesforce : IAsyncDisposable
{
    private readonly LoopbackServer _server;
    private readonly string _directory;

    private FakeSalesforce(LoopbackServer server, string directory, ConcurrentQueue<JsonNode> interactions)
    {
        _server = server;
        _directory = directory;
        Interactions = interactions;
    }

    public Uri BaseAddress => _server.BaseAddress;

    /// <summary>The signing key the connector's JWT bearer login reads.</summary>
    public string PrivateKeyPath => Path.Combine(_directory, "server.key");

    /// <summary>The JSON part of every <c>/api/v1/interactions</c> request, in arrival order.</summary>
    public ConcurrentQueue<JsonNode> Interactions { get; }

    public static async Task<FakeSalesforce> StartAsync(CancellationToken cancellationToken)
    {
        var directory = Directory.CreateTempSubdirectory("byoc-sample-").FullName;
        using (var rsa = RSA.Create(2048))
        {
            await File.WriteAllTextAsync(Path.Combine(directory, "server.key"), rsa.ExportPkcs8PrivateKeyPem(), cancellationToken);
        }

        var interactions = new ConcurrentQueue<JsonNode>();
        var app = WebApplication.CreateSlimBuilder().Build();
        app.MapPost("/services/oauth2/token", (HttpRequest request) => Results.Json(new
        {
            access_token = "00Dxx0000001!sample",
            instance_url = $"{request.Scheme}://{request.Host}",
            token_type = "Bearer",
        }));
        app.MapPost("/api/v1/interactions", async (HttpRequest request) =>
        {
            var form = await request.ReadFormAsync();
            interactions.Enqueue(JsonNode.Parse(form["json"].ToString())!);
            return Results.Json(new { conversationIdentifier = "conv-1", workItemIds = new[] { "0Mw000000000001" }, success = true }, statusCode: 202);
        });
        return new FakeSalesforce(await LoopbackServer.StartAsync(app, cancellationToken), directory, interactions);
    }

    public async ValueTask DisposeAsync()
    {
        await _server.DisposeAsync();
        Directory.Delete(_directory, recursive: true);
    }
}
