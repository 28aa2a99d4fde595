namespace Byoc.Cli.Tests;

public sealed class ConnectorCommandTests
{
    [Fact]
    public async Task Invoke_NoConfiguration_ExitsWithUsageErrorNamingKeys()
    {
        var directory = Directory.CreateTempSubdirectory("byoc-cli-").FullName;
        try
        {
            using var output = new StringWriter();
            using var error = new StringWriter();

            var exitCode = await ByocCommandLine.InvokeAsync(
                ["connector", "--urls", "http://127.0.0.1:0", $"--Connector:Storage:Path={Path.Combine(directory, "c.db")}"],
                output, error, TestContext.Current.CancellationToken).WaitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken);

            Assert.Equal(ExitCodes.InvalidUsage, exitCode);
            Assert.Contains("Connector:Salesforce:ConsumerKey is required", error.ToString(), StringComparison.Ordinal);
            Assert.Contains("Connector:Salesforce:PubSub:Topic is required", error.ToString(), StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    [Fact]
    public async Task Invoke_ValidConfigurationThenCancel_StopsCleanly()
    {
        var directory = Directory.CreateTempSubdirectory("byoc-cli-").FullName;
        try
        {
            var keyPath = Path.Combine(directory, "server.key");
            using (var rsa = System.Security.Cryptography.RSA.Create(2048))
            {
                await File.WriteAllTextAsync(keyPath, rsa.ExportPkcs8PrivateKeyPem(), TestContext.Current.CancellationToken);
            }

            using var output = new StringWriter();
            using var error = new StringWriter();
            using var cts = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
            var run = ByocCommandLine.InvokeAsync(
            [
                "connector", "--urls", "http://127.0.0.1:0",
                $"--Connector:Storage:Path={Path.Combine(directory, "c.db")}",
                "--Connector:Salesforce:ConsumerKey=key", "--Connector:Salesforce:Username=user@example.com",
                $"--Connector:Salesforce:PrivateKeyPath={keyPath}", "--Connector:Salesforce:OrgId=00Dxx0000001gEH",
                "--Connector:Salesforce:ScrtUrl=http://127.0.0.1:9", "--Connector:Salesforce:AuthorizationContext=P_CCD",
                "--Connector:Salesforce:RegisterCapabilities=false", "--Connector:Salesforce:PubSub:Enabled=false",
                "--Logging:LogLevel:Default=Warning",
            ], output, error, cts.Token);
            while (!output.ToString().Contains("listening", StringComparison.Ordinal) && !run.IsCompleted)
            {
                await Task.Delay(20, TestContext.Current.CancellationToken);
            }

            await cts.CancelAsync();
            var exitCode = await run.WaitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken);

            Assert.Equal(ExitCodes.Success, exitCode);
            Assert.Contains("stopped", output.ToString(), StringComparison.Ordinal);
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(directory, recursive: true);
        }
    }

    [Fact]
    public async Task Invoke_BadValueInConfigFile_NamesTheKeyAndTheFile()
    {
        var directory = Directory.CreateTempSubdirectory("byoc-cli-").FullName;
        try
        {
            var config = Path.Combine(directory, "connector.json");
            await File.WriteAllTextAsync(config, $$"""
                { "Connector": { "Storage": { "Path": "{{Path.Combine(directory, "c.db").Replace("\\", "/", StringComparison.Ordinal)}}" },
                                 "Salesforce": { "ScrtUrl": "not a url" } } }
                """, TestContext.Current.CancellationToken);
            using var output = new StringWriter();
            using var error = new StringWriter();

            var exitCode = await ByocCommandLine.InvokeAsync(["connector", "--urls", "http://127.0.0.1:0", "--config", config],
                output, error, TestContext.Current.CancellationToken).WaitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken);

            Assert.Equal(ExitCodes.InvalidUsage, exitCode);
            Assert.Contains($"Connector:Salesforce:ScrtUrl must be an absolute http(s) URL (got 'not a url'). [the file {config}]", error.ToString(), StringComparison.Ordinal);
            Assert.Contains("Connector:Salesforce:ConsumerKey is required. [not set in any source]", error.ToString(), StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    [Fact]
    public async Task Invoke_MissingConfigFile_ExitsTwoNamingIt()
    {
        var missing = Path.Combine(Path.GetTempPath(), $"byoc-missing-{Guid.NewGuid():N}.json");
        using var output = new StringWriter();
        using var error = new StringWriter();

        var exitCode = await ByocCommandLine.InvokeAsync(["connector", "--config", missing], output, error, TestContext.Current.CancellationToken);

        Assert.Equal(ExitCodes.InvalidUsage, exitCode);
        Assert.Contains($"The configuration file '{missing}' does not exist.", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Invoke_Help_DescribesConfiguration()
    {
        using var output = new StringWriter();
        using var error = new StringWriter();

        var exitCode = await ByocCommandLine.InvokeAsync(["connector", "--help"], output, error, TestContext.Current.CancellationToken);

        Assert.Equal(ExitCodes.Success, exitCode);
        Assert.Contains("--urls", output.ToString(), StringComparison.Ordinal);
        Assert.Contains("Connector__Salesforce__OrgId", output.ToString(), StringComparison.Ordinal);
    }
}
