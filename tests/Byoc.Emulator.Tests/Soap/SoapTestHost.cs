using Byoc.Emulator.Auth;
using Byoc.Emulator.Org.Records;
using Byoc.Emulator.Org.Schema;
using Byoc.Emulator.Org.Seed;
using Byoc.Emulator.Packages;
using Byoc.Emulator.Soap;
using Byoc.TestUtilities;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Byoc.Emulator.Tests.Soap;

/// <summary>The SOAP (and package) APIs on real Kestrel at 127.0.0.1:0 over a seeded in-memory org.</summary>
internal sealed class SoapTestHost : IAsyncDisposable
{
    private readonly LoopbackServer _server;

    private SoapTestHost(LoopbackServer server, OrgStore store, TestAccessTokens tokens, FakeTimeProvider time)
    {
        _server = server;
        Store = store;
        Tokens = tokens;
        Time = time;
        Client = server.CreateClient();
    }

    public OrgStore Store { get; }

    public TestAccessTokens Tokens { get; }

    public FakeTimeProvider Time { get; }

    public HttpClient Client { get; }

    public Uri BaseAddress => _server.BaseAddress;

    public string OrgId => Store.Records("Organization").Single().Id;

    public static async Task<SoapTestHost> StartAsync(SeedProfile profile = SeedProfile.Complete, Action<WebApplication>? configure = null)
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 24, 9, 30, 0, TimeSpan.Zero));
        var store = new OrgStore(new OrgSchema(), new OrgStoreOptions(), time);
        OrgSeeder.SeedIfEmpty(store, profile);
        var tokens = new TestAccessTokens(store.Records("Organization").Single().Id, store.DefaultActorId!);
        var builder = WebApplication.CreateSlimBuilder();
        builder.Services.AddSingleton(store);
        builder.Services.AddSingleton<IAccessTokens>(tokens);
        builder.Services.AddSingleton<TimeProvider>(time);
        builder.Services.AddSoapApis();
        var app = builder.Build();
        app.MapSoapApis();
        app.MapPackageApis();
        configure?.Invoke(app);
        var server = await LoopbackServer.StartAsync(app, TestContext.Current.CancellationToken);
        return new SoapTestHost(server, store, tokens, time);
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _server.DisposeAsync();
        Store.Dispose();
    }
}
