namespace Byoc.TestUtilities.Platforms.Slack;

/// <summary>An Events API delivery the fake made (its retries are in <c>FakeSlack.EventAttempts</c> under the same id).</summary>
/// <param name="Id">The <c>event_id</c> (or, for a handshake, <c>url_verification</c> and a number).</param>
/// <param name="Json">The exact body.</param>
/// <param name="Ts">For a message: its ts.</param>
public sealed record SlackEvent(string Id, string Json, string? Ts);
