namespace Byoc.Emulator.Interactions;

/// <summary>What every interaction of a request shares: the channel address (<c>to</c>), the end user (<c>from</c>) and the timestamp.</summary>
internal sealed record InteractionEnvelope(string To, string From, long Timestamp);
