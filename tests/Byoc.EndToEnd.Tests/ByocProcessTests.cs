using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text.Json;

namespace Byoc.EndToEnd.Tests;

/// <summary>The built <c>byoc</c> executable as a person runs it: what it prints to a pipe, its exit codes, its process.</summary>
public sealed class ByocProcessTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("byoc-process-").FullName;

    [Fact]
    public async Task ByocExecutable_Help_ExitsZeroAndDescribesProduct()
    {
        var (exitCode, output, _) = await RunByocAsync(["--help"]);

        Assert.Equal(0, exitCode);
        Assert.Contains("Agentforce", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Up_PortInUse_PrintsOneLineAndNoStackTrace()
    {
        using var taken = new TcpListener(IPAddress.Loopback, 0);
        taken.Start();
        var port = ((IPEndPoint)taken.LocalEndpoint).Port;

        var (exitCode, output, error) = await RunByocAsync(["up", "--in-memory", "--state-dir", Path.Combine(_directory, "state"),
            "--port", $"{port}", "--instance-port", "0", "--scrt-port", "0", "--pubsub-port", "0"]);

        Assert.Equal(1, exitCode);
        var line = Assert.Single(error.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        Assert.StartsWith($"byoc up: cannot start the connector: http://127.0.0.1:{port} is already in use.", line, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", output + error, StringComparison.Ordinal);
        Assert.DoesNotContain("fail:", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Up_BadFlag_ExitsTwoWithTheErrorAndAHint()
    {
        var (exitCode, output, error) = await RunByocAsync(["up", "--prot", "5080"]);

        Assert.Equal(2, exitCode);
        Assert.Empty(output);
        Assert.Equal(["byoc up: Unrecognized command or argument '--prot'.", "byoc up: Unrecognized command or argument '5080'.",
            "Run 'byoc up --help' for the options."], error.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
    }

    /// <summary>
    /// Issue 23: the default reload-on-change watched the working directory tree, one inotify watch per folder, woken by
    /// every database write. The running connector, with reload on or off, holds no inotify watch at all.
    /// </summary>
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    [Trait("Category", "Slow")]
    public async Task Connector_Running_HoldsNoInotifyWatch(bool reload)
    {
        Assert.SkipUnless(OperatingSystem.IsLinux(), "inotify is Linux's.");
        foreach (var folder in new[] { ".byoc/attachments", "logs/old", "data" })
        {
            Directory.CreateDirectory(Path.Combine(_directory, folder));
        }

        await File.WriteAllTextAsync(Path.Combine(_directory, "appsettings.json"), "{}", TestContext.Current.CancellationToken);
        using var process = StartConnector(reload ? ["--reload-config"] : [], jsonLogs: false);
        try
        {
            await WaitForListeningAsync(process);

            Assert.Equal(0, InotifyWatches(process.Id));
        }
        finally
        {
            process.Kill(entireProcessTree: true);
        }
    }

    [Fact]
    [Trait("Category", "Slow")]
    public async Task Connector_JsonFormatterAsked_EveryLogLineIsAJsonObject()
    {
        using var process = StartConnector([], jsonLogs: true);
        IReadOnlyList<string> beforeListening;
        string logged;
        try
        {
            // The console logger writes from its own thread: log lines come before and after the "listening" line.
            beforeListening = await WaitForListeningAsync(process);
        }
        finally
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync(TestContext.Current.CancellationToken).WaitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken);
            logged = await process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        }

        var lines = beforeListening.Concat(logged.Split('\n', StringSplitOptions.RemoveEmptyEntries))
            .Where(l => l.Length > 0 && !l.StartsWith("byoc connector:", StringComparison.Ordinal)).ToArray();
        Assert.NotEmpty(lines);
        Assert.All(lines, line =>
        {
            using var entry = JsonDocument.Parse(line);
            Assert.True(entry.RootElement.TryGetProperty("Category", out _), line);
            Assert.True(entry.RootElement.TryGetProperty("LogLevel", out _), line);
        });
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // Best effort: the OS cleans temp folders.
        }
    }

    private static string Executable => Path.Combine(AppContext.BaseDirectory, OperatingSystem.IsWindows() ? "byoc.exe" : "byoc");

    private Process StartConnector(string[] extra, bool jsonLogs)
    {
        var key = Path.Combine(_directory, "connector.key");
        using (var rsa = RSA.Create(2048))
        {
            File.WriteAllText(key, rsa.ExportPkcs8PrivateKeyPem());
        }

        var startInfo = new ProcessStartInfo(Executable)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = _directory,
        };
        string[] args =
        [
            "connector", "--urls", "http://127.0.0.1:0", .. extra,
            "--Connector:Storage:Path=.byoc/connector.db", "--Connector:Attachments:Directory=.byoc/attachments",
            "--Connector:Salesforce:LoginUrl=http://127.0.0.1:9", "--Connector:Salesforce:ConsumerKey=key",
            "--Connector:Salesforce:Username=user@example.com", $"--Connector:Salesforce:PrivateKeyPath={key}",
            "--Connector:Salesforce:OrgId=00Dxx0000001gEH", "--Connector:Salesforce:ScrtUrl=http://127.0.0.1:9",
            "--Connector:Salesforce:AuthorizationContext=P_CCD", "--Connector:Salesforce:RegisterCapabilities=false",
            "--Connector:Salesforce:PubSub:Enabled=false",
        ];
        foreach (var arg in args)
        {
            startInfo.ArgumentList.Add(arg);
        }

        if (jsonLogs)
        {
            startInfo.Environment["Logging__Console__FormatterName"] = "json";
        }

        return Process.Start(startInfo) ?? throw new InvalidOperationException($"Could not start {Executable}.");
    }

    /// <summary>
    /// Reads standard error on the side and waits for the "listening" line on standard output (then stops reading it);
    /// returns the lines before it.
    /// </summary>
    private static async Task<IReadOnlyList<string>> WaitForListeningAsync(Process process)
    {
        _ = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        var lines = new List<string>();
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(60));
        while (await process.StandardOutput.ReadLineAsync(timeout.Token) is { } line)
        {
            lines.Add(line);
            if (line.StartsWith("byoc connector: listening", StringComparison.Ordinal))
            {
                return lines;
            }
        }

        Assert.Fail($"byoc connector exited ({process.ExitCode}) without listening:\n{string.Join('\n', lines)}");
        return lines;
    }

    private static int InotifyWatches(int pid) =>
        Directory.GetFiles($"/proc/{pid}/fdinfo").Sum(fd =>
        {
            try
            {
                return File.ReadLines(fd).Count(l => l.StartsWith("inotify wd:", StringComparison.Ordinal));
            }
            catch (IOException)
            {
                return 0; // The descriptor closed while we read.
            }
        });

    private static async Task<(int ExitCode, string Output, string Error)> RunByocAsync(string[] args)
    {
        var startInfo = new ProcessStartInfo(Executable) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in args)
        {
            startInfo.ArgumentList.Add(arg);
        }

        using var process = Process.Start(startInfo) ?? throw new InvalidOperationException($"Could not start {Executable}.");
        var output = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        var error = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        await process.WaitForExitAsync(TestContext.Current.CancellationToken).WaitAsync(TimeSpan.FromSeconds(60), TestContext.Current.CancellationToken);
        return (process.ExitCode, await output, await error);
    }
}
