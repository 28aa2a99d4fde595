using Byoc.Emulator.Agents;
using Byoc.Emulator.Tests.Routing;
using Microsoft.Extensions.Options;

namespace Byoc.Emulator.Tests.Agents;

public sealed class AgentDefinitionLoaderTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public void Load_BuiltInAndUnknownAgents_ReservationScriptElseDefault()
    {
        var loader = new AgentDefinitionLoader(Options.Create(new AgentOptions()));

        var reservation = loader.Load("Reservation_Agent");
        var unknown = loader.Load("Some_Other_Agent");

        Assert.Equal(["escalate", "cancel_reservation", "check_reservation", "available_times", "make_reservation", "opening_hours", "greeting"],
            reservation.Topics.Select(t => t.Name));
        Assert.Equal(["name", "partySize", "date", "time"], reservation.Topics.Single(t => t.Name == "make_reservation").Slots.Select(s => s.Name));
        Assert.Equal("Default", unknown.DeveloperName);
    }

    [Fact]
    public async Task HandleAsync_DefinitionsPathOverridesScript_AgentUsesIt()
    {
        var folder = Directory.CreateTempSubdirectory("byoc-agents-");
        try
        {
            await File.WriteAllTextAsync(Path.Combine(folder.FullName, "Reservation_Agent.yaml"), """
                developerName: Reservation_Agent
                greeting: { text: "Ahoy from the override" }
                fallback: "Override fallback"
                topics:
                  - name: escalate
                    action: escalate
                    patterns: ['\bparrot\b']
                """, Token);
            await using var host = RoutingTestHost.Create(new() { ["Agents:DefinitionsPath"] = folder.FullName });

            await host.SendAsync("hello", cancellationToken: Token);
            await host.SendAsync("what are your hours", cancellationToken: Token);
            var entry = await host.SendAsync("give me the parrot", cancellationToken: Token);

            Assert.Equal(["Ahoy from the override", "Override fallback", "I'm connecting you with a member of our team."], host.Events.Texts("Chatbot"));
            Assert.Equal("Waiting", host.Session(entry.Address.MessagingSessionId).GetString("Status"));
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }
}
