namespace Byoc.Emulator.Interactions;

/// <summary>202 body of <c>POST /api/v1/interactions</c> (<c>PostInteractionResponse</c>).</summary>
/// <param name="ConversationIdentifier">The conversation's UUID.</param>
/// <param name="WorkItemIds">The MessagingSession id (15 characters).</param>
/// <param name="Success">Always true.</param>
/// <param name="Id">UNCONFIRMED meaning (§13): the emulator echoes the interaction's entry id.</param>
internal sealed record PostInteractionResponse(string ConversationIdentifier, IReadOnlyList<string> WorkItemIds, bool Success, string Id);

/// <summary>202 body of <c>POST /api/v1/conversation</c> (<c>PostConversationResponse</c>).</summary>
internal sealed record PostConversationResponse(string ConversationIdentifier, string MessagingSessionId, bool Success);

/// <summary>200 body of <c>POST /api/v1/acknowledgement</c> and <c>PATCH /api/v1/capabilities</c>.</summary>
internal sealed record SuccessResponse(bool Success);

/// <summary>Error body of acknowledgement and capabilities: their response shape with <c>success:false</c>, plus the common error fields.</summary>
internal sealed record StatusErrorResponse(bool Success, InteractionErrorBody ErrorDetail, int Code, string Message);
