using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Byoc.Emulator.Tests.Routing;
using Byoc.TestUtilities;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Byoc.Emulator.Tests.Agents;

public sealed class LlmBrainTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task HandleAsync_LlmAnswers_AgentSendsCompletionTextWithTopicsAsInstructions()
    {
        await using var llm = await FakeOpenAi.StartAsync(Token);
        await using var host = RoutingTestHost.Create(llm.Settings());

        await host.SendAsync("What time do you open on Sunday?", cancellationToken: Token);
        await host.SendAsync("thanks", cancellationToken: Token);

        Assert.Equal(["LLM answer 1", "LLM answer 2"], host.Events.Texts("Chatbot"));
        var request = llm.Requests.Last();
        Assert.Equal("test-model", request["model"]!.GetValue<string>());
        Assert.Equal("Bearer sk-test", llm.Authorization.Last());
        var messages = request["messages"]!.AsArray();
        Assert.Equal("system", messages[0]!["role"]!.GetValue<string>());
        Assert.Contains("opening_hours: Opening hours: Tuesday to Sunday", messages[0]!["content"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(["system", "user", "assistant", "user"], messages.Select(m => m!["role"]!.GetValue<string>()));
        Assert.Equal("escalate_to_human", request["tools"]![0]!["function"]!["name"]!.GetValue<string>());
    }

    [Fact]
    public async Task HandleAsync_LlmCallsEscalationTool_SessionGoesToFallbackQueue()
    {
        await using var llm = await FakeOpenAi.StartAsync(Token);
        await using var host = RoutingTestHost.Create(llm.Settings());

        var entry = await host.SendAsync("get me someone real", cancellationToken: Token);

        var session = host.Session(entry.Address.MessagingSessionId);
        Assert.Equal(("Waiting", "BotToAgent"), (session.GetString("Status"), session.GetString("AgentType")));
        Assert.Equal("Let me get a colleague.", host.Events.Texts("Chatbot")[^1]);
    }

    [Fact]
    public async Task HandleAsync_LlmFails_AgentGivesFallbackAnswer()
    {
        await using var llm = await FakeOpenAi.StartAsync(Token);
        await using var host = RoutingTestHost.Create(llm.Settings());

        await host.SendAsync("fail please", cancellationToken: Token);

        Assert.StartsWith("Sorry, I didn't get that.", host.Events.Texts("Chatbot")[^1], StringComparison.Ordinal);
    }

    /// <summary>An OpenAI-compatible chat-completions endpoint on loopback: escalates on "real", fails on "fail".</summary>
    private sealed class FakeOpenAi : IAsyncDisposable
    {
        private readonly LoopbackServer _server;
        private int _answers;

        private FakeOpenAi(LoopbackServer server) => _server = server;

        public ConcurrentQueue<JsonObject> Requests { get; } = new();

        public ConcurrentQueue<string> Authorization { get; } = new();

        public static async Task<FakeOpenAi> StartAsync(CancellationToken cancellationToken)
        {
            FakeOpenAi? fake = null;
            var builder = WebApplication.CreateSlimBuilder();
            builder.Logging.ClearProviders();
            var app = builder.Build();
            app.MapPost("/v1/chat/completions", async (HttpContext context) =>
            {
                var request = (await context.Request.ReadFromJsonAsync<JsonObject>(context.RequestAborted))!;
                fake!.Requests.Enqueue(request);
                fake.Authorization.Enqueue(context.Request.Headers.Authorization.ToString());
                var last = request["messages"]!.AsArray()[^1]!["content"]!.GetValue<string>();
                if (last.Contains("fail", StringComparison.Ordinal))
                {
                    return Results.StatusCode(500);
                }

                JsonObject message = last.Contains("real", StringComparison.Ordinal)
                    ? new()
                    {
                        ["role"] = "assistant",
                        ["content"] = "Let me get a colleague.",
                        ["tool_calls"] = new JsonArray(new JsonObject
                        {
                            ["id"] = "call_1",
                            ["type"] = "function",
                            ["function"] = new JsonObject { ["name"] = "escalate_to_human", ["arguments"] = "{}" },
                        })
                    }
                    : new() { ["role"] = "assistant", ["content"] = $"LLM answer {Interlocked.Increment(ref fake._answers)}" };
                return Results.Json(new JsonObject { ["choices"] = new JsonArray(new JsonObject { ["index"] = 0, ["message"] = message }) });
            });
            fake = new FakeOpenAi(await LoopbackServer.StartAsync(app, cancellationToken));
            return fake;
        }

        public Dictionary<string, string?> Settings() => new()
        {
            ["Agents:Llm:BaseUrl"] = _server.BaseAddress.ToString(),
            ["Agents:Llm:Model"] = "test-model",
            ["Agents:Llm:ApiKey"] = "sk-test",
        };

        public ValueTask DisposeAsync() => _server.DisposeAsync();
    }
}
