using System.Diagnostics;

namespace Byoc.Bench.Hosting;

/// <summary>
/// The connector as its own OS process (<c>byoc connector ...</c>), so the OS can tell its CPU time and memory. The first
/// instance listens on port 0 and the port it bound is read back from its console (<c>byoc connector: listening on …</c>);
/// killed with SIGKILL, it is restarted on that port and the same database. Its console output goes to a log file.
/// </summary>
internal sealed class ConnectorProcess : IAsyncDisposable
{
    private static readonly TimeSpan s_startTimeout = TimeSpan.FromSeconds(60);

    private readonly ConnectorLaunch _launch;
    private readonly StreamWriter _log;
    private readonly Lock _logLock = new();
    private readonly HttpClient _health = new() { Timeout = TimeSpan.FromSeconds(2) };
    private Process? _process;
    private Uri? _baseUrl;
    private TaskCompletionSource<Uri> _listening = NewListening();

    private ConnectorProcess(ConnectorLaunch launch)
    {
        _launch = launch;
        _log = new StreamWriter(launch.LogPath, append: true) { AutoFlush = true };
    }

    /// <summary>The OS process id of the running instance.</summary>
    public int ProcessId => _process?.Id ?? throw new InvalidOperationException("The connector is not running.");

    /// <summary>Where the connector listens; known once the first instance has started.</summary>
    public Uri BaseUrl => _baseUrl ?? throw new InvalidOperationException("The connector has not started yet.");

    public static async Task<ConnectorProcess> StartAsync(ConnectorLaunch launch, CancellationToken cancellationToken)
    {
        var connector = new ConnectorProcess(launch);
        try
        {
            await connector.StartInstanceAsync(cancellationToken);
            return connector;
        }
        catch
        {
            await connector.DisposeAsync();
            throw;
        }
    }

    /// <summary>Kills the process at once (SIGKILL on Unix): no draining, no lease release, no flush.</summary>
    public void Kill()
    {
        if (_process is { } process)
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
            process.Dispose();
            _process = null;
        }
    }

    /// <summary>Starts a new instance (on the port of the first one, if there was one) and waits until <c>/healthz</c> answers 200.</summary>
    public async Task StartInstanceAsync(CancellationToken cancellationToken)
    {
        _listening = NewListening();
        var startInfo = _launch.Executable.EndsWith(".dll", StringComparison.OrdinalIgnoreCase)
            ? new ProcessStartInfo("dotnet") { ArgumentList = { _launch.Executable } }
            : new ProcessStartInfo(_launch.Executable);
        startInfo.ArgumentList.Add("connector");
        startInfo.ArgumentList.Add("--urls=" + (_baseUrl?.GetLeftPart(UriPartial.Authority) ?? "http://127.0.0.1:0"));
        foreach (var argument in _launch.Arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        startInfo.RedirectStandardOutput = true;
        startInfo.RedirectStandardError = true;
        startInfo.UseShellExecute = false;
        startInfo.Environment["DOTNET_NOLOGO"] = "1";
        var process = Process.Start(startInfo) ?? throw new InvalidOperationException($"Could not start {_launch.Executable}.");
        process.OutputDataReceived += (_, e) => WriteLog(e.Data);
        process.ErrorDataReceived += (_, e) => WriteLog(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        _process = process;
        _baseUrl = await WaitListeningAsync(process, cancellationToken);
        await WaitHealthyAsync(process, cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        Kill();
        _health.Dispose();
        await _log.DisposeAsync();
    }

    private static TaskCompletionSource<Uri> NewListening() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>The address the instance prints once Kestrel has bound it.</summary>
    private async Task<Uri> WaitListeningAsync(Process process, CancellationToken cancellationToken)
    {
        var exited = process.WaitForExitAsync(cancellationToken);
        var first = await Task.WhenAny(_listening.Task, exited).WaitAsync(s_startTimeout, cancellationToken);
        if (first != _listening.Task)
        {
            await exited;
            throw new InvalidOperationException($"The connector exited with code {process.ExitCode} while starting; see {_launch.LogPath}.");
        }

        return await _listening.Task;
    }

    private async Task WaitHealthyAsync(Process process, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        var health = new Uri(BaseUrl, "/healthz");
        while (Stopwatch.GetElapsedTime(started) < s_startTimeout)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException(
                    $"The connector exited with code {process.ExitCode} while starting; see {_launch.LogPath}.");
            }

            try
            {
                using var response = await _health.GetAsync(health, cancellationToken);
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                // Slow to answer while starting.
            }

            await Task.Delay(25, cancellationToken);
        }

        throw new TimeoutException($"The connector did not answer /healthz within {s_startTimeout.TotalSeconds:0} s; see {_launch.LogPath}.");
    }

    private void WriteLog(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_logLock)
        {
            _log.WriteLine(line);
        }

        // byoc connector: listening on http://127.0.0.1:40123; press Ctrl+C to stop.
        const string Listening = "byoc connector: listening on ";
        if (line.StartsWith(Listening, StringComparison.Ordinal)
            && Uri.TryCreate(line[Listening.Length..].Split([',', ';'])[0].Trim(), UriKind.Absolute, out var address))
        {
            _listening.TrySetResult(address);
        }
    }
}
