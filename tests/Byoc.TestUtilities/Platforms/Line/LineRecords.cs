using System.Text.Json.Nodes;

namespace Byoc.TestUtilities.Platforms.Line;

/// <summary>One webhook the fake posted (its redeliveries are attempts of it).</summary>
/// <param name="Id">The fake's id of the delivery, in <see cref="WebhookAttempt.Id"/>.</param>
/// <param name="EventIds">The <c>webhookEventId</c> of each event.</param>
/// <param name="Json">The first attempt's body.</param>
public sealed record LineWebhook(string Id, IReadOnlyList<string> EventIds, string Json);

/// <summary>A reply or push the fake accepted.</summary>
/// <param name="Via"><c>reply</c> or <c>push</c>.</param>
/// <param name="To">The end user: the push's <c>to</c>, or the user the reply token was issued for.</param>
/// <param name="Messages">The message objects, as sent.</param>
/// <param name="RetryKey">The push's <c>X-Line-Retry-Key</c>, if any.</param>
/// <param name="RequestId">The fake's <c>x-line-request-id</c> of the call.</param>
/// <param name="At">When it was accepted, on the options' clock.</param>
public sealed record LineSentMessage(string Via, string To, IReadOnlyList<JsonObject> Messages, string? RetryKey, string RequestId, DateTimeOffset At)
{
    /// <summary>The texts of the text messages, in order.</summary>
    public IReadOnlyList<string> Texts => [.. Messages.Where(m => (string?)m["type"] == "text").Select(m => (string)m["text"]!)];
}

/// <summary>A loading animation the application started.</summary>
public sealed record LineLoading(string ChatId, int Seconds, DateTimeOffset At);

/// <summary>A mark-as-read the fake accepted: the token and the message it marks (with all before it).</summary>
public sealed record LineRead(string Token, string User, string MessageId, DateTimeOffset At);

/// <summary>A request the application made to the fake, whatever the answer (path, status and the token it carried).</summary>
public sealed record LineApiRequest(string Method, string Path, int Status, string? Authorization, string? RetryKey);

/// <summary>The recordings the fake's hosts write.</summary>
internal sealed class LineRecordings
{
    public Recording<LineSentMessage> Sent { get; } = new();

    public Recording<LineLoading> Loadings { get; } = new();

    public Recording<LineRead> Reads { get; } = new();

    public Recording<LineApiRequest> Requests { get; } = new();
}
