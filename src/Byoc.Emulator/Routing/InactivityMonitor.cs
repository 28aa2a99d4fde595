using Byoc.Emulator.Agents;
using Microsoft.Extensions.Options;

namespace Byoc.Emulator.Routing;

/// <summary>Moves Active sessions without a conversation entry for <see cref="RoutingOptions.InactivityTimeout"/> to Inactive.</summary>
internal sealed class InactivityMonitor(
    OmniChannel omniChannel, SessionGate gate, ConversationDirectory directory, RoutingAnnouncer announcer,
    ScriptedBrain scriptedBrain, LlmBrain llmBrain, IOptions<RoutingOptions> options, TimeProvider timeProvider)
{
    /// <summary>One sweep; returns how many sessions became Inactive.</summary>
    public async ValueTask<int> SweepAsync(CancellationToken cancellationToken)
    {
        var cutoff = timeProvider.GetUtcNow() - options.Value.InactivityTimeout;
        var count = 0;
        foreach (var session in omniChannel.Store.Lookup("MessagingSession", "Status", "Active"))
        {
            using (await gate.EnterAsync(session.Id, cancellationToken))
            {
                var result = omniChannel.MarkInactive(session.Id, cutoff);
                if (!result.Succeeded)
                {
                    continue;
                }

                count++;
                scriptedBrain.Forget(session.Id);
                llmBrain.Forget(session.Id);
                if (directory.Resolve(session.Id) is { } address)
                {
                    await announcer.StatusChangedAsync(address, result, null, cancellationToken);
                }
            }
        }

        return count;
    }
}
