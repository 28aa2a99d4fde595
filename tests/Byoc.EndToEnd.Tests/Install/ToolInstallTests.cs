using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Byoc.TestUtilities;

namespace Byoc.EndToEnd.Tests.Install;

/// <summary>
/// The README's install path, as a new user runs it: <c>dotnet pack</c>, <c>dotnet tool install</c> from that local
/// package into a tool path (no NuGet feed: a nuget.config with only the local folder), then the installed <c>byoc</c>.
/// </summary>
[Collection(SerialPublish.Name)]
public sealed class ToolInstallTests : IDisposable
{
    private static readonly TimeSpan s_build = TimeSpan.FromMinutes(8);

    private readonly string _directory = Directory.CreateTempSubdirectory("byoc-tool-").FullName;

    [Fact]
    [Trait("Category", "Slow")]
    public async Task PackedTool_InstalledIntoToolPath_PrintsVersionAndUpAnswers()
    {
        var packages = Path.Combine(_directory, "packages");
        var (packExit, packOutput) = await CommandRun.RunAsync("dotnet",
            ["pack", Path.Combine(RepositoryPaths.Root, "src", "Byoc.Cli"), "-c", "Release", "-o", packages], _directory, s_build);
        Assert.True(packExit == 0, packOutput);
        await File.WriteAllTextAsync(Path.Combine(_directory, "nuget.config"),
            $"""<configuration><packageSources><clear /><add key="local" value="{packages}" /></packageSources></configuration>""",
            TestContext.Current.CancellationToken);

        var tools = Path.Combine(_directory, "tools");
        var (installExit, installOutput) = await CommandRun.RunAsync("dotnet",
            ["tool", "install", "Byoc.Cli", "--tool-path", tools, "--configfile", Path.Combine(_directory, "nuget.config")], _directory, TimeSpan.FromMinutes(2));
        Assert.True(installExit == 0, installOutput);
        var byoc = Path.Combine(tools, "byoc");
        var (versionExit, version) = await CommandRun.RunAsync(byoc, ["--version"], _directory, TimeSpan.FromSeconds(30));

        Assert.Equal(0, versionExit);
        var expected = typeof(Byoc.Cli.ExitCodes).Assembly.GetName().Version!;
        Assert.StartsWith($"{expected.Major}.{expected.Minor}.{expected.Build}", version.Trim(), StringComparison.Ordinal);
        await UpAnswersAsync(byoc);
    }

    /// <summary>The single-file publish runs on its own: only the one file is copied out of the publish folder.</summary>
    [Fact]
    [Trait("Category", "Slow")]
    public async Task SingleFilePublish_CopiedAlone_PrintsVersionAndUpAnswers()
    {
        Assert.SkipUnless(OperatingSystem.IsLinux() && System.Runtime.InteropServices.RuntimeInformation.OSArchitecture == System.Runtime.InteropServices.Architecture.X64,
            "The documented single-file publish is for linux-x64.");
        var published = Path.Combine(_directory, "publish");
        var (publishExit, publishOutput) = await CommandRun.RunAsync("dotnet",
            ["publish", Path.Combine(RepositoryPaths.Root, "src", "Byoc.Cli"), "-c", "Release", "-r", "linux-x64", "-p:PublishSingleFile=true", "-o", published],
            _directory, s_build);
        Assert.True(publishExit == 0, publishOutput);
        var alone = Directory.CreateDirectory(Path.Combine(_directory, "bin")).FullName;
        var byoc = Path.Combine(alone, "byoc");
        File.Copy(Path.Combine(published, "byoc"), byoc);

        var (versionExit, version) = await CommandRun.RunAsync(byoc, ["--version"], _directory, TimeSpan.FromSeconds(30));

        Assert.Equal(0, versionExit);
        Assert.Matches(@"^\d+\.\d+\.\d+", version);
        await UpAnswersAsync(byoc);
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

    /// <summary>The installed tool's <c>byoc up --in-memory</c> on free ports: its printed health URL answers Healthy, then Ctrl+C stops it.</summary>
    private async Task UpAnswersAsync(string byoc)
    {
        var ct = TestContext.Current.CancellationToken;
        var startInfo = new ProcessStartInfo(byoc) { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = _directory };
        foreach (var arg in new[] { "up", "--in-memory", "--state-dir", Path.Combine(_directory, "state"), "--port", "0", "--instance-port", "0", "--scrt-port", "0", "--pubsub-port", "0" })
        {
            startInfo.ArgumentList.Add(arg);
        }

        startInfo.Environment["NO_COLOR"] = "1";
        using var process = Process.Start(startInfo)!;
        var output = new StringBuilder();
        var ready = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        process.OutputDataReceived += (_, e) =>
        {
            lock (output)
            {
                output.AppendLine(e.Data);
            }

            if (e.Data?.Contains("Ctrl+C", StringComparison.Ordinal) == true)
            {
                ready.TrySetResult();
            }
        };
        process.ErrorDataReceived += (_, e) =>
        {
            lock (output)
            {
                output.AppendLine(e.Data);
            }
        };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            await Task.WhenAny(ready.Task, process.WaitForExitAsync(ct)).WaitAsync(TimeSpan.FromSeconds(90), ct);
            Assert.True(ready.Task.IsCompleted, $"The installed byoc up did not get ready:\n{output}");
            var health = Regex.Match(output.ToString(), @"Connector health\s+(\S+)", RegexOptions.None, TimeSpan.FromSeconds(1)).Groups[1].Value;
            using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(15) };
            using var response = await http.GetAsync(new Uri(health), ct);

            Assert.True(response.IsSuccessStatusCode, $"{health} answered {(int)response.StatusCode}");
            Assert.Contains("Healthy", await response.Content.ReadAsStringAsync(ct), StringComparison.Ordinal);
            using (var kill = Process.Start("kill", ["-INT", process.Id.ToString(CultureInfo.InvariantCulture)]))
            {
                await kill.WaitForExitAsync(ct).WaitAsync(TimeSpan.FromSeconds(10), ct);
            }

            await process.WaitForExitAsync(ct).WaitAsync(TimeSpan.FromSeconds(30), ct);
            Assert.Equal(0, process.ExitCode);
        }
        finally
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }
        }
    }
}
