namespace Byoc.Connector.Channels.Meta;

/// <summary>One status of a sent message from a WhatsApp webhook (<c>value.statuses[]</c>).</summary>
/// <param name="Id">The sent message's wamid.</param>
/// <param name="Recipient">The end user (<c>recipient_id</c>, else <c>recipient_user_id</c>).</param>
/// <param name="Status"><c>sent</c>, <c>delivered</c>, <c>read</c> or <c>failed</c>.</param>
/// <param name="At">Meta's <c>timestamp</c>.</param>
/// <param name="Entry">The conversation entry the channel put in <c>biz_opaque_callback_data</c>, or null.</param>
/// <param name="ErrorCode">For <c>failed</c>: the first error's <c>code</c>.</param>
/// <param name="Error">For <c>failed</c>: the first error's title, message and details.</param>
/// <param name="RecipientUserId">The business-scoped <c>recipient_user_id</c>, when the status carries one.</param>
internal sealed record WhatsAppStatus(string Id, string Recipient, string Status, DateTimeOffset At, string? Entry, int? ErrorCode, string? Error,
    string? RecipientUserId = null);
