using Byoc.Emulator.Org.Settings;
using Byoc.Setup.Checks;
using Byoc.Setup.Package;

namespace Byoc.Setup.Tests;

/// <summary>The doctor's Omni-Channel check reads <c>OmniChannelSettings</c> back from the emulated org with <c>readMetadata</c>.</summary>
public sealed class OmniChannelCheckTests
{
    [Fact]
    public async Task OmniChannelCheck_FollowsTheOrgSetting_WithTheSettingAsEvidence()
    {
        await using var org = await SetupOrg.StartAsync();
        using var http = new HttpClient();
        var client = await org.AdminClientAsync(http);
        var context = new DoctorContext(client, ProviderPackage.Load(), new DoctorOptions(), http, TimeProvider.System);
        var check = new OmniChannelCheck();

        var off = await check.RunAsync(context, TestContext.Current.CancellationToken);
        org.Store.Write(w => OrgSettings.Set(w, "OmniChannel", "enableOmniChannel", "true"));
        var on = await check.RunAsync(context, TestContext.Current.CancellationToken);

        Assert.Equal(("omni-channel", CheckStatus.Fail), (off.Name, off.Status));
        Assert.Contains("enableOmniChannel=false", off.Evidence, StringComparison.Ordinal);
        Assert.Equal("Setup → Omni-Channel Settings → Enable Omni-Channel (or run byoc setup, which deploys the OmniChannel settings).", off.Fix);
        Assert.Equal(CheckStatus.Pass, on.Status);
        Assert.Equal("OmniChannelSettings OmniChannel: enableOmniChannel=true.", on.Evidence);
    }
}
