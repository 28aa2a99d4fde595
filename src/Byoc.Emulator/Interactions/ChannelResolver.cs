using System.Diagnostics.CodeAnalysis;
using Byoc.Emulator.Org.Records;

namespace Byoc.Emulator.Interactions;

/// <summary>Resolves a channel address identifier to the caller's active BYOC MessagingChannel (§11: 10017, 10031, 10035, 10026, 10001/10070).</summary>
internal sealed class ChannelResolver(OrgStore store)
{
    public bool TryResolve(
        string? channelAddressIdentifier, ScrtCaller caller, int invalidCode, int mismatchCode,
        [NotNullWhen(true)] out SObjectRecord? channel, [NotNullWhen(false)] out InteractionError? error)
    {
        channel = null;
        if (string.IsNullOrWhiteSpace(channelAddressIdentifier) || channelAddressIdentifier.Length > 240)
        {
            error = InteractionError.Of(invalidCode);
            return false;
        }

        var found = store.Lookup("MessagingChannel", "ChannelAddressIdentifier", channelAddressIdentifier) is [var match, ..] ? match : null;
        if (found is null)
        {
            error = InteractionError.Of(10017);
            return false;
        }

        if (!string.Equals(found.GetString("MessageType"), "Custom", StringComparison.Ordinal))
        {
            error = InteractionError.Of(10035);
            return false;
        }

        if (!found.GetBoolean("IsActive"))
        {
            error = InteractionError.Of(10031);
            return false;
        }

        if (found.GetString("ChannelDefinitionId") is not { } definitionId || store.Get(definitionId) is null)
        {
            error = InteractionError.Of(10026);
            return false;
        }

        if (!string.Equals(definitionId, caller.ChannelDefinition.Id, StringComparison.Ordinal))
        {
            error = InteractionError.Of(mismatchCode);
            return false;
        }

        channel = found;
        error = null;
        return true;
    }
}
