using System.Net;
using System.Net.Sockets;

namespace Byoc.Cli.Tests.Commands;

public sealed class UpCommandTests : IDisposable
{
    private readonly string _state = Path.Combine(Path.GetTempPath(), "byoc-cli-tests", Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task Up_OrgPortTaken_ExitsNonZeroNamingThePort()
    {
        using var taken = new TcpListener(IPAddress.Loopback, 0);
        taken.Start();
        var port = ((IPEndPoint)taken.LocalEndpoint).Port;

        var (exitCode, _, error) = await InvokeAsync("up", "--state-dir", _state, "--instance-port", $"{port}", "--scrt-port", "0",
            "--pubsub-port", "0", "--port", "0", "--in-memory");

        Assert.Equal(ExitCodes.Failure, exitCode);
        Assert.Contains($"127.0.0.1:{port} is already in use", error, StringComparison.Ordinal);
        Assert.Contains("the emulated org", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Up_ConnectorPortTaken_ExitsNonZeroNamingThePort()
    {
        using var taken = new TcpListener(IPAddress.Loopback, 0);
        taken.Start();
        var port = ((IPEndPoint)taken.LocalEndpoint).Port;

        var (exitCode, _, error) = await InvokeAsync("up", "--state-dir", _state, "--instance-port", "0", "--scrt-port", "0",
            "--pubsub-port", "0", "--port", $"{port}", "--in-memory");

        Assert.Equal(ExitCodes.Failure, exitCode);
        Assert.Contains($"127.0.0.1:{port} is already in use", error, StringComparison.Ordinal);
        Assert.Contains("the connector", error, StringComparison.Ordinal);
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(_state, recursive: true);
        }
        catch (IOException)
        {
            // Best effort: the OS cleans temp folders.
        }
    }

    private static async Task<(int ExitCode, string Output, string Error)> InvokeAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exitCode = await ByocCommandLine.InvokeAsync(args, output, error, TestContext.Current.CancellationToken).WaitAsync(TimeSpan.FromSeconds(60));
        return (exitCode, output.ToString(), error.ToString());
    }
}
