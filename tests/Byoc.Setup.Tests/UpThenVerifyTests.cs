using System.Text.RegularExpressions;
using Byoc.Cli;
using Byoc.Cli.Up;

namespace Byoc.Setup.Tests;

/// <summary>
/// The "done when": <c>byoc up</c> running, <c>byoc doctor --emulator</c> is all green and <c>byoc verify --emulator</c>
/// passes against it with its defaults for secret and sink.
/// </summary>
public sealed class UpThenVerifyTests
{
    [Fact]
    [Trait("Category", "Slow")]
    public async Task DoctorAndVerifyEmulator_AgainstByocUp_AllGreenUsingTheStateFolderSecretAndSink()
    {
        var state = Path.Combine(Path.GetTempPath(), "byoc-setup-tests", Guid.NewGuid().ToString("N"));
        var options = new UpOptions
        {
            StateDirectory = state,
            InstancePort = 0,
            ScrtPort = 0,
            PubSubPort = 0,
            ConnectorPort = 0,
            InMemory = true,
            EmulatorArgs = ["--Agents:ThinkTime=00:00:00"],
            ConnectorArgs = ["--Connector:Delivery:PollInterval=00:00:00.050"],
        };
        await using var stack = await UpStack.StartAsync(options, TestContext.Current.CancellationToken);
        using var doctorOutput = new StringWriter();
        using var doctorError = new StringWriter();
        var doctorExit = await ByocCommandLine.InvokeAsync(
            ["doctor", "--emulator", "--state-dir", state, "--connector-url", stack.ConnectorUrl.ToString()],
            doctorOutput, doctorError, TestContext.Current.CancellationToken);
        Assert.True(doctorExit == 0, doctorOutput + doctorError.ToString());
        var doctorLines = Regex.Replace(doctorOutput.ToString(), "\x1b\\[[0-9;]*m", "").Split('\n'); // colours off
        Assert.Contains("pass Omni-Channel enabled", doctorLines.Select(l => l.TrimEnd()));
        Assert.Equal(11, doctorLines.Count(l => l.StartsWith("pass ", StringComparison.Ordinal)));
        Assert.Contains("All checks passed.", doctorOutput.ToString(), StringComparison.Ordinal);

        using var output = new StringWriter();
        using var error = new StringWriter();
        var exitCode = await ByocCommandLine.InvokeAsync(
            ["verify", "--emulator", "--state-dir", state, "--connector-url", stack.ConnectorUrl.ToString(), "--timeout", "45"],
            output, error, TestContext.Current.CancellationToken);

        Assert.True(exitCode == 0, output + error.ToString());
        Assert.Contains("Definition of Done: verified.", output.ToString(), StringComparison.Ordinal);
        Assert.Contains("fallback queue", output.ToString(), StringComparison.Ordinal);
    }
}
