using System.Net;
using Microsoft.Extensions.Options;

namespace Byoc.Connector.Tests.Hosting;

/// <summary>The <c>Connector:…_FILE</c> convention: a value read from the file a setting names.</summary>
public sealed class FileReferenceTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("byoc-file-ref-").FullName;

    [Fact]
    public async Task Webhook_SecretFromFile_VerifiesSignaturesWithIt()
    {
        // Written as a Kubernetes secret often is: with a trailing line break, which is not part of the secret.
        var secretFile = await WriteAsync("secret", ConnectorHost.Secret + "\n");
        await using var host = await ConnectorHost.StartAsync(TestContext.Current.CancellationToken, customerStatus: null,
            $"--Connector:Webhook:Channels:filed:ChannelAddressIdentifier={ConnectorHost.ChannelAddress}",
            $"--Connector:Webhook:Channels:filed:Secret_FILE={secretFile}",
            "--Connector:Webhook:Channels:filed:OutboundUrl=http://127.0.0.1:9/inbox");
        using var client = host.Connector.CreateClient();

        using var request = WebhookClient.Signed("filed", """{"type":"message","id":"m1","userId":"u1","text":"hi"}""");
        using var response = await client.SendAsync(request, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
    }

    [Fact]
    public async Task Create_EnvironmentVariableNamesFile_ValueIsTheFilesText()
    {
        var name = "Probe" + Guid.NewGuid().ToString("N");
        var file = await WriteAsync("value", "from-a-file\r\n");
        Environment.SetEnvironmentVariable($"Connector__{name}__Value_FILE", file);
        try
        {
            await using var app = ConnectorApplication.Create([]);

            Assert.Equal("from-a-file", app.Configuration[$"Connector:{name}:Value"]);
        }
        finally
        {
            Environment.SetEnvironmentVariable($"Connector__{name}__Value_FILE", null);
        }
    }

    [Fact]
    public void Create_UnrelatedVariableEndingInFile_IsLeftAlone()
    {
        // Shells and tools export such variables (TF_CLI_CONFIG_FILE); only keys under Connector: take part.
        var name = $"BYOC_UNRELATED_{Guid.NewGuid():N}_FILE";
        Environment.SetEnvironmentVariable(name, "/nonexistent/file");
        try
        {
            using var app = ConnectorApplication.Create([]);
        }
        finally
        {
            Environment.SetEnvironmentVariable(name, null);
        }
    }

    [Fact]
    public async Task Create_ValueAndFileBoth_FailsNamingBothSources()
    {
        var file = await WriteAsync("key", "abc");

        var ex = Assert.Throws<OptionsValidationException>(() => ConnectorApplication.Create(
            ["--Connector:Salesforce:ConsumerKey=inline", $"--Connector:Salesforce:ConsumerKey_FILE={file}"]));

        var failure = Assert.Single(ex.Failures);
        Assert.Contains("Connector:Salesforce:ConsumerKey is set twice", failure, StringComparison.Ordinal);
        Assert.Contains("the command line (--Connector:Salesforce:ConsumerKey)", failure, StringComparison.Ordinal);
        Assert.Contains(file, failure, StringComparison.Ordinal);
        Assert.DoesNotContain("inline", failure, StringComparison.Ordinal);
    }

    [Fact]
    public void Create_FileMissing_FailsNamingKeyAndPath()
    {
        var missing = Path.Combine(_directory, "no-such-secret");

        var ex = Assert.Throws<OptionsValidationException>(() => ConnectorApplication.Create(
            [$"--Connector:Webhook:Channels:web:Secret_FILE={missing}"]));

        var failure = Assert.Single(ex.Failures);
        Assert.Contains("Connector:Webhook:Channels:web:Secret_FILE", failure, StringComparison.Ordinal);
        Assert.Contains(missing, failure, StringComparison.Ordinal);
        Assert.Contains("cannot be read", failure, StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private async Task<string> WriteAsync(string name, string text)
    {
        var path = Path.Combine(_directory, name);
        await File.WriteAllTextAsync(path, text, TestContext.Current.CancellationToken);
        return path;
    }
}
