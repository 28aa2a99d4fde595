namespace Byoc.Setup.Verify;

/// <summary>
/// What a <c>byoc verify</c> run left in the org and what it removed again: the test end user and session it created,
/// and the routing requests it took out of the fallback queue so no person is offered the test conversation.
/// </summary>
/// <param name="EndUserId">The test end user's id on the channel (<c>byoc-verify-…</c>).</param>
/// <param name="MessagingEndUserId">The MessagingEndUser record the org created for it, if one was found.</param>
/// <param name="MessagingSessionId">The MessagingSession record of the test conversation, if one was found.</param>
/// <param name="RemovedRoutingIds">The PendingServiceRouting records deleted, which takes the session out of its queue.</param>
/// <param name="Error">Why the clean-up failed, or null.</param>
public sealed record VerifyCleanup(
    string EndUserId, string? MessagingEndUserId, string? MessagingSessionId, IReadOnlyList<string> RemovedRoutingIds, string? Error);
