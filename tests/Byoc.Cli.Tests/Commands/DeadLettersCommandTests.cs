using System.Globalization;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Byoc.Connector;
using Byoc.TestUtilities;

namespace Byoc.Cli.Tests.Commands;

/// <summary>
/// <c>byoc deadletters</c> against a real connector on loopback whose Salesforce endpoints refuse connections, so a
/// webhook message runs out of attempts and becomes a dead letter.
/// </summary>
public sealed class DeadLettersCommandTests : IAsyncLifetime
{
    private const string Key = "cli-admin-key";
    private const string Secret = "whsec_c2VjcmV0LWtleS1mb3ItdGVzdHM=";

    private readonly string _directory = Directory.CreateTempSubdirectory("byoc-cli-dl-").FullName;
    private LoopbackServer? _connector;

    private Uri Url => _connector!.BaseAddress;

    public async ValueTask InitializeAsync()
    {
        var keyPath = Path.Combine(_directory, "server.key");
        using (var rsa = RSA.Create(2048))
        {
            await File.WriteAllTextAsync(keyPath, rsa.ExportPkcs8PrivateKeyPem(), TestContext.Current.CancellationToken);
        }

        _connector = await LoopbackServer.StartAsync(ConnectorApplication.Create(
        [
            $"--Connector:Storage:Path={Path.Combine(_directory, "c.db")}",
            "--Connector:Salesforce:LoginUrl=http://127.0.0.1:9", "--Connector:Salesforce:ConsumerKey=key",
            "--Connector:Salesforce:Username=user@example.com", $"--Connector:Salesforce:PrivateKeyPath={keyPath}",
            "--Connector:Salesforce:OrgId=00Dxx0000001gEH", "--Connector:Salesforce:ScrtUrl=http://127.0.0.1:9",
            "--Connector:Salesforce:AuthorizationContext=P_CCD", "--Connector:Salesforce:RegisterCapabilities=false",
            "--Connector:Salesforce:PubSub:Enabled=false",
            "--Connector:Delivery:PollInterval=00:00:00.050", "--Connector:Delivery:BaseDelay=00:00:00.010",
            "--Connector:Delivery:MaxDelay=00:00:00.020", "--Connector:Delivery:MaxAttempts=2",
            "--Connector:Webhook:Channels:web:ChannelAddressIdentifier=11111111-2222-3333-4444-555555555555",
            $"--Connector:Webhook:Channels:web:Secret={Secret}",
            "--Connector:Webhook:Channels:web:OutboundUrl=http://127.0.0.1:9/inbox",
            $"--Connector:Admin:ApiKey={Key}", "--Logging:LogLevel:Default=Warning",
        ]), TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task ListShowReplayPurge_AgainstRunningConnector_ShowReasonAndLastErrorAndAct()
    {
        await PostMessageAsync("m1");
        var list = await WaitForDeadLettersAsync(1);
        var item = list.GetProperty("items")[0];
        var id = item.GetProperty("id").GetInt64();
        Assert.Equal(("inbox", "m1", "attempts-exhausted"), (item.GetProperty("queue").GetString(), item.GetProperty("key").GetString(),
            item.GetProperty("reason").GetString()));
        Assert.False(string.IsNullOrEmpty(item.GetProperty("lastError").GetString()));

        var table = await RunAsync(0, "list");
        Assert.Contains("attempts-exhausted", table, StringComparison.Ordinal);
        Assert.Contains("1 dead letter(s) in all.", table, StringComparison.Ordinal);
        Assert.Contains("\"text\":\"hello\"", await RunAsync(0, "show", id.ToString(CultureInfo.InvariantCulture)), StringComparison.Ordinal);

        Assert.Contains("Replayed 1", await RunAsync(0, "replay", id.ToString(CultureInfo.InvariantCulture)), StringComparison.Ordinal);
        // Salesforce is still unreachable, so the replayed message dies again under a new id.
        var again = (await WaitForDeadLettersAsync(1, except: id)).GetProperty("items")[0].GetProperty("id").GetInt64();
        Assert.NotEqual(id, again);

        await RunAsync(ExitCodes.NotFound, "show", id.ToString(CultureInfo.InvariantCulture));
        Assert.Contains("Purged 1", await RunAsync(0, "purge", "--all"), StringComparison.Ordinal);
        Assert.Equal(0, JsonDocument.Parse(await RunAsync(0, "list", "--json")).RootElement.GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task Run_WrongKeyMissingKeyOrNoTarget_ExitCodesSayWhy()
    {
        await RunWithoutKeyAsync(1, "list", "--url", Url.ToString(), "--api-key", "wrong");
        await RunWithoutKeyAsync(2, "list", "--url", Url.ToString());
        await RunAsync(ExitCodes.InvalidUsage, "purge");
        await RunWithoutKeyAsync(3, "list", "--url", "http://127.0.0.1:9", "--api-key", Key);
    }

    public async ValueTask DisposeAsync()
    {
        if (_connector is not null)
        {
            await _connector.DisposeAsync();
        }

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }

    private async Task<string> RunAsync(int expectedExitCode, params string[] args) =>
        await RunWithoutKeyAsync(expectedExitCode, ["deadletters", .. args.Take(1), "--url", Url.ToString(), "--api-key", Key, .. args.Skip(1)]);

    private static async Task<string> RunWithoutKeyAsync(int expectedExitCode, params string[] args)
    {
        if (args[0] != "deadletters")
        {
            args = ["deadletters", .. args];
        }

        using var output = new StringWriter();
        using var error = new StringWriter();
        var exitCode = await ByocCommandLine.InvokeAsync(args, output, error, TestContext.Current.CancellationToken);
        Assert.True(expectedExitCode == exitCode, $"Exit code {exitCode}, expected {expectedExitCode}. Output: {output} Error: {error}");
        return output.ToString();
    }

    private async Task<JsonElement> WaitForDeadLettersAsync(int count, long? except = null)
    {
        var deadline = TimeProvider.System.GetUtcNow() + TimeSpan.FromSeconds(20);
        while (true)
        {
            var page = JsonDocument.Parse(await RunAsync(0, "list", "--json")).RootElement;
            var items = page.GetProperty("items").EnumerateArray().Where(i => i.GetProperty("id").GetInt64() != except).ToArray();
            if (items.Length >= count)
            {
                return page;
            }

            Assert.True(TimeProvider.System.GetUtcNow() < deadline, "The message never became a dead letter.");
            await Task.Delay(50, TestContext.Current.CancellationToken);
        }
    }

    private async Task PostMessageAsync(string id)
    {
        var body = Encoding.UTF8.GetBytes($$"""{"type":"message","id":"{{id}}","userId":"u1","text":"hello"}""");
        var timestamp = TimeProvider.System.GetUtcNow().ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var signed = Encoding.UTF8.GetBytes($"evt-{id}.{timestamp}.").Concat(body).ToArray();
        var signature = "v1," + Convert.ToBase64String(HMACSHA256.HashData(Convert.FromBase64String(Secret["whsec_".Length..]), signed));
        using var client = _connector!.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("/webhooks/web", UriKind.Relative)) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        request.Headers.Add("webhook-id", $"evt-{id}");
        request.Headers.Add("webhook-timestamp", timestamp);
        request.Headers.Add("webhook-signature", signature);
        using var response = await client.SendAsync(request, TestContext.Current.CancellationToken);
        Assert.Equal(System.Net.HttpStatusCode.Accepted, response.StatusCode);
    }
}
