using System.Diagnostics;
using System.Text;

namespace Byoc.EndToEnd.Tests.Reliability;

/// <summary>
/// The built <c>byoc connector</c> as its own OS process: started with the given arguments, ready once its Pub/Sub
/// subscription is confirmed and it has printed the address it listens on (with <c>--urls http://127.0.0.1:0</c>, the
/// port it bound), and killed with SIGKILL (<see cref="Process.Kill()"/> on Linux) mid-run.
/// </summary>
internal sealed class ConnectorProcess : IDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();
    private readonly TaskCompletionSource _subscribed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource<Uri> _listening = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private ConnectorProcess(Process process) => _process = process;

    /// <summary>The address the process reported it listens on.</summary>
    public Uri BaseAddress => _listening.Task.Result;

    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    public static async Task<ConnectorProcess> StartAsync(IEnumerable<string> args)
    {
        var startInfo = new ProcessStartInfo(Path.Combine(AppContext.BaseDirectory, OperatingSystem.IsWindows() ? "byoc.exe" : "byoc"))
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Path.GetTempPath(),
        };
        startInfo.ArgumentList.Add("connector");
        foreach (var arg in args)
        {
            startInfo.ArgumentList.Add(arg);
        }

        startInfo.Environment["NO_COLOR"] = "1";
        var connector = new ConnectorProcess(Process.Start(startInfo)!);
        connector._process.OutputDataReceived += (_, e) => connector.Append(e.Data);
        connector._process.ErrorDataReceived += (_, e) => connector.Append(e.Data);
        connector._process.BeginOutputReadLine();
        connector._process.BeginErrorReadLine();
        var exited = connector._process.WaitForExitAsync(TestContext.Current.CancellationToken);
        var ready = Task.WhenAll(connector._subscribed.Task, connector._listening.Task);
        await Task.WhenAny(ready, exited).WaitAsync(TimeSpan.FromSeconds(60), TestContext.Current.CancellationToken);
        Assert.True(connector._subscribed.Task.IsCompleted, $"The connector did not subscribe to Pub/Sub. Output:\n{connector.Output}");
        Assert.True(connector._listening.Task.IsCompleted, $"The connector did not say where it listens. Output:\n{connector.Output}");
        return connector;
    }

    /// <summary>SIGKILL: no shutdown hook runs, leases and in-flight requests are abandoned as in a crash.</summary>
    public void Kill()
    {
        _process.Kill();
        _process.WaitForExit();
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit();
        }

        _process.Dispose();
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            _output.AppendLine(line);
        }

        if (line.Contains("Subscribed to", StringComparison.Ordinal))
        {
            _subscribed.TrySetResult();
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
