using Byoc.Emulator.Org.Records;
using Byoc.TestUtilities;
using Byoc.TestUtilities.SalesforceCli;

namespace Byoc.Emulator.Tests.SfCli;

/// <summary>
/// The real emulated org (<see cref="EmulatorApplication.Create"/>: in memory, ports 0, routing and agents on, agent think
/// time 0) and one sf session logged in to it with <c>sf org login access-token</c> under the alias <see cref="Alias"/>,
/// shared by the tests of one class. Nothing starts when the sf CLI is not installed; tests then skip.
/// </summary>
public class SfOrg : IAsyncLifetime
{
    /// <summary>The alias of the logged-in org (the guide's <c>&lt;your-org-alias&gt;</c>).</summary>
    public const string Alias = "emu";

    private static readonly TimeSpan s_timeout = TimeSpan.FromMinutes(2);

    private readonly string[] _emulatorArgs;
    private TestEmulator? _emulator;

    public SfOrg()
        : this([])
    {
    }

    protected SfOrg(string[] emulatorArgs) => _emulatorArgs = emulatorArgs;

    /// <summary>The CLI, or null when it is not installed.</summary>
    public SalesforceCli? Cli { get; private set; }

    /// <summary>The output of <c>sf org login access-token --json</c>.</summary>
    public SfResult? Login { get; private set; }

    /// <summary>The access token issued by the emulator's JWT bearer flow and given to the CLI.</summary>
    public string AccessToken { get; private set; } = "";

    internal TestEmulator Emulator => _emulator ?? throw new InvalidOperationException("The sf CLI is not installed.");

    internal OrgStore Store => Emulator.Get<OrgStore>();

    internal Uri InstanceUrl => Emulator.Addresses.InstanceUrl;

    public async ValueTask InitializeAsync()
    {
        Cli = SalesforceCli.Locate();
        if (Cli is null)
        {
            return;
        }

        _emulator = await TestEmulator.StartAsync(null, null, withRouting: true, ["--Agents:ThinkTime=00:00:00", .. _emulatorArgs]);
        AccessToken = await _emulator.GetAccessTokenAsync();
        Login = await Cli.LoginWithAccessTokenAsync(InstanceUrl, AccessToken, Alias, TestContext.Current.CancellationToken);
        if (Login.ExitCode != 0)
        {
            throw new InvalidOperationException($"sf org login access-token failed: {Login}");
        }
    }

    /// <summary>Skips the calling test when the sf CLI is not installed, or fails it in CI.</summary>
    public void SkipWhenMissing() => Prerequisite.Require(Cli is not null, SalesforceCli.MissingReason);

    /// <summary>Runs <c>sf &lt;arguments&gt; --json</c> in the shared HOME.</summary>
    public Task<SfResult> RunAsync(IEnumerable<string> arguments, string? workingDirectory = null, string? standardInput = null,
        IReadOnlyDictionary<string, string>? environment = null) =>
        Cli!.RunAsync([.. arguments, "--json"], environment, workingDirectory, standardInput, s_timeout, TestContext.Current.CancellationToken);

    /// <summary><c>sf data query --target-org emu [-t] --query "…" --json</c>.</summary>
    public Task<SfResult> QueryAsync(string soql, bool tooling = false) =>
        RunAsync(["data", "query", "--target-org", Alias, .. tooling ? new[] { "-t" } : [], "--query", soql]);

    /// <summary>A successful query's records (asserting success).</summary>
    public static IReadOnlyList<System.Text.Json.JsonElement> Records(SfResult result)
    {
        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(0, result.Status);
        return [.. result.Result.GetProperty("records").EnumerateArray()];
    }

    public async ValueTask DisposeAsync()
    {
        GC.SuppressFinalize(this);
        if (_emulator is not null)
        {
            await _emulator.DisposeAsync();
        }

        Cli?.Dispose();
    }
}
