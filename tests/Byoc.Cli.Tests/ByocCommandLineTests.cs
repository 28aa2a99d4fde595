namespace Byoc.Cli.Tests;

public sealed class ByocCommandLineTests
{
    [Fact]
    public async Task Invoke_Help_ListsCommands()
    {
        var (exitCode, output, _) = await InvokeAsync("--help");

        Assert.Equal(ExitCodes.Success, exitCode);
        Assert.Contains("Agentforce", output, StringComparison.Ordinal);
        Assert.Matches(@"Commands:\s+up\s", output);
    }

    [Theory]
    [InlineData("doctor")]
    [InlineData("channels", "telegram", "set-webhook")]
    public async Task Invoke_HelpIn80Columns_EveryLineFits(params string[] command)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();

        var exitCode = await ByocCommandLine.InvokeAsync([.. command, "--help"], output, error, 80, TestContext.Current.CancellationToken);

        Assert.Equal(ExitCodes.Success, exitCode);
        var lines = output.ToString().Split('\n').Select(l => l.TrimEnd('\r', ' ')).ToList();
        Assert.Contains(lines, l => l.Contains("Exit codes:", StringComparison.Ordinal));
        Assert.All(lines, l => Assert.True(l.Length <= 80, $"{l.Length} columns: {l}"));
    }

    [Fact]
    public async Task Invoke_Version_PrintsProductVersion()
    {
        var (exitCode, output, _) = await InvokeAsync("--version");

        Assert.Equal(ExitCodes.Success, exitCode);
        Assert.StartsWith("0.1.0", output.Trim(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Invoke_UnknownCommand_FailsWithUsageError()
    {
        var (exitCode, _, error) = await InvokeAsync("no-such-command");

        Assert.NotEqual(ExitCodes.Success, exitCode);
        Assert.Contains("no-such-command", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("byoc up", "up", "--bogus")]
    [InlineData("byoc up", "up", "--port", "abc")]
    [InlineData("byoc deadletters purge", "deadletters", "purge")]
    public async Task Invoke_BadArguments_ExitsTwoWithTheErrorAndAOneLineHint(string command, params string[] args)
    {
        var (exitCode, output, error) = await InvokeAsync(args);

        Assert.Equal(ExitCodes.InvalidUsage, exitCode);
        Assert.Empty(output);
        var lines = error.TrimEnd().Split('\n').Select(l => l.TrimEnd('\r')).ToArray();
        Assert.StartsWith($"{command}: ", lines[0], StringComparison.Ordinal);
        Assert.Equal($"Run '{command} --help' for the options.", lines[^1]);
        Assert.DoesNotContain("Usage:", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Invoke_NoArguments_ListsCommands()
    {
        var (exitCode, output, _) = await InvokeAsync();

        Assert.Equal(ExitCodes.Success, exitCode);
        Assert.Matches(@"Commands:\s+up\s", output);
    }

    private static async Task<(int ExitCode, string Output, string Error)> InvokeAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exitCode = await ByocCommandLine.InvokeAsync(args, output, error, TestContext.Current.CancellationToken);
        return (exitCode, output.ToString(), error.ToString());
    }
}
