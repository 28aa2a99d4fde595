using Byoc.Storage.Sqlite;
using Byoc.TestUtilities;
using Microsoft.Extensions.DependencyInjection;

namespace Byoc.EndToEnd.Tests;

/// <summary>The org answers 10073 when a message id repeats; after a lost 202 the connector must take that as accepted.</summary>
public sealed class DuplicateMessageIdTests
{
    [Fact]
    public async Task Inbound_AnswerLostAfterOrgStoredIt_RetryGets10073AndCountsAsAccepted()
    {
        await using var sink = await PlatformSink.StartAsync(TestContext.Current.CancellationToken);
        await using var proxy = await LossyScrtProxy.StartAsync(TestContext.Current.CancellationToken);
        await using var test = await TestStack.StartAsync(sink.OutboundUrl, $"--Connector:Salesforce:ScrtUrl={proxy.BaseAddress}");
        proxy.ForwardTo(new Uri(test.Stack.Credentials.ScrtUrl));
        using var platform = new WebhookPlatform(test.Stack.WebhookUrl, test.Stack.Secrets.WebhookSecret);

        await platform.SendTextAsync("msg-lost", "guest-7", "Hello, is anybody there?");
        await platform.SendTextAsync("msg-next", "guest-7", "Can I book a table?");

        // The lost 202, the retry's 10073, then the next message's 202: the retry did not hold the conversation up.
        try
        {
            await WaitFor.ConditionAsync(() => proxy.InteractionAnswers.Count >= 3, "three answers of the org to /interactions");
        }
        catch (TimeoutException ex)
        {
            throw new TimeoutException($"{ex.Message} Answers so far: {string.Join(" | ", proxy.InteractionAnswers)}; dead letters: "
                + await CountAsync(test, "dead_letters"), ex);
        }

        await WaitFor.ConditionAsync(() => sink.Deliveries.Any(d => d.Type is "message" or "choices"), "the agent's replies at the platform");
        var session = await test.SessionAsync();
        var answers = proxy.InteractionAnswers.ToArray();
        Assert.StartsWith("202", answers[0], StringComparison.Ordinal);
        Assert.Contains("10073", answers[1], StringComparison.Ordinal);
        Assert.StartsWith("202", answers[2], StringComparison.Ordinal);
        Assert.Single(test.Entries(session), e => e.GetString("Message") == "Hello, is anybody there?");
        Assert.Single(test.Entries(session), e => e.GetString("Message") == "Can I book a table?");
        Assert.Equal(0, await CountAsync(test, "dead_letters"));
    }

    private static async Task<long> CountAsync(TestStack test, string table)
    {
        var database = test.Stack.Connector.Services.GetRequiredService<SqliteDatabase>();
        await using var connection = await database.OpenAsync(TestContext.Current.CancellationToken);
        await using var command = connection.CreateCommand();
#pragma warning disable CA2100 // Test-only: the table name is a literal from the test.
        command.CommandText = $"SELECT COUNT(*) FROM {table}";
#pragma warning restore CA2100
        return (long)(await command.ExecuteScalarAsync(TestContext.Current.CancellationToken))!;
    }
}
