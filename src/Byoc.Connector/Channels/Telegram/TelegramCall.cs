using Byoc.Core.Delivery;

namespace Byoc.Connector.Channels.Telegram;

/// <summary>How one Bot API call ended: its result, or the failure as a delivery outcome with Telegram's own error.</summary>
/// <typeparam name="T">The method's result type.</typeparam>
/// <param name="Value">The result, on success.</param>
/// <param name="Outcome">Succeeded, or retryable (429 with its <c>retry_after</c>, 5xx, timeouts, network) or permanent.</param>
/// <param name="ErrorCode">Telegram's <c>error_code</c> (or the HTTP status), when it answered with one.</param>
/// <param name="Description">Telegram's <c>description</c>, for example <c>Forbidden: bot was blocked by the user</c>.</param>
internal sealed record TelegramCall<T>(T? Value, DeliveryOutcome Outcome, int? ErrorCode = null, string? Description = null)
{
    public bool IsSuccess => Outcome.IsSuccess;

    /// <summary>The same failure for a call of another result type.</summary>
    public TelegramCall<TOther> As<TOther>() => new(default, Outcome, ErrorCode, Description);
}
