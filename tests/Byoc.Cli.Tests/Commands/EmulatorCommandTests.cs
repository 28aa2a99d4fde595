using System.Text.Json.Nodes;

namespace Byoc.Cli.Tests.Commands;

public sealed class EmulatorCommandTests : IDisposable
{
    private readonly string _state = Path.Combine(Path.GetTempPath(), "byoc-cli-tests", Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task Credentials_Json_PrintsEverythingAClientNeeds()
    {
        var (exitCode, output, _) = await InvokeAsync(CancellationToken.None, "emulator", "credentials", "--json", "--state-dir", _state);

        Assert.Equal(ExitCodes.Success, exitCode);
        var json = JsonNode.Parse(output)!;
        Assert.Equal("http://127.0.0.1:6100", json["loginUrl"]!.GetValue<string>());
        Assert.Equal("http://127.0.0.1:6101", json["scrtUrl"]!.GetValue<string>());
        Assert.Equal("127.0.0.1:6102", json["pubSubEndpoint"]!.GetValue<string>());
        Assert.True(json["pubSubTls"]!.GetValue<bool>());
        Assert.True(File.Exists(json["pubSubCaFile"]!.GetValue<string>()));
        Assert.True(File.Exists(json["privateKeyFile"]!.GetValue<string>()));
        Assert.StartsWith("3MVG9", json["consumerKey"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal("integration@byoc.emulated", json["username"]!.GetValue<string>());
        Assert.Equal(15, json["orgId"]!.GetValue<string>().Length);
        Assert.Equal(18, json["orgId18"]!.GetValue<string>().Length);
        Assert.Equal("Byoc_ChannelDefinition", json["channelDefinitionDeveloperName"]!.GetValue<string>());
        Assert.True(Guid.TryParse(json["channelAddressIdentifier"]!.GetValue<string>(), out _));
        Assert.Equal("/event/Byoc_Interaction__e", json["topicName"]!.GetValue<string>());
        Assert.Equal("EventType__c", json["eventTypeField"]!.GetValue<string>());
        Assert.Equal("Payload__c", json["payloadField"]!.GetValue<string>());
    }

    [Fact]
    public async Task Credentials_SecondRun_SameIdentity()
    {
        var (_, first, _) = await InvokeAsync(CancellationToken.None, "emulator", "credentials", "--json", "--state-dir", _state);
        var (exitCode, table, _) = await InvokeAsync(CancellationToken.None, "emulator", "credentials", "--state-dir", _state);

        var json = JsonNode.Parse(first)!;
        Assert.Equal(ExitCodes.Success, exitCode);
        Assert.Contains(json["consumerKey"]!.GetValue<string>(), table, StringComparison.Ordinal);
        Assert.Contains(json["channelAddressIdentifier"]!.GetValue<string>(), table, StringComparison.Ordinal);
        Assert.Contains("Consumer key (JWT iss)", table, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Emulator_Started_ServesUntilCancelledThenExitsCleanly()
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var run = InvokeAsync(cts.Token, "emulator", "--instance-port", "0", "--scrt-port", "0", "--pubsub-port", "0", "--in-memory",
            "--pubsub-plaintext", "--state-dir", _state);
        var credentialsPath = Path.Combine(_state, "credentials.json");
        for (var i = 0; i < 300 && !File.Exists(credentialsPath) && !run.IsCompleted; i++)
        {
            await Task.Delay(50, TestContext.Current.CancellationToken);
        }

        var credentials = JsonNode.Parse(await File.ReadAllTextAsync(credentialsPath, TestContext.Current.CancellationToken))!;
        using var http = new HttpClient();
        using var response = await http.GetAsync(new Uri(credentials["instanceUrl"]!.GetValue<string>() + "/services/data"), TestContext.Current.CancellationToken);
        await cts.CancelAsync();
        var (exitCode, output, _) = await run.WaitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken);

        Assert.True(response.IsSuccessStatusCode);
        Assert.Equal(ExitCodes.Success, exitCode);
        Assert.Contains("Emulated org running", output, StringComparison.Ordinal);
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(_state, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless.
        }
    }

    private static async Task<(int ExitCode, string Output, string Error)> InvokeAsync(CancellationToken cancellationToken, params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exitCode = await ByocCommandLine.InvokeAsync(args, output, error, cancellationToken);
        return (exitCode, output.ToString(), error.ToString());
    }
}
