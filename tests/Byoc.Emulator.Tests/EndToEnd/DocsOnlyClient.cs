using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Byoc.Emulator.Hosting;
using Byoc.Emulator.Tests.Interactions;
using Byoc.Emulator.Tests.PubSub;
using Byoc.Emulator.Tests.PubSub.Client;
using Byoc.TestUtilities.Contracts;
using Byoc.TestUtilities.Salesforce;
using Microsoft.Extensions.DependencyInjection;

namespace Byoc.Emulator.Tests.EndToEnd;

/// <summary>
/// A connector as Salesforce's docs describe it, against a full emulator (routing, agent, inactivity sweep, real clock):
/// JWT bearer token from the exported key, the Interaction Service API (<see cref="ScrtTestClient"/>), a Pub/Sub subscriber
/// with its own proto copy decoding Avro with the fetched schema (<see cref="PubSubTestClient"/>), every event checked against
/// outbound-custom-event-payload.yaml, the org's REST query API and the rep REST API.
/// </summary>
internal sealed class DocsOnlyClient : IAsyncDisposable
{
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(15);
    private readonly List<JsonObject> _events = [];
    private readonly CancellationTokenSource _stop = new();
    private readonly HttpClient _rest;
    private Task? _pump;

    private DocsOnlyClient(TestEmulator emulator, EmulatorCredentials credentials, string token)
    {
        Emulator = emulator;
        Credentials = credentials;
        Scrt = new ScrtTestClient(emulator, token);
        PubSub = new PubSubTestClient(new Uri(credentials.PubSubUrl), token, credentials.InstanceUrl, credentials.OrgId18,
            credentials.PubSubTls ? credentials.PubSubCaFile : null);
        _rest = new HttpClient { BaseAddress = new Uri(credentials.InstanceUrl) };
        _rest.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
    }

    public TestEmulator Emulator { get; }

    public EmulatorCredentials Credentials { get; }

    public ScrtTestClient Scrt { get; }

    public PubSubTestClient PubSub { get; }

    public string ChannelAddress => Credentials.ChannelAddressIdentifier!;

    /// <summary>Every event received so far, in order, as the decoded payload JSON.</summary>
    public IReadOnlyList<JsonObject> Events
    {
        get
        {
            lock (_events)
            {
                return [.. _events];
            }
        }
    }

    /// <summary>Starts an emulator on the system clock with routing and a thinking-free agent, mints a token, subscribes.</summary>
    public static async Task<DocsOnlyClient> StartAsync(params string[] extraArgs)
    {
        var emulator = await TestEmulator.StartAsync(null, services => services.AddSingleton(TimeProvider.System), withRouting: true,
            ["--Agents:ThinkTime=00:00:00", .. extraArgs]);
        var credentials = EmulatorApplication.GetCredentials(emulator.App);
        var assertion = JwtAssertion.Create(await File.ReadAllTextAsync(credentials.PrivateKeyFile, Token), credentials.ConsumerKey,
            credentials.Username, "https://login.salesforce.com", TimeProvider.System.GetUtcNow().AddMinutes(3));
        using var http = new HttpClient();
        using var response = await http.PostAsync(new Uri(credentials.LoginUrl + "/services/oauth2/token"), new FormUrlEncodedContent(
            new Dictionary<string, string> { ["grant_type"] = "urn:ietf:params:oauth:grant-type:jwt-bearer", ["assertion"] = assertion }), Token);
        response.EnsureSuccessStatusCode();
        var token = JsonNode.Parse(await response.Content.ReadAsStringAsync(Token))!["access_token"]!.GetValue<string>();
        var client = new DocsOnlyClient(emulator, credentials, token);
        await client.SubscribeAsync();
        return client;
    }

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private async Task SubscribeAsync()
    {
        var topic = await PubSub.Client.GetTopicAsync(new TopicRequest { TopicName = Credentials.TopicName }, PubSub.Metadata, cancellationToken: Token);
        var schema = await PubSub.GetSchemaAsync(topic.SchemaId);
        var call = PubSub.Client.Subscribe(PubSub.Metadata, cancellationToken: _stop.Token);
        await call.RequestStream.WriteAsync(new FetchRequest { TopicName = Credentials.TopicName, ReplayPreset = ReplayPreset.Earliest, NumRequested = 100 }, Token);
        _pump = Task.Run(async () =>
        {
            using (call)
            {
                try
                {
                    while (await call.ResponseStream.MoveNext(_stop.Token))
                    {
                        var response = call.ResponseStream.Current;
                        foreach (var consumerEvent in response.Events)
                        {
                            var record = PubSubTestClient.Decode(schema, consumerEvent);
                            var payload = JsonNode.Parse((string)record[Credentials.PayloadField!])!.AsObject();
                            payload["__eventType"] = (string)record[Credentials.EventTypeField!];
                            lock (_events)
                            {
                                _events.Add(payload);
                            }
                        }

                        if (response.PendingNumRequested < 50)
                        {
                            await call.RequestStream.WriteAsync(new FetchRequest { NumRequested = 100 }, _stop.Token);
                        }
                    }
                }
                catch (Exception e) when (_stop.IsCancellationRequested && e is OperationCanceledException or Grpc.Core.RpcException)
                {
                }
            }
        }, Token);
    }

