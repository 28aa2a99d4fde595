using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Byoc.Connector.Salesforce;
using Byoc.Connector.Salesforce.PubSub;
using Byoc.Storage.Sqlite;
using Byoc.TestUtilities;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Byoc.Connector.Tests.Salesforce.PubSub;

[Trait("Category", "Slow")]
public sealed class PubSubTlsTests : IAsyncLifetime
{
    private readonly FakePubSubState _state = new();
    private readonly string _directory = Directory.CreateTempSubdirectory("byoc-tls-").FullName;
    private LoopbackServer _server = null!;
    private X509Certificate2 _ca = null!;

    public async ValueTask InitializeAsync()
    {
        using var caKey = RSA.Create(2048);
        var caRequest = new CertificateRequest("CN=BYOC Test CA", caKey, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        caRequest.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        caRequest.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        var now = TimeProvider.System.GetUtcNow();
        _ca = caRequest.CreateSelfSigned(now.AddDays(-1), now.AddDays(1));

        using var serverKey = RSA.Create(2048);
        var serverRequest = new CertificateRequest("CN=127.0.0.1", serverKey, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var san = new SubjectAlternativeNameBuilder();
        san.AddIpAddress(IPAddress.Loopback);
        serverRequest.CertificateExtensions.Add(san.Build());
        serverRequest.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], false));
        using var issued = serverRequest.Create(_ca, now.AddHours(-1), now.AddHours(12), [1, 2, 3, 4]);
        var serverCertificate = X509CertificateLoader.LoadPkcs12(issued.CopyWithPrivateKey(serverKey).Export(X509ContentType.Pkcs12), null);

        var builder = WebApplication.CreateSlimBuilder();
        builder.Services.AddGrpc();
        builder.Services.AddSingleton(_state);
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0, listen =>
        {
            listen.Protocols = HttpProtocols.Http2;
            listen.UseHttps(serverCertificate);
        }));
        var app = builder.Build();
        app.MapGrpcService<FakePubSubService>();
        _server = await LoopbackServer.StartAsync(app, TestContext.Current.CancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        await _server.DisposeAsync();
        _ca.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }

    [Fact]
    public async Task ExecuteAsync_ServerIssuedByConfiguredCa_Subscribes()
    {
        var caFile = Path.Combine(_directory, "ca.pem");
        await File.WriteAllTextAsync(caFile, _ca.ExportCertificatePem(), TestContext.Current.CancellationToken);

        var subscriptions = await RunAsync(caFile, TimeSpan.FromSeconds(15), stopWhen: () => _state.Subscriptions.Count == 1);

        Assert.Equal(1, subscriptions);
    }

    [Fact]
    public async Task ExecuteAsync_ServerNotIssuedByConfiguredCa_RefusesToConnect()
    {
        using var otherKey = RSA.Create(2048);
        var now = TimeProvider.System.GetUtcNow();
        using var other = new CertificateRequest("CN=Other CA", otherKey, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1)
            .CreateSelfSigned(now.AddDays(-1), now.AddDays(1));
        var caFile = Path.Combine(_directory, "other.pem");
        await File.WriteAllTextAsync(caFile, other.ExportCertificatePem(), TestContext.Current.CancellationToken);

        var subscriptions = await RunAsync(caFile, TimeSpan.FromSeconds(1), stopWhen: () => false);

        Assert.Equal(0, subscriptions);
    }

    private async Task<int> RunAsync(string caFile, TimeSpan limit, Func<bool> stopWhen)
    {
        using var database = new SqliteDatabase(Path.Combine(_directory, $"{Guid.NewGuid():N}.db"));
        var options = Options.Create(new SalesforceOptions
        {
            OrgId = "00Dxx0000001gEH",
            PubSub = new PubSubOptions
            {
                Endpoint = _server.BaseAddress,
                CaFile = caFile,
                Topic = "/event/Conversation__e",
                EventTypeField = "EventType__c",
                PayloadField = "Payload__c",
                ReconnectBaseDelay = TimeSpan.FromMilliseconds(20),
                ReconnectMaxDelay = TimeSpan.FromMilliseconds(100),
            },
        });
        using var factory = new PubSubClientFactory(options);
        using var sut = new PubSubSubscriber(factory, new FakeTokenProvider(), options, new SqliteOutboxStore(database, TimeProvider.System),
            new NoopHandler(), new AvroEventDecoder(), new SqliteLeaderElection(database), TimeProvider.System, Diagnostics.TestMetrics.Create(), NullLogger<PubSubSubscriber>.Instance);
        await sut.StartAsync(TestContext.Current.CancellationToken);
        var deadline = TimeProvider.System.GetUtcNow() + limit;
        while (!stopWhen() && TimeProvider.System.GetUtcNow() < deadline)
        {
            await Task.Delay(20, TestContext.Current.CancellationToken);
        }

        await sut.StopAsync(TestContext.Current.CancellationToken);
        return _state.Subscriptions.Count;
    }

    private sealed class NoopHandler : IPlatformEventHandler
    {
        public Task HandleAsync(PlatformEvent platformEvent, CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
