namespace Byoc.Cli.Tests.Commands;

public sealed class BenchCommandTests
{
    [Fact]
    public async Task Bench_Help_DescribesSmokeAndOutputOptions()
    {
        var (exitCode, output, _) = await InvokeAsync("bench", "--help");

        Assert.Equal(ExitCodes.Success, exitCode);
        Assert.Contains("--smoke", output, StringComparison.Ordinal);
        Assert.Contains("--out", output, StringComparison.Ordinal);
        Assert.Contains("--only", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Bench_MissingByocExecutable_FailsWithUsageErrorNamingThePath()
    {
        var missing = Path.Combine(Path.GetTempPath(), $"no-byoc-{Guid.NewGuid():N}");

        var (exitCode, _, error) = await InvokeAsync("bench", "--smoke", "--byoc", missing);

        Assert.Equal(ExitCodes.InvalidUsage, exitCode);
        Assert.Contains(missing, error, StringComparison.Ordinal);
    }

    private static async Task<(int ExitCode, string Output, string Error)> InvokeAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exitCode = await ByocCommandLine.InvokeAsync(args, output, error, TestContext.Current.CancellationToken);
        return (exitCode, output.ToString(), error.ToString());
    }
}
