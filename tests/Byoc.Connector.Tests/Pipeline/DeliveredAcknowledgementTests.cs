using System.Text.Json.Nodes;
using Byoc.Connector.Salesforce.PubSub;
using Byoc.Storage.Sqlite;
using Byoc.TestUtilities;
using Microsoft.Extensions.DependencyInjection;

namespace Byoc.Connector.Tests.Pipeline;

/// <summary>
/// A crash between the platform's 2xx and marking the outbox row done makes the connector POST that message again after the
/// restart (same <c>webhook-id</c>); the Delivered acknowledgement still reaches Salesforce once, keyed by the entry.
/// </summary>
public sealed class DeliveredAcknowledgementTests
{
    [Fact]
    public async Task OutboxRowDeliveredAgainAfterCrash_PostsSameWebhookIdButAcknowledgesOnce()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var host = await ConnectorHost.StartAsync(ct);
        await HandleAsync(host, "entry-1", 1);
        await WaitFor.ConditionAsync(() => host.Scrt.Requests.Any(r => r.Path == "/api/v1/acknowledgement"));

        // What a SIGKILL right before CompleteAsync leaves behind: the row still pending, its lease released at the next start.
        await ExecuteAsync(host, "UPDATE outbox SET status = 0, completed_at = NULL, lease_owner = NULL, lease_until = NULL");
        await HandleAsync(host, "entry-2", 2);
        await WaitFor.ConditionAsync(() => host.CustomerRequests.Count >= 3);
        await WaitFor.ConditionAsync(() => host.Scrt.Requests.Count(r => r.Path == "/api/v1/acknowledgement") >= 2);
        await host.SettleAsync();

        Assert.Equal(["entry-1", "entry-1", "entry-2"], host.CustomerRequests.Select(r => r.Header("webhook-id")).Order(StringComparer.Ordinal));
        var acknowledged = host.Scrt.Requests.Where(r => r.Path == "/api/v1/acknowledgement")
            .Select(r => JsonNode.Parse(r.BodyText)!["acknowledgements"]![0]!["acknowledgedConversationEntryIdentifier"]!.GetValue<string>())
            .Order(StringComparer.Ordinal);
        Assert.Equal(["entry-1", "entry-2"], acknowledged);
    }

    private static Task HandleAsync(ConnectorHost host, string identifier, int replay) =>
        host.Services.GetRequiredService<IPlatformEventHandler>().HandleAsync(new PlatformEvent("/event/Conversation__e", Guid.NewGuid().ToString(),
            BitConverter.GetBytes((long)replay).Reverse().ToArray(), "Interaction", AgentEvents.Text(identifier, $"text of {identifier}")), TestContext.Current.CancellationToken);

    private static async Task ExecuteAsync(ConnectorHost host, string sql)
    {
        var database = host.Services.GetRequiredService<SqliteDatabase>();
        await using var connection = await database.OpenAsync(TestContext.Current.CancellationToken);
        await using var command = connection.CreateCommand();
#pragma warning disable CA2100 // Test-only: a literal statement.
        command.CommandText = sql;
#pragma warning restore CA2100
        await command.ExecuteNonQueryAsync(TestContext.Current.CancellationToken);
    }
}
