using Byoc.Emulator.Hosting;

namespace Byoc.Emulator.Tests.SfCli;

/// <summary>
/// Expired sessions (org-emulation.md §2.6): a web login refreshes its token once and carries on; an access-token login
/// has nothing to refresh and reports the session error. Neither loops.
/// </summary>
[Trait("Category", "Slow")]
[Collection(SerialWebLogin.Name)]
public sealed class SessionRefreshTests(SfOrg org) : IClassFixture<SfOrg>
{
    [Fact]
    public async Task DataQuery_AfterTheAccessTokenExpired_WebLoginRefreshesAndAccessTokenLoginFails()
    {
        org.SkipWhenMissing();
        var login = await org.RunAsync(["org", "login", "web", "--instance-url", org.InstanceUrl.GetLeftPart(UriPartial.Authority), "--alias", "web"],
            environment: new Dictionary<string, string> { ["BROWSER"] = LoginTests.BrowserScript(org.Cli!.Home) });
        Assert.True(login.ExitCode == 0, login.ToString());
        org.Emulator.Time.Advance(new EmulatorOptions().SessionTimeout + TimeSpan.FromMinutes(1));

        var refreshed = await org.QueryAsync("SELECT Id FROM Organization");
        var web = await org.RunAsync(["data", "query", "--target-org", "web", "--query", "SELECT Id FROM Organization"]);

        Assert.Equal(1, refreshed.ExitCode);
        Assert.Contains("Session expired or invalid", refreshed.StandardOutput, StringComparison.Ordinal);
        Assert.True(web.ExitCode == 0, web.ToString());
        Assert.Single(SfOrg.Records(web));
    }
}
