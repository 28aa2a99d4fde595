using Byoc.Emulator.Org.Seed;
using Byoc.TestUtilities.SalesforceCli;

namespace Byoc.Emulator.Tests.SfCli;

/// <summary>Guide step 1, "Authenticate and verify org access": login, org display and the access token.</summary>
[Trait("Category", "Slow")]
[Collection(SerialWebLogin.Name)]
public sealed class LoginTests(SfOrg org) : IClassFixture<SfOrg>
{
    [Fact]
    public void OrgLoginAccessToken_EmulatorJwtToken_StoresOrg()
    {
        org.SkipWhenMissing();

        var result = org.Login!.Result;

        Assert.Equal(SeededOrg.IntegrationUsername, result.GetProperty("username").GetString());
        Assert.Equal(org.Emulator.Org.OrgId18, result.GetProperty("orgId").GetString());
        Assert.StartsWith(org.InstanceUrl.GetLeftPart(UriPartial.Authority), result.GetProperty("instanceUrl").GetString(), StringComparison.Ordinal);
        Assert.False(result.GetProperty("isDevHub").GetBoolean());
    }

    [Fact]
    public async Task OrgDisplay_Verbose_ShowsUsernameAndInstanceUrl()
    {
        org.SkipWhenMissing();

        var result = await org.RunAsync(["org", "display", "--target-org", SfOrg.Alias, "--verbose"]);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal("Connected", result.Result.GetProperty("connectedStatus").GetString());
        Assert.Equal(SeededOrg.IntegrationUsername, result.Result.GetProperty("username").GetString());
        Assert.Equal(org.Emulator.Org.OrgId18, result.Result.GetProperty("id").GetString());
        Assert.Equal("66.0", result.Result.GetProperty("apiVersion").GetString());
        Assert.StartsWith("[REDACTED]", result.Result.GetProperty("accessToken").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task OrgAuthShowAccessToken_ReturnsTheTokenTheOrgIssued()
    {
        org.SkipWhenMissing();

        var result = await org.RunAsync(["org", "auth", "show-access-token", "--target-org", SfOrg.Alias]);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(org.AccessToken, result.Result.GetProperty("accessToken").GetString());
    }

    [Fact]
    public async Task OrgLoginWeb_BrowserScript_CompletesTheCodeFlowHeadlessly()
    {
        org.SkipWhenMissing();

        var browser = BrowserScript(org.Cli!.Home);
        SfResult login;
        try
        {
            login = await org.RunAsync(["org", "login", "web", "--instance-url", org.InstanceUrl.GetLeftPart(UriPartial.Authority), "--alias", "web"],
                environment: new Dictionary<string, string> { ["BROWSER"] = browser });
        }
        catch (TimeoutException ex)
        {
            var log = Path.ChangeExtension(browser, ".log");
            throw new TimeoutException($"{ex.Message}\nBrowser script log:\n{(File.Exists(log) ? File.ReadAllText(log) : "(the script never ran)")}", ex);
        }

        var display = await org.RunAsync(["org", "display", "--target-org", "web"]);

        Assert.True(login.ExitCode == 0, login.ToString());
        Assert.Equal("PlatformCLI", login.Result.GetProperty("clientId").GetString());
        Assert.Equal(org.Emulator.Org.OrgId18, login.Result.GetProperty("orgId").GetString());
        Assert.Equal(SeededOrg.AdminUsername, login.Result.GetProperty("username").GetString());
        Assert.True(display.ExitCode == 0, display.ToString());
        Assert.Equal("Connected", display.Result.GetProperty("connectedStatus").GetString());
    }

    /// <summary>
    /// The CLI signs exp in milliseconds (<c>Date.now() + 300</c>, @salesforce/core AuthInfo.tryJwtAuth) and tries the
    /// login URL itself as the audience first; real orgs accept both.
    /// </summary>
    [Fact]
    public async Task OrgLoginJwt_DevConnectedAppKey_LogsInDisplaysAndQueries()
    {
        org.SkipWhenMissing();
        // A HOME of its own: a second login of the same username would replace the fixture's auth file and alias.
        using var cli = SalesforceCli.Locate()!;
        var ct = TestContext.Current.CancellationToken;

        var login = await cli.RunAsync(["org", "login", "jwt", "--username", SeededOrg.IntegrationUsername,
            "--jwt-key-file", org.Emulator.ConnectedApp.PrivateKeyPath, "--client-id", org.Emulator.ConnectedApp.ConsumerKey,
            "--instance-url", org.InstanceUrl.GetLeftPart(UriPartial.Authority), "--alias", "jwt", "--json"], cancellationToken: ct);
        var display = await cli.RunAsync(["org", "display", "--target-org", "jwt", "--json"], cancellationToken: ct);
        var query = await cli.RunAsync(["data", "query", "--target-org", "jwt", "--json",
            "--query", $"SELECT Username FROM User WHERE Username = '{SeededOrg.IntegrationUsername}'"], cancellationToken: ct);

        Assert.True(login.ExitCode == 0, login.ToString());
        Assert.Equal(SeededOrg.IntegrationUsername, login.Result.GetProperty("username").GetString());
        Assert.Equal(org.Emulator.Org.OrgId18, login.Result.GetProperty("orgId").GetString());
        Assert.True(display.ExitCode == 0, display.ToString());
        Assert.Equal(("Connected", SeededOrg.IntegrationUsername),
            (display.Result.GetProperty("connectedStatus").GetString(), display.Result.GetProperty("username").GetString()));
        Assert.Equal(SeededOrg.IntegrationUsername, Assert.Single(SfOrg.Records(query)).GetProperty("Username").GetString());
    }

    [Fact]
    public async Task DataQuery_UnknownAccessToken_ReportsTheSessionErrorOnce()
    {
        org.SkipWhenMissing();
        var token = org.Emulator.Org.OrgId15 + "!AQ0AQunknownsession";

        var result = await org.Cli!.RunAsync(["data", "query", "--target-org", token, "--query", "SELECT Id FROM User", "--json"],
            SalesforceCli.TokenEnvironment(org.InstanceUrl), timeout: TimeSpan.FromSeconds(60), cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("Session expired or invalid", result.StandardOutput, StringComparison.Ordinal);
    }

    /// <summary>
    /// A stand-in browser for <c>sf org login web</c> (org-emulation.md §2.3: xdg-open falls back to <c>$BROWSER</c>): fetches the
    /// authorize URL and follows the redirect to the CLI's localhost:1717 listener, and logs what it did next to itself
    /// (<c>browser.log</c>). It retries refused connections: the CLI opens the browser without waiting for its listener to
    /// be bound (<c>WebOAuthServer.start</c> in @salesforce/core does not await <c>server.listen</c>), so on a loaded
    /// machine the first request can come too early, and the CLI would then wait for a callback that never comes.
    /// </summary>
    internal static string BrowserScript(string folder)
    {
        var browser = Path.Combine(folder, "browser.sh");
        var log = Path.Combine(folder, "browser.log");
        File.WriteAllText(browser,
            "#!/bin/sh\n" +
            $"( curl -sS -L --retry 10 --retry-connrefused --retry-delay 1 --max-time 60 -o /dev/null -w '%{{http_code}} %{{url_effective}}\\n' \"$1\" >> '{log}' 2>&1 & )\n" +
            "exit 0\n");
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(browser, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }

        return browser;
    }
}
