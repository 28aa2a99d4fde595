using Byoc.Cli.Up;
using Byoc.Emulator.Org.Records;
using Byoc.TestUtilities;
using Microsoft.Extensions.DependencyInjection;

namespace Byoc.EndToEnd.Tests;

/// <summary>
/// What <c>byoc up</c> starts, composed by the same <see cref="UpStack"/>: the emulated org and the connector on loopback
/// Kestrel with free ports, a temporary state folder, the org in memory, and an agent that answers without think time.
/// </summary>
internal sealed class TestStack : IAsyncDisposable
{
    private readonly string? _temporaryState;

    private TestStack(UpStack stack, string? temporaryState)
    {
        Stack = stack;
        _temporaryState = temporaryState;
    }

    public UpStack Stack { get; }

    public OrgStore Org => Stack.Emulator.Services.GetRequiredService<OrgStore>();

    public static Task<TestStack> StartAsync(Uri? webhookOutboundUrl, params string[] connectorArgs) =>
        StartCoreAsync(webhookOutboundUrl, persistentState: null, connectorArgs);

    /// <summary>Starts the stack; with a persistent state folder the org is kept on disk there (and the folder is left to the caller).</summary>
    public static Task<TestStack> StartPersistentAsync(Uri? webhookOutboundUrl, string stateDirectory) =>
        StartCoreAsync(webhookOutboundUrl, stateDirectory, []);

    private static async Task<TestStack> StartCoreAsync(Uri? webhookOutboundUrl, string? persistentState, string[] connectorArgs)
    {
        var state = persistentState ?? Path.Combine(Path.GetTempPath(), "byoc-e2e", Guid.NewGuid().ToString("N"));
        var options = new UpOptions
        {
            StateDirectory = state,
            InstancePort = 0,
            ScrtPort = 0,
            PubSubPort = 0,
            ConnectorPort = 0,
            InMemory = persistentState is null,
            WebhookOutboundUrl = webhookOutboundUrl,
            EmulatorArgs = ["--Agents:ThinkTime=00:00:00"],
            ConnectorArgs =
            [
                "--Connector:Delivery:PollInterval=00:00:00.050",
                "--Connector:Delivery:BaseDelay=00:00:00.050",
                "--Connector:Delivery:MaxDelay=00:00:00.500",
                .. connectorArgs,
            ],
        };
        var stack = await UpStack.StartAsync(options, TestContext.Current.CancellationToken).WaitAsync(TimeSpan.FromSeconds(60));
        return new TestStack(stack, persistentState is null ? state : null);
    }

    /// <summary>The only MessagingSession of the (fresh, in-memory) org, once the first message created it.</summary>
    public Task<SObjectRecord> SessionAsync() =>
        WaitFor.ValueAsync(() => Org.Records("MessagingSession") is [var session] ? session : null, "the MessagingSession");

    public SObjectRecord Current(SObjectRecord record) => Org.Get(record.Id)!;

    public IReadOnlyList<SObjectRecord> Entries(SObjectRecord session) =>
        [.. Org.Records("ConversationEntry").Where(e => SameId(e.GetString("ConversationId"), session.Id))];

    public static bool SameId(string? a, string? b) =>
        a is { Length: >= 15 } && b is { Length: >= 15 } && string.Equals(a[..15], b[..15], StringComparison.Ordinal);

    public async ValueTask DisposeAsync()
    {
        await Stack.DisposeAsync();
        if (_temporaryState is null)
        {
            return;
        }

        try
        {
            Directory.Delete(_temporaryState, recursive: true);
        }
        catch (IOException)
        {
            // Best effort: the OS cleans temp folders.
        }
    }
}
