using Byoc.Setup.Connection;

namespace Byoc.Setup.Tests;

public sealed class JwtBearerLoginTests
{
    [Fact]
    public async Task Login_UnknownUser_FailsWithTheTokenEndpointsError()
    {
        await using var org = await SetupOrg.StartAsync();
        var state = EmulatorState.Read(org.StateDirectory);
        using var http = new HttpClient();

        var error = await Assert.ThrowsAsync<OrgLoginException>(() =>
            JwtBearerLogin.LoginAsync(state.LoginAs("nobody@byoc.emulated"), http, TimeProvider.System, TestContext.Current.CancellationToken));

        Assert.Contains("nobody@byoc.emulated", error.Message, StringComparison.Ordinal);
        Assert.Contains("400", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Login_KeyFileWithoutAKey_NamesTheFile()
    {
        var file = Path.GetTempFileName();
        await File.WriteAllTextAsync(file, "not a key", TestContext.Current.CancellationToken);
        using var http = new HttpClient();

        var error = await Assert.ThrowsAsync<OrgLoginException>(() => JwtBearerLogin.LoginAsync(
            new JwtLoginSettings("key", "user", file, new Uri("http://127.0.0.1:1")), http, TimeProvider.System, TestContext.Current.CancellationToken));

        Assert.Contains(file, error.Message, StringComparison.Ordinal);
        File.Delete(file);
    }

    [Fact]
    public void Read_NoEmulatorRunning_SaysHowToStartOne()
    {
        var error = Assert.Throws<OrgLoginException>(() => EmulatorState.Read(Path.Combine(Path.GetTempPath(), Guid.NewGuid().ToString("N"))));

        Assert.Contains("byoc up", error.Message, StringComparison.Ordinal);
    }
}
