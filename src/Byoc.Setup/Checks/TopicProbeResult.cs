namespace Byoc.Setup.Checks;

/// <summary>What <c>GetTopic</c> answered.</summary>
public sealed record TopicProbeResult(bool CanSubscribe, string? SchemaId, string? Error);