    /// <summary>Posts a text message; returns the 202 body (conversationIdentifier, messagingSessionId).</summary>
    public async Task<JsonObject> SendTextAsync(string endUser, string text, string? inReplyToMessageId = null)
    {
        var json = ScrtTestClient.TextInteraction(ChannelAddress, endUser, text);
        if (inReplyToMessageId is not null)
        {
            json["interactions"]![0]!["payload"]!["abstractMessage"]!["inReplyToMessageId"] = inReplyToMessageId;
        }

        var (status, body) = await Scrt.PostInteractionAsync(json);
        Assert.True(status == HttpStatusCode.Accepted, $"{status}: {body.ToJsonString()}");
        return body;
    }

    /// <summary>Posts a ChoicesResponseMessage picking one option of a ChoicesMessage.</summary>
    public async Task<JsonObject> SendChoiceAsync(string endUser, string inReplyToMessageId, string optionIdentifier, string? title)
    {
        var id = Guid.NewGuid().ToString();
        var option = new JsonObject { ["optionIdentifier"] = optionIdentifier };
        if (title is not null)
        {
            option["optionTitle"] = new JsonObject { ["itemType"] = "TitleItem", ["title"] = title };
        }

        var json = ScrtTestClient.Interaction(ChannelAddress, endUser, new JsonObject
        {
            ["timestamp"] = TimeProvider.System.GetUtcNow().ToUnixTimeMilliseconds(),
            ["interactionType"] = "EntryInteraction",
            ["payload"] = new JsonObject
            {
                ["id"] = id,
                ["entryType"] = "Message",
                ["abstractMessage"] = new JsonObject
                {
                    ["messageType"] = "ChoicesResponseMessage",
                    ["id"] = id,
                    ["inReplyToMessageId"] = inReplyToMessageId,
                    ["choicesResponse"] = new JsonObject { ["formatType"] = "Selections", ["selectedOptions"] = new JsonArray(option) },
                },
            },
        });
        var (status, body) = await Scrt.PostInteractionAsync(json);
        Assert.True(status == HttpStatusCode.Accepted, $"{status}: {body.ToJsonString()}");
        return body;
    }

    public async Task RegisterButtonsAsync()
    {
        var (status, body) = await Scrt.SendJsonAsync(HttpMethod.Patch, "/api/v1/capabilities",
            InteractionEndpointsTests.Capabilities(Credentials.ChannelDefinitionDeveloperName));
        Assert.True(status == HttpStatusCode.OK, body.ToJsonString());
    }

    public async Task AcknowledgeAsync(string conversationId, string endUser, params (string Type, string EntryId)[] acknowledgements)
    {
        var body = InteractionEndpointsTests.Acknowledgements(conversationId,
            [.. acknowledgements.Select(a => (a.Type, a.EntryId, TimeProvider.System.GetUtcNow().ToUnixTimeMilliseconds()))]);
        body["sender"]!["subject"] = endUser;
        var (status, answer) = await Scrt.SendJsonAsync(HttpMethod.Post, "/api/v1/acknowledgement", body);
        Assert.True(status == HttpStatusCode.OK, answer.ToJsonString());
    }

    /// <summary>Waits (bounded) for the first event of the conversation, from index <paramref name="from"/>, matching the predicate.</summary>
    public async Task<(JsonObject Event, int Index)> WaitForAsync(string conversationId, Func<JsonObject, bool> predicate, string what, int from = 0)
    {
        var deadline = TimeProvider.System.GetUtcNow() + Patience;
        while (true)
        {
            var events = Events;
            for (var i = from; i < events.Count; i++)
            {
                if (events[i]["conversationIdentifier"]?.GetValue<string>() == conversationId && predicate(events[i]))
                {
                    return (events[i], i);
                }
            }

            if (TimeProvider.System.GetUtcNow() > deadline)
            {
                Assert.Fail($"No event for {what} within {Patience}. Seen:{Environment.NewLine}" +
                    string.Join(Environment.NewLine, events.Where(e => e["conversationIdentifier"]?.GetValue<string>() == conversationId).Select(Describe)));
            }

            await Task.Delay(25, Token);
        }
    }

