namespace Byoc.TestUtilities.Platforms.Meta;

/// <summary>How the callback answered the fake's verification request: its status and body, and whether it echoed the challenge.</summary>
public sealed record MetaVerification(int? StatusCode, string Body, bool Verified);
