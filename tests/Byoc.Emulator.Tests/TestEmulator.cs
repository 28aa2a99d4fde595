using System.Net.Http.Json;
using System.Text.Json;
using Byoc.Emulator.Auth;
using Byoc.Emulator.Conversations;
using Byoc.Emulator.Hosting;
using Byoc.Emulator.Org;
using Byoc.Emulator.Routing;
using Byoc.TestUtilities.Salesforce;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace Byoc.Emulator.Tests;

/// <summary>An emulator on 127.0.0.1:0 (all three listeners), in memory, with a temporary state folder and a fake clock.</summary>
internal sealed class TestEmulator : IAsyncDisposable
{
    private readonly WebApplication _app;

    private TestEmulator(WebApplication app, string stateDirectory, FakeTimeProvider time)
    {
        _app = app;
        StateDirectory = stateDirectory;
        Time = time;
    }

    public FakeTimeProvider Time { get; }

    public string StateDirectory { get; }

    public IServiceProvider Services => _app.Services;

    public WebApplication App => _app;

    public EmulatorAddresses Addresses => Services.GetRequiredService<EmulatorAddresses>();

    public DevConnectedApp ConnectedApp => Services.GetRequiredService<DevConnectedApp>();

    public OrgIdentity Org => Services.GetRequiredService<OrgIdentity>();

    /// <summary>Keys and certificates generated once per test run and copied into each emulator's state folder (RSA generation is slow).</summary>
    private static readonly Lazy<string> s_keyTemplate = new(() =>
    {
        var template = Path.Combine(Path.GetTempPath(), "byoc-emulator-tests", "keys-" + Guid.NewGuid().ToString("N"));
        var state = new StateFolder(new EmulatorOptions { StateDirectory = template });
        DevConnectedApp.LoadOrCreate(state, TimeProvider.System);
        LocalCertificateAuthority.LoadOrCreateServerCertificate(state, TimeProvider.System).Dispose();
        return template;
    });

    public static Task<TestEmulator> StartAsync(params string[] extraArgs) => StartAsync(null, null, extraArgs);

    /// <summary>
    /// Starts an emulator; pass a state folder (and InMemory=false) to test persistence across restarts. Routing, the agent and
    /// the inactivity sweep are left out unless withRouting is true, so that tests of the API surfaces see only
    /// what they cause.
    /// </summary>
    public static async Task<TestEmulator> StartAsync(
        string? stateDirectory, Action<IServiceCollection>? configureServices, params string[] extraArgs) =>
        await StartAsync(stateDirectory, configureServices, withRouting: false, extraArgs);

    public static async Task<TestEmulator> StartAsync(
        string? stateDirectory, Action<IServiceCollection>? configureServices, bool withRouting, params string[] extraArgs)
    {
        var state = stateDirectory ?? Path.Combine(Path.GetTempPath(), "byoc-emulator-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(state);
        foreach (var file in Directory.GetFiles(s_keyTemplate.Value))
        {
            var target = Path.Combine(state, Path.GetFileName(file));
            if (!File.Exists(target))
            {
                File.Copy(file, target);
            }
        }

        // Starts at the real time so that clients written from the docs (JWT exp from the system clock) work too.
        var time = new FakeTimeProvider(TimeProvider.System.GetUtcNow());
        string[] args =
        [
            "--Emulator:InstancePort=0", "--Emulator:ScrtPort=0", "--Emulator:PubSubPort=0", "--Emulator:InMemory=true",
            "--Emulator:PubSubTls=false",
            $"--Emulator:StateDirectory={state}", .. extraArgs,
        ];
        var app = EmulatorApplication.Create(args, builder =>
        {
            builder.Services.AddSingleton<TimeProvider>(time);
            builder.Logging.ClearProviders();
            if (!withRouting)
            {
                builder.Services.RemoveAll<IInboundEntryHandler>();
                foreach (var worker in builder.Services.Where(d => d.ImplementationType == typeof(InactivityWorker)).ToList())
                {
                    builder.Services.Remove(worker);
                }
            }

            configureServices?.Invoke(builder.Services);
        });
        await app.StartAsync(TestContext.Current.CancellationToken);
        return new TestEmulator(app, state, time);
    }

    public T Get<T>()
        where T : notnull => Services.GetRequiredService<T>();

    public HttpClient CreateInstanceClient() => new() { BaseAddress = Addresses.InstanceUrl };

    public HttpClient CreateScrtClient() => new() { BaseAddress = Addresses.ScrtUrl };

    public string MintAssertion(string username = "integration@byoc.emulated", string audience = "https://login.salesforce.com") =>
        JwtAssertion.Create(File.ReadAllText(ConnectedApp.PrivateKeyPath), ConnectedApp.ConsumerKey, username, audience,
            Time.GetUtcNow().AddMinutes(3));

    public async Task<string> GetAccessTokenAsync()
    {
        using var client = CreateInstanceClient();
        using var response = await client.PostAsync("/services/oauth2/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "urn:ietf:params:oauth:grant-type:jwt-bearer",
            ["assertion"] = MintAssertion(),
        }), TestContext.Current.CancellationToken);
        response.EnsureSuccessStatusCode();
        var body = await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);
        return body.GetProperty("access_token").GetString()!;
    }

    /// <summary>Stops the emulator but keeps its state folder (restart tests).</summary>
    public async Task StopAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        DeleteState();
    }

    public void DeleteState()
    {
        try
        {
            Directory.Delete(StateDirectory, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless.
        }
    }
}