    /// <summary>Waits for the next agent (Chatbot) message after index <paramref name="from"/>.</summary>
    public Task<(JsonObject Event, int Index)> WaitForMessageAsync(string conversationId, string role, int from = 0, string? containing = null) =>
        WaitForAsync(conversationId, e => EntryType(e) == "Message" && SenderRole(e) == role &&
            (containing is null || (Text(e)?.Contains(containing, StringComparison.Ordinal) ?? false)),
            $"a {role} message{(containing is null ? "" : $" containing '{containing}'")}", from);

    /// <summary>Polls the org's REST query API until the first row satisfies the predicate (bounded).</summary>
    public async Task<JsonObject> QueryUntilAsync(string soql, Func<JsonObject, bool> predicate, string what)
    {
        var deadline = TimeProvider.System.GetUtcNow() + Patience;
        JsonArray? last = null;
        while (TimeProvider.System.GetUtcNow() < deadline)
        {
            last = await QueryAsync(soql);
            if (last is [JsonObject first, ..] && predicate(first))
            {
                return first;
            }

            await Task.Delay(50, Token);
        }

        Assert.Fail($"{what} not reached within {Patience}: {last?.ToJsonString()}");
        return null!;
    }

    /// <summary>Waits until the transcript has an entry with this message (Message is a long text area: not filterable in SOQL).</summary>
    public async Task<JsonObject> WaitForEntryAsync(string sessionId, string message)
    {
        var deadline = TimeProvider.System.GetUtcNow() + Patience;
        while (TimeProvider.System.GetUtcNow() < deadline)
        {
            var entries = await QueryAsync($"SELECT Id, Message, ActorType, MessageStatus FROM ConversationEntry WHERE ConversationId = '{sessionId}'");
            if (entries.OfType<JsonObject>().FirstOrDefault(e => e["Message"]?.GetValue<string>() == message) is { } entry)
            {
                return entry;
            }

            await Task.Delay(50, Token);
        }

        Assert.Fail($"No transcript entry '{message}' within {Patience}.");
        return null!;
    }

    public async Task<JsonArray> QueryAsync(string soql)
    {
        var body = await _rest.GetFromJsonAsync<JsonObject>("/services/data/v66.0/query?q=" + Uri.EscapeDataString(soql), Token);
        return body!["records"]!.AsArray();
    }

    public HttpClient CreateRepClient(string username)
    {
        var client = new HttpClient { BaseAddress = new Uri(Credentials.InstanceUrl) };
        client.DefaultRequestHeaders.Add("X-Byoc-Rep", username);
        return client;
    }

    public static string EntryType(JsonObject e) => e["payload"]!["entryType"]!.GetValue<string>();

    public static string? SenderRole(JsonObject e) => e["payload"]!["sender"]?["role"]?.GetValue<string>();

    public static string? MessageId(JsonObject e) => e["payload"]!["entryPayload"]?["abstractMessage"]?["id"]?.GetValue<string>();

    public static string? Text(JsonObject e) => e["payload"]!["entryPayload"]?["abstractMessage"] is JsonObject message
        ? message["staticContent"]?["text"]?.GetValue<string>() ?? message["choices"]?["text"]?.GetValue<string>()
        : null;

    /// <summary>ParticipantChanged operations as "add Chatbot", "remove Agent".</summary>
    public static IEnumerable<string> ParticipantChanges(JsonObject e) =>
        e["payload"]!["entryPayload"]?["entries"] is JsonArray entries
            ? entries.Select(c => $"{c!["operation"]!.GetValue<string>()} {c["participant"]!["role"]!.GetValue<string>()}")
            : [];

    public static string Describe(JsonObject e) =>
        $"{EntryType(e)} from {SenderRole(e)}: {Text(e) ?? string.Join(", ", ParticipantChanges(e))}";

    /// <summary>
    /// Every event received so far is an <c>Interaction</c> event and satisfies the outbound contract (checked when the
    /// contract files are there, always in CI).
    /// </summary>
    public void AssertAllEventsMatchContract()
    {
        foreach (var e in Events)
        {
            Assert.Equal("Interaction", e["__eventType"]!.GetValue<string>());
            var copy = e.DeepClone().AsObject();
            copy.Remove("__eventType");
            ContractValidator.OutboundWhenPresent?.AssertValid(copy, "InteractionEvent");
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        if (_pump is not null)
        {
            await _pump.WaitAsync(Patience, CancellationToken.None);
        }

        PubSub.Dispose();
        Scrt.Dispose();
        _rest.Dispose();
        await Emulator.DisposeAsync();
        _stop.Dispose();
    }
}
