using System.Collections.Concurrent;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using BenchmarkDotNet.Attributes;
using Byoc.Emulator;
using Byoc.Emulator.Auth;
using Byoc.Emulator.Conversations;
using Byoc.Emulator.Org.Records;
using Byoc.Emulator.Org.Seed;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace Byoc.Benchmarks;

/// <summary>
/// One whole interaction with the emulated org, in memory, as the ceiling drives it: <c>POST /api/v1/interactions</c> over
/// loopback HTTP until the agent's reply is published (routing, agent, transcript and event store included, Pub/Sub
/// delivery not). Each end user's session already holds <see cref="EntriesPerSession"/> transcript entries; the users
/// take turns, so a session grows by a few entries over a run. The ratio of the two sizes is the cost of a long
/// conversation (issue 23, item 4).
/// </summary>
[MemoryDiagnoser]
[InvocationCount(64)]
public class EmulatedOrgBenchmarks : IDisposable
{
    private const int Users = 256;

    private readonly ConcurrentDictionary<string, TaskCompletionSource> _replies = new(StringComparer.Ordinal);
    private readonly List<(string From, string Conversation)> _users = [];
    private string _directory = string.Empty;
    private WebApplication _org = null!;
    private HttpClient _http = null!;
    private string _channelAddress = string.Empty;
    private string _orgId = string.Empty;
    private string _token = string.Empty;
    private int _next;

    [Params(10, 400)]
    public int EntriesPerSession { get; set; }

    [GlobalSetup]
    public async Task SetupAsync()
    {
        _directory = Directory.CreateTempSubdirectory("byoc-benchmarks-org-").FullName;
        _org = EmulatorApplication.Create(
            [
                "--Emulator:InstancePort=0", "--Emulator:ScrtPort=0", "--Emulator:PubSubPort=0", "--Emulator:InMemory=true",
                "--Emulator:PubSubTls=false", "--Emulator:StateDirectory=" + _directory, "--Agents:ThinkTime=00:00:00",
                "--Logging:LogLevel:Default=Warning",
            ],
            builder =>
            {
                var publisher = builder.Services.Last(d => d.ServiceType == typeof(IConversationEvents));
                builder.Services.Remove(publisher);
                builder.Services.AddSingleton<IConversationEvents>(sp =>
                    new ReplySignal((IConversationEvents)ActivatorUtilities.CreateInstance(sp, publisher.ImplementationType!), _replies));
            });
        await _org.StartAsync();
        var credentials = EmulatorApplication.GetCredentials(_org);
        var store = _org.Services.GetRequiredService<OrgStore>();
        var integrationUser = store.Lookup("User", "Username", SeededOrg.IntegrationUsername)[0].Id;
        _token = _org.Services.GetRequiredService<IAccessTokens>().Issue(integrationUser, ["api", "interaction_api"]).AccessToken;
        _orgId = credentials.OrgId;
        _channelAddress = credentials.ChannelAddressIdentifier!;
        _http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 64 }) { BaseAddress = new Uri(credentials.ScrtUrl) };

        for (var user = 0; user < Users; user++)
        {
            var from = "bench:user-" + user.ToString(CultureInfo.InvariantCulture);
            var conversation = await InteractAsync(from);
            _users.Add((from, conversation));
            Pad(store, conversation);
        }
    }

    [GlobalCleanup]
    public async Task CleanupAsync()
    {
        Dispose();
        await _org.StopAsync();
        await _org.DisposeAsync();
        Directory.Delete(_directory, recursive: true);
    }

    public void Dispose()
    {
        _http?.Dispose();
        GC.SuppressFinalize(this);
    }

    [Benchmark]
    public Task<string> Interaction()
    {
        var (from, _) = _users[_next++ % _users.Count];
        return InteractAsync(from);
    }

    /// <summary>Sends one text message and completes when the agent's reply is published; returns the conversation identifier.</summary>
    private async Task<string> InteractAsync(string from)
    {
        var id = Guid.NewGuid().ToString();
        var json = new JsonObject
        {
            ["to"] = _channelAddress,
            ["from"] = from,
            ["interactions"] = new JsonArray(new JsonObject
            {
                ["timestamp"] = 1767225600000,
                ["interactionType"] = "EntryInteraction",
                ["payload"] = new JsonObject
                {
                    ["id"] = id,
                    ["entryType"] = "Message",
                    ["abstractMessage"] = new JsonObject
                    {
                        ["messageType"] = "StaticContentMessage",
                        ["id"] = id,
                        ["staticContent"] = new JsonObject { ["formatType"] = "Text", ["text"] = "benchmark " + id },
                    },
                },
            }),
        };
        using var content = new MultipartFormDataContent { { new StringContent(json.ToJsonString(), Encoding.UTF8, "application/json"), "json" } };
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/interactions") { Content = content };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", _token);
        request.Headers.Add("OrgId", _orgId);
        request.Headers.Add("AuthorizationContext", SeededOrg.ChannelDefinitionDeveloperName);
        request.Headers.Add("RequestId", Guid.NewGuid().ToString());
        using var response = await _http.SendAsync(request);
        response.EnsureSuccessStatusCode();
        var conversation = JsonNode.Parse(await response.Content.ReadAsStringAsync())!["conversationIdentifier"]!.GetValue<string>();
        var reply = _replies.GetOrAdd(conversation, _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
        await reply.Task.WaitAsync(TimeSpan.FromSeconds(30));
        _replies.TryRemove(conversation, out _);
        return conversation;
    }

    /// <summary>Fills the session up to <see cref="EntriesPerSession"/> transcript entries, end user and agent taking turns.</summary>
    private void Pad(OrgStore store, string conversationIdentifier)
    {
        var conversation = store.Lookup("Conversation", "ConversationIdentifier", conversationIdentifier)[0];
        var session = store.Lookup("MessagingSession", "ConversationId", conversation.Id)[^1];
        var existing = store.Lookup("ConversationEntry", "ConversationId", session.Id).Count;
        store.Write(writer =>
        {
            for (var seq = existing + 1; seq <= EntriesPerSession; seq++)
            {
                writer.Insert("ConversationEntry", new Dictionary<string, object?>
                {
                    ["ConversationId"] = session.Id,
                    ["ActorType"] = seq % 2 == 0 ? "Bot" : "EndUser",
                    ["Message"] = "earlier message " + seq.ToString(CultureInfo.InvariantCulture),
                    ["EntryType"] = "Text",
                    ["EntryTime"] = writer.Now,
                    ["Seq"] = (long)seq,
                    ["MessageStatus"] = "Sent",
                    ["MessageIdentifier"] = Guid.NewGuid().ToString(),
                });
            }
        });
    }

    /// <summary>Completes the waiter of a conversation when the agent's reply to it is published.</summary>
    private sealed class ReplySignal(IConversationEvents inner, ConcurrentDictionary<string, TaskCompletionSource> replies) : IConversationEvents
    {
        public async ValueTask<string> PublishAsync(ConversationEvent conversationEvent, CancellationToken cancellationToken)
        {
            var identifier = await inner.PublishAsync(conversationEvent, cancellationToken);
            if (conversationEvent is TextMessageEvent or ChoicesMessageEvent && conversationEvent.Sender.Role == "Chatbot")
            {
                replies.GetOrAdd(conversationEvent.Address.ConversationIdentifier,
                    _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();
            }

            return identifier;
        }
    }
}
