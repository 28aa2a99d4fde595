using System.Collections.Concurrent;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;

namespace Byoc.Emulator.Agents;

/// <summary>
/// The optional LLM brain: an OpenAI-compatible <c>/v1/chat/completions</c> endpoint, instructed with the agent
/// definition's topics, with escalation offered as the tool <c>escalate_to_human</c>. Failures and timeouts are values:
/// the agent then gives its fallback answer.
/// </summary>
internal sealed partial class LlmBrain(IHttpClientFactory httpClientFactory, IOptions<AgentOptions> options, ILogger<LlmBrain> logger)
    : IAgentBrain
{
    public const string HttpClientName = "Byoc.Emulator.AgentLlm";
    public const string EscalationTool = "escalate_to_human";

    private readonly ConcurrentDictionary<string, List<JsonObject>> _histories = new(StringComparer.Ordinal);

    public async ValueTask<AgentPlan> PlanAsync(AgentTurn turn, CancellationToken cancellationToken)
    {
        if (turn.IsFirstTurn)
        {
            Forget(turn.SessionId);
        }

        var history = _histories.GetOrAdd(turn.SessionId, _ => []);
        JsonObject[] messages;
        lock (history)
        {
            history.Add(new JsonObject { ["role"] = "user", ["content"] = turn.Text });
            messages = [new JsonObject { ["role"] = "system", ["content"] = Instructions(turn.Definition) }, .. history.Select(m => (JsonObject)m.DeepClone())];
        }

        var llm = options.Value.Llm;
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(llm.Timeout);
        try
        {
            var answer = await CompleteAsync(llm, messages, timeout.Token);
            var content = answer?["content"]?.GetValue<string>();
            var escalate = answer?["tool_calls"] is JsonArray calls &&
                calls.Any(c => c?["function"]?["name"]?.GetValue<string>() == EscalationTool);
            if (escalate)
            {
                return new AgentPlan(turn.Definition.Escalation.Progress,
                    [new AgentReply(string.IsNullOrWhiteSpace(content) ? turn.Definition.Escalation.Reply : content)], Escalate: true);
            }

            content = string.IsNullOrWhiteSpace(content) ? turn.Definition.Fallback : content;
            lock (history)
            {
                history.Add(new JsonObject { ["role"] = "assistant", ["content"] = content });
            }

            return new AgentPlan(null, [new AgentReply(content)]);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            Log.CompletionTimedOut(logger, llm.Timeout);
        }
        catch (HttpRequestException e)
        {
            Log.CompletionFailed(logger, e.StatusCode is { } code ? (int)code : 0, e);
        }

        return new AgentPlan(null, [new AgentReply(turn.Definition.Fallback)]);
    }

    public void Forget(string sessionId) => _histories.TryRemove(sessionId, out _);

    /// <summary>The system prompt: the definition's description and each topic's instructions.</summary>
    public static string Instructions(AgentDefinition definition)
    {
        var text = new StringBuilder(definition.Description.Trim()).AppendLine().AppendLine("Topics:");
        foreach (var topic in definition.Topics.Where(t => t.Instructions.Length > 0))
        {
            text.Append("- ").Append(topic.Name).Append(": ").AppendLine(topic.Instructions);
        }

        return text.Append("Call the tool ").Append(EscalationTool).Append(" to hand the conversation to a human.").ToString();
    }

    private async Task<JsonNode?> CompleteAsync(LlmOptions llm, JsonObject[] messages, CancellationToken cancellationToken)
    {
        var request = new JsonObject
        {
            ["model"] = llm.Model,
            ["messages"] = new JsonArray([.. messages]),
            ["tools"] = new JsonArray(new JsonObject
            {
                ["type"] = "function",
                ["function"] = new JsonObject
                {
                    ["name"] = EscalationTool,
                    ["description"] = "Hand the conversation over to a human service rep.",
                    ["parameters"] = new JsonObject { ["type"] = "object", ["properties"] = new JsonObject() },
                },
            }),
        };
        using var message = new HttpRequestMessage(HttpMethod.Post, Endpoint(llm.BaseUrl!)) { Content = JsonContent.Create(request) };
        if (llm.ApiKey is { Length: > 0 } key)
        {
            message.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
        }

        using var client = httpClientFactory.CreateClient(HttpClientName);
        using var response = await client.SendAsync(message, cancellationToken);
        response.EnsureSuccessStatusCode();
        var body = await response.Content.ReadFromJsonAsync<JsonObject>(cancellationToken);
        return body?["choices"]?[0]?["message"];
    }

    private static Uri Endpoint(Uri baseUrl)
    {
        var text = baseUrl.ToString().TrimEnd('/');
        return new Uri(text.EndsWith("/v1", StringComparison.Ordinal) ? text + "/chat/completions" : text + "/v1/chat/completions");
    }
}
