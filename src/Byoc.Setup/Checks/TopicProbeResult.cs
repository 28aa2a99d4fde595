namespace Byoc.Setup.Checks;

/// <summary>What <c>GetTopic</c> answered.</summary>
internal sealed record TopicProbeResult(bool CanSubscribe, string? SchemaId, string? Error);
