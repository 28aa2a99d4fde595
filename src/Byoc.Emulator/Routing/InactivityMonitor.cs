using Byoc.Emulator.Agents;
using Microsoft.Extensions.Options;

namespace Byoc.Emulator.Routing;

/// <summary>
/// Moves Active sessions without a conversation entry for <see cref="RoutingOptions.InactivityTimeout"/> to Inactive, and
/// ends sessions that stayed Inactive for <see cref="RoutingOptions.InactiveSessionEndAfter"/>.
/// </summary>
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
                var owner = omniChannel.OwnerOf(session.Id);
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
                    await announcer.LeftAsync(address, owner, cancellationToken);
                    await announcer.StatusChangedAsync(address, result, null, cancellationToken);
                }
            }
        }

        count += await EndStaleAsync(cancellationToken);
        return count;
    }

    private async ValueTask<int> EndStaleAsync(CancellationToken cancellationToken)
    {
        var cutoff = timeProvider.GetUtcNow() - options.Value.InactiveSessionEndAfter;
        var count = 0;
        foreach (var session in omniChannel.Store.Lookup("MessagingSession", "Status", "Inactive"))
        {
            using (await gate.EnterAsync(session.Id, cancellationToken))
            {
                if (omniChannel.Store.Get(session.Id) is not { } current || current.GetString("Status") != "Inactive" ||
                    current.GetDateTime("LastModifiedDate") > cutoff)
                {
                    continue;
                }

                var result = omniChannel.End(session.Id, "System");
                if (result.Succeeded && directory.Resolve(session.Id) is { } address)
                {
                    count++;
                    await announcer.StatusChangedAsync(address, result, "System", cancellationToken);
                }
            }
        }

        return count;
    }
}
