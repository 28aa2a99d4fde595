using System.Collections.Concurrent;
using System.Net.Http.Headers;
using Byoc.Emulator.Auth;
using Byoc.Emulator.Org.Records;
using Byoc.Emulator.Rest;
using Byoc.Emulator.Tests.Soql;
using Byoc.TestUtilities;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;

namespace Byoc.Emulator.Tests.Rest;

/// <summary>The org REST module in a small web application on real Kestrel (127.0.0.1:0), with a seeded store.</summary>
internal sealed class RestTestHost : IAsyncDisposable
{
    private readonly SoqlTestOrg _org;
    private readonly LoopbackServer _server;

    private RestTestHost(SoqlTestOrg org, LoopbackServer server, string token)
    {
        _org = org;
        _server = server;
        Token = token;
    }

    public string Token { get; }

    public OrgStore Store => _org.Store;

    public string Escalated => _org.Escalated;

    public Microsoft.Extensions.Time.Testing.FakeTimeProvider Time => _org.Time;

    public Uri BaseAddress => _server.BaseAddress;

    public IServiceProvider Services => _server.Services;

    /// <summary>An absolute URL keeping the path as given, repeated slashes included (the sf CLI's <c>//services/…</c>).</summary>
    public Uri Url(string path) => new(_server.BaseAddress.GetLeftPart(UriPartial.Authority) + path);

    public static async Task<RestTestHost> StartAsync(int batchSize = 2000)
    {
        var org = new SoqlTestOrg();
        var tokens = new TestAccessTokens(org.Store);
        var builder = WebApplication.CreateSlimBuilder();
        builder.Services.AddSingleton(org.Store);
        builder.Services.AddSingleton<TimeProvider>(org.Time);
        builder.Services.AddSingleton<IAccessTokens>(tokens);
        builder.Services.AddOrgRestApi();
        builder.Services.Configure<OrgRestOptions>(o => o.QueryBatchSize = batchSize);
        var app = builder.Build();
        app.MapOrgRestApi();
        app.MapPost("/services/oauth2/token", async (HttpContext context, IEnumerable<IOAuthGrant> grants) =>
        {
            var form = await context.Request.ReadFormAsync(context.RequestAborted);
            var grant = grants.FirstOrDefault(g => g.GrantType == form["grant_type"]);
            return grant is null ? Results.BadRequest() : await grant.HandleAsync(form, context, context.RequestAborted);
        });
        app.MapGet("/raw-target", (HttpContext context) => context.Features.Get<IHttpRequestFeature>()!.RawTarget);
        var server = await LoopbackServer.StartAsync(app, TestContext.Current.CancellationToken);
        return new RestTestHost(org, server, tokens.Issue(org.Store.DefaultActorId!, ["api"]).AccessToken);
    }

    public HttpClient CreateClient(string? token = null)
    {
        var client = _server.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token ?? Token);
        return client;
    }

    public async ValueTask DisposeAsync()
    {
        await _server.DisposeAsync();
        _org.Dispose();
    }

    private sealed class TestAccessTokens(OrgStore store) : IAccessTokens
    {
        private readonly ConcurrentDictionary<string, AccessTokenInfo> _tokens = new(StringComparer.Ordinal);

        public IssuedToken Issue(string userId, IReadOnlyCollection<string> scopes)
        {
            var orgId = store.Records("Organization")[0].Id;
            var token = $"{orgId[..15]}!AQ{Guid.NewGuid():N}";
            var now = new DateTimeOffset(2026, 11, 24, 9, 30, 0, TimeSpan.Zero);
            _tokens[token] = new AccessTokenInfo(userId, orgId, scopes.ToHashSet(), now, now.AddHours(2));
            return new IssuedToken(token, now, now.AddHours(2));
        }

        public AccessTokenInfo? Validate(string accessToken) => _tokens.GetValueOrDefault(accessToken);

        public bool Revoke(string accessToken) => _tokens.TryRemove(accessToken, out _);
    }
}
