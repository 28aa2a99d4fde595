using System.Text.Json.Nodes;
using Byoc.Emulator.Org.Settings;

namespace Byoc.Setup.Tests;

/// <summary>
/// The acceptance path against the emulated org: prerequisites only → <c>byoc setup</c> → <c>byoc doctor</c> all
/// green → <c>byoc verify</c> passes; then one thing broken at a time, and doctor must name it and its fix.
/// </summary>
public sealed class DoctorAndVerifyTests
{
    [Fact]
    [Trait("Category", "Slow")]
    public async Task FreshOrg_SetupThenDoctorThenVerify_AllPass()
    {
        await using var org = await SetupOrg.StartAsync();
        Assert.Equal(0, (await org.RunJsonAsync("setup")).ExitCode);
        await org.StartConnectorAsync();

        var (doctorExit, doctor) = await org.RunJsonAsync("doctor", "--connector-url", org.ConnectorUrl!.ToString());
        var (verifyExit, verify) = await org.RunJsonAsync("verify", "--connector-url", org.ConnectorUrl!.ToString(), "--timeout", "45");

        Assert.True(doctorExit == 0, doctor.ToString());
        Assert.All(doctor.GetProperty("checks").EnumerateArray(), c => Assert.Equal("Pass", c.GetProperty("status").GetString()));
        Assert.Equal(11, doctor.GetProperty("checks").GetArrayLength());
        Assert.True(verifyExit == 0, verify.ToString());
        var results = verify.GetProperty("results").EnumerateArray().ToList();
        Assert.Equal(10, results.Count);
        Assert.All(results, r => Assert.True(r.GetProperty("passed").GetBoolean(), r.ToString()));
        var escalated = results.Single(r => r.GetProperty("name").GetString() == "fallback-queue").GetProperty("evidence").GetString();
        Assert.Contains("Status=Waiting", escalated, StringComparison.Ordinal);
        var cleanup = verify.GetProperty("cleanup");
        var sessionId = cleanup.GetProperty("messagingSessionId").GetString()!;
        Assert.Contains(org.Store.Records("MessagingSession"), r => r.Id == sessionId);
        Assert.NotNull(cleanup.GetProperty("messagingEndUserId").GetString());
        Assert.NotEmpty(cleanup.GetProperty("removedRoutingIds").EnumerateArray());
        Assert.Empty(org.Store.Lookup("PendingServiceRouting", "WorkItemId", sessionId));
    }

    public static TheoryData<string, string[], string, bool> Breakages => new()
    {
        // What is broken, the checks that must fail, a phrase of the fix, whether byoc setup repairs it.
        { "deactivate the agent", ["agent-active", "session-handler"], "Activate", false },
        { "disable Omni-Channel", ["omni-channel"], "Setup → Omni-Channel Settings → Enable Omni-Channel", true },
        { "delete the queue", ["fallback-queue"], "byoc setup", true },
        { "remove the event permission", ["scrt-permission"], "Read, Create", true },
        { "unset SessionHandlerId", ["session-handler"], "SessionHandlerId", true },
        { "stop the connector", ["connector"], "Start the connector", false },
    };

    [Theory]
    [MemberData(nameof(Breakages))]
    [Trait("Category", "Slow")]
    public async Task Doctor_OneThingBroken_NamesTheProblemAndTheFix(string breakage, string[] failing, string fix, bool setupRepairs)
    {
        await using var org = await SetupOrg.StartAsync();
        Assert.Equal(0, (await org.RunJsonAsync("setup")).ExitCode);
        await org.StartConnectorAsync();
        var connectorUrl = org.ConnectorUrl!.ToString();
        await BreakAsync(org, breakage);

        var (exitCode, json) = await org.RunJsonAsync("doctor", "--connector-url", connectorUrl);

        Assert.Equal(1, exitCode);
        var failed = json.GetProperty("checks").EnumerateArray().Where(c => c.GetProperty("status").GetString() == "Fail").ToList();
        Assert.Equal(failing, failed.Select(c => c.GetProperty("name").GetString()));
        Assert.Contains(fix, failed[0].GetProperty("fix").GetString(), StringComparison.Ordinal);
        Assert.False(json.GetProperty("healthy").GetBoolean());
        if (setupRepairs)
        {
            var (setupExit, setup) = await org.RunJsonAsync("setup");
            Assert.True(setupExit == 0, setup.ToString());
            Assert.True(setup.GetProperty("changed").GetBoolean());
            var (again, repaired) = await org.RunJsonAsync("doctor", "--connector-url", connectorUrl);
            Assert.True(again == 0, repaired.ToString());
        }
    }

    [Fact]
    [Trait("Category", "Slow")]
    public async Task Verify_ConnectorStopped_FailsAtTheFirstStepAndRunsNoOther()
    {
        await using var org = await SetupOrg.StartAsync();
        Assert.Equal(0, (await org.RunJsonAsync("setup")).ExitCode);
        await org.StartConnectorAsync();
        var connectorUrl = org.ConnectorUrl!.ToString();
        await org.StopConnectorAsync();

        var (exitCode, json) = await org.RunJsonAsync("verify", "--connector-url", connectorUrl, "--timeout", "2");

        Assert.Equal(1, exitCode);
        var results = json.GetProperty("results").EnumerateArray().ToList();
        Assert.False(results[0].GetProperty("passed").GetBoolean());
        Assert.All(results.Skip(1), r => Assert.Equal("not run: an earlier step failed", r.GetProperty("evidence").GetString()));
    }

    private static async Task BreakAsync(SetupOrg org, string breakage)
    {
        var store = org.Store;
        switch (breakage)
        {
            case "deactivate the agent":
                var version = store.Records("BotVersion").Single();
                store.Write(w => w.Update(version.Id, new Dictionary<string, object?> { ["Status"] = "Inactive" }));
                break;
            case "disable Omni-Channel":
                store.Write(w => OrgSettings.Set(w, "OmniChannel", "enableOmniChannel", "false"));
                break;
            case "delete the queue":
                var queue = store.Lookup("Group", "DeveloperName", "AgentforceChannel_Queue").Single();
                store.Write(w =>
                {
                    foreach (var supported in w.Lookup("QueueSobject", "QueueId", queue.Id))
                    {
                        w.Delete(supported.Id);
                    }

                    w.Delete(queue.Id);
                });
                break;
            case "remove the event permission":
                var permission = store.Lookup("ObjectPermissions", "SobjectType", "Byoc_Interaction__e").Single();
                store.Write(w => w.Delete(permission.Id));
                break;
            case "unset SessionHandlerId":
                using (var http = new HttpClient())
                {
                    var client = await org.AdminClientAsync(http);
                    var channel = store.Lookup("MessagingChannel", "DeveloperName", "AgentforceChannel").Single();
                    await client.UpdateAsync("MessagingChannel", channel.Id, new JsonObject { ["SessionHandlerId"] = null }, TestContext.Current.CancellationToken);
                }

                break;
            case "stop the connector":
                await org.StopConnectorAsync();
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(breakage), breakage, null);
        }
    }
}
