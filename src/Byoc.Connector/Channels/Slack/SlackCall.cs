using System.Text.Json.Nodes;
using Byoc.Core.Delivery;

namespace Byoc.Connector.Channels.Slack;

/// <summary>How one Web API call ended: the outcome, Slack's <c>error</c> code when it refused, and the answer's body when it took it.</summary>
internal sealed record SlackCall(DeliveryOutcome Outcome, string? Error = null, JsonObject? Body = null)
{
    /// <summary>Whether Slack answered <c>ok: true</c>.</summary>
    public bool IsSuccess => Outcome.IsSuccess;
}
