using System.Collections.Concurrent;
using Byoc.Connector.Tests.Salesforce;
using Byoc.Storage.Sqlite;
using Byoc.TestUtilities;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Byoc.Connector.Tests;

/// <summary>
/// The real connector on loopback Kestrel, wired to an in-test token endpoint, Interaction Service API and customer
/// webhook endpoint. Pub/Sub and capabilities are off unless a test turns them on.
/// </summary>
internal sealed class ConnectorHost : IAsyncDisposable
{
    public const string Secret = "whsec_c2VjcmV0LWtleS1mb3ItdGVzdHM=";
    public const string ChannelAddress = "11111111-2222-3333-4444-555555555555";

    private readonly TestKeys _keys;
    private readonly string _directory;

    private ConnectorHost(TestKeys keys, string directory, FakeTokenEndpoint token, FakeInteractionServer scrt, LoopbackServer customer,
        ConcurrentQueue<RecordedRequest> customerRequests, LoopbackServer connector)
    {
        _keys = keys;
        _directory = directory;
        Token = token;
        Scrt = scrt;
        Customer = customer;
        CustomerRequests = customerRequests;
        Connector = connector;
    }

    public FakeTokenEndpoint Token { get; }

    public FakeInteractionServer Scrt { get; }

    public LoopbackServer Customer { get; }

    public ConcurrentQueue<RecordedRequest> CustomerRequests { get; }

    public LoopbackServer Connector { get; }

    public IServiceProvider Services => Connector.Services;

    /// <summary>Where the connector keeps end users' and Salesforce's files.</summary>
    public string AttachmentDirectory => Path.Combine(_directory, "attachments");

    public static Task<ConnectorHost> StartAsync(CancellationToken cancellationToken, Func<int>? customerStatus = null,
        params string[] extraArgs) => StartAsync(configure: null, customerStatus, cancellationToken, extraArgs);

    /// <summary>Starts the connector; <paramref name="configure"/> adjusts its builder last (for example to capture logs).</summary>
    public static async Task<ConnectorHost> StartAsync(Action<WebApplicationBuilder>? configure, Func<int>? customerStatus,
        CancellationToken cancellationToken, params string[] extraArgs)
    {
        var keys = new TestKeys();
        var directory = Directory.CreateTempSubdirectory("byoc-connector-").FullName;
        var token = await FakeTokenEndpoint.StartAsync(cancellationToken);
        var scrt = await FakeInteractionServer.StartAsync(cancellationToken);
        var customerRequests = new ConcurrentQueue<RecordedRequest>();
        var customerApp = WebApplication.CreateSlimBuilder().Build();
        customerApp.MapPost("/inbox", async (HttpContext context) =>
        {
            using var buffer = new MemoryStream();
            await context.Request.Body.CopyToAsync(buffer, context.RequestAborted);
            customerRequests.Enqueue(new RecordedRequest("POST", "/inbox",
                context.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase), buffer.ToArray()));
            return Results.StatusCode(customerStatus?.Invoke() ?? 200);
        });
        var customer = await LoopbackServer.StartAsync(customerApp, cancellationToken);
        string[] args =
        [
            $"--Connector:Storage:Path={Path.Combine(directory, "connector.db")}",
            $"--Connector:Attachments:Directory={Path.Combine(directory, "attachments")}",
            $"--Connector:Salesforce:LoginUrl={token.BaseAddress}",
            "--Connector:Salesforce:ConsumerKey=consumer-key",
            "--Connector:Salesforce:Username=integration@example.com",
            $"--Connector:Salesforce:PrivateKeyPath={keys.PrivateKeyPath}",
            "--Connector:Salesforce:OrgId=00Dxx0000001gEH",
            $"--Connector:Salesforce:ScrtUrl={scrt.BaseAddress}",
            "--Connector:Salesforce:AuthorizationContext=Partner1_ChannelDefinition1",
            "--Connector:Salesforce:RegisterCapabilities=false",
            "--Connector:Salesforce:PubSub:Enabled=false",
            "--Connector:Delivery:PollInterval=00:00:00.050",
            "--Connector:Delivery:BaseDelay=00:00:00.020",
            "--Connector:Delivery:MaxDelay=00:00:00.100",
            "--Connector:Delivery:MaxAttempts=3",
            $"--Connector:Webhook:Channels:web:ChannelAddressIdentifier={ChannelAddress}",
            $"--Connector:Webhook:Channels:web:Secret={Secret}",
            $"--Connector:Webhook:Channels:web:OutboundUrl={new Uri(customer.BaseAddress, "/inbox")}",
            "--Connector:Webhook:Channels:web:MaxBodyBytes=1024",
            "--Logging:LogLevel:Default=Warning",
            .. extraArgs,
        ];
        var connector = await LoopbackServer.StartAsync(ConnectorApplication.Create(args, configure), cancellationToken);
        return new ConnectorHost(keys, directory, token, scrt, customer, customerRequests, connector);
    }

    public async Task<long> CountRowsAsync(string table)
    {
        var database = Services.GetRequiredService<SqliteDatabase>();
        await using var connection = await database.OpenAsync(CancellationToken.None);
        await using var command = connection.CreateCommand();
#pragma warning disable CA2100 // Test-only: the table name is a literal from the test.
        command.CommandText = $"SELECT COUNT(*) FROM {table}";
#pragma warning restore CA2100
        return (long)(await command.ExecuteScalarAsync())!;
    }

    /// <summary>
    /// Returns once the outbox and inbox have nothing left to claim, so a test can assert that something was not sent.
    /// </summary>
    public Task SettleAsync() =>
        Services.GetRequiredService<Connector.Pipeline.PipelineSettling>().WaitUntilSettledAsync(TestContext.Current.CancellationToken)
            .WaitAsync(WaitFor.DefaultTimeout, TestContext.Current.CancellationToken);

    public async ValueTask DisposeAsync()
    {
        await Connector.DisposeAsync();
        await Customer.DisposeAsync();
        await Scrt.DisposeAsync();
        await Token.DisposeAsync();
        _keys.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // Best effort: the OS cleans temp folders.
        }
    }
}
