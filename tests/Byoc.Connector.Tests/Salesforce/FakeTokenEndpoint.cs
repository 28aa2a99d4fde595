using System.Collections.Concurrent;
using Byoc.TestUtilities;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.IdentityModel.JsonWebTokens;

namespace Byoc.Connector.Tests.Salesforce;

/// <summary>A tiny OAuth token endpoint on loopback Kestrel that records every JWT assertion it receives.</summary>
internal sealed class FakeTokenEndpoint : IAsyncDisposable
{
    private readonly LoopbackServer _server;
    private int _mints;

    private FakeTokenEndpoint(LoopbackServer server) => _server = server;

    public Uri BaseAddress => _server.BaseAddress;

    public ConcurrentQueue<JsonWebToken> Assertions { get; } = new();

    public ConcurrentQueue<string> GrantTypes { get; } = new();

    public int Mints => Volatile.Read(ref _mints);

    /// <summary>When set, the endpoint answers 400 invalid_grant.</summary>
    public string? RefuseWith { get; set; }

    /// <summary>Produces the access token for the n-th mint (1-based).</summary>
    public Func<int, string> TokenFactory { get; set; } = n => $"00Dxx0000001!token-{n}";

    public static async Task<FakeTokenEndpoint> StartAsync(CancellationToken cancellationToken)
    {
        var builder = WebApplication.CreateSlimBuilder();
        var app = builder.Build();
        FakeTokenEndpoint? self = null;
        app.MapPost("/services/oauth2/token", async (HttpRequest request) =>
        {
            var form = await request.ReadFormAsync();
            self!.GrantTypes.Enqueue(form["grant_type"].ToString());
            self.Assertions.Enqueue(new JsonWebToken(form["assertion"].ToString()));
            if (self.RefuseWith is { } description)
            {
                return Results.Json(new Dictionary<string, string> { ["error"] = "invalid_grant", ["error_description"] = description },
                    statusCode: 400);
            }

            var n = Interlocked.Increment(ref self._mints);
            return Results.Json(new Dictionary<string, string>
            {
                ["access_token"] = self.TokenFactory(n),
                ["instance_url"] = "https://example.my.salesforce.com",
                ["token_type"] = "Bearer",
            });
        });
        self = new FakeTokenEndpoint(await LoopbackServer.StartAsync(app, cancellationToken));
        return self;
    }

    public ValueTask DisposeAsync() => _server.DisposeAsync();
}
