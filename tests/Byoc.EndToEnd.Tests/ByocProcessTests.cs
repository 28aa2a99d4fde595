using System.Diagnostics;

namespace Byoc.EndToEnd.Tests;

public sealed class ByocProcessTests
{
    [Fact]
    public async Task ByocExecutable_Help_ExitsZeroAndDescribesProduct()
    {
        var (exitCode, output) = await RunByocAsync("--help");

        Assert.Equal(0, exitCode);
        Assert.Contains("Agentforce", output, StringComparison.Ordinal);
    }

    private static async Task<(int ExitCode, string Output)> RunByocAsync(params string[] args)
    {
        var executable = Path.Combine(AppContext.BaseDirectory, OperatingSystem.IsWindows() ? "byoc.exe" : "byoc");
        var startInfo = new ProcessStartInfo(executable) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in args)
        {
            startInfo.ArgumentList.Add(arg);
        }

        using var process = Process.Start(startInfo) ?? throw new InvalidOperationException($"Could not start {executable}.");
        var output = await process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        await process.WaitForExitAsync(TestContext.Current.CancellationToken).WaitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken);
        return (process.ExitCode, output);
    }
}
