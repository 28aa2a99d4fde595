using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using Byoc.Connector.Channels.WebChat;
using Byoc.Connector.Pipeline;
using Byoc.Core.Channels;
using Byoc.Core.Messages;
using Byoc.Storage.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace Byoc.Connector.Tests.Channels.WebChat;

/// <summary>The connector on loopback Kestrel with a web chat channel named <c>chat</c>, plus page-like client helpers.</summary>
internal static class WebChatTestHost
{
    public const string Channel = "chat";
    public const string SessionSecret = "web-chat-session-secret-for-tests-0123456789";

    public static Task<ConnectorHost> StartAsync(CancellationToken cancellationToken, params string[] extraArgs) =>
        ConnectorHost.StartAsync(cancellationToken, null,
        [
            $"--Connector:WebChat:Channels:{Channel}:ChannelAddressIdentifier={ConnectorHost.ChannelAddress}",
            $"--Connector:WebChat:Channels:{Channel}:SessionSecret={SessionSecret}",
            $"--Connector:WebChat:Channels:{Channel}:HeartbeatInterval=00:00:00.500",
            .. extraArgs,
        ]);

    public static IOutboundChannelAdapter Outbound(this ConnectorHost host) =>
        host.Services.GetRequiredService<ChannelRegistry>().Find(Channel)!.Outbound;

    public static async Task<WebChatSession> NewSessionAsync(HttpClient client)
    {
        using var response = await client.PostAsync(new Uri($"/chat/{Channel}/session", UriKind.Relative), null, TestContext.Current.CancellationToken);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<WebChatSession>(TestContext.Current.CancellationToken))!;
    }

    public static async Task<HttpResponseMessage> PostAsync(HttpClient client, string? token, string json, string channel = Channel)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri($"/chat/{channel}/messages", UriKind.Relative))
        {
            Content = new StringContent(json, Encoding.UTF8, "application/json"),
        };
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return await client.SendAsync(request, TestContext.Current.CancellationToken);
    }

    public static async Task<HttpResponseMessage> UploadAsync(HttpClient client, string? token, string id, string name, string mimeType, byte[] content)
    {
        using var form = new MultipartFormDataContent { { new StringContent(id), "id" } };
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue(mimeType);
        form.Add(file, "file", name);
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri($"/chat/{Channel}/files", UriKind.Relative)) { Content = form };
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return await client.SendAsync(request, TestContext.Current.CancellationToken);
    }

    public static async Task<SseStream> OpenStreamAsync(HttpClient client, string token, string? lastEventId = null, long? since = null)
    {
        var query = $"access_token={Uri.EscapeDataString(token)}" + (since is null ? "" : $"&since={since}");
        var request = new HttpRequestMessage(HttpMethod.Get, new Uri($"/chat/{Channel}/events?{query}", UriKind.Relative));
        if (lastEventId is not null)
        {
            request.Headers.Add("Last-Event-ID", lastEventId);
        }

        var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, TestContext.Current.CancellationToken);
        return new SseStream(request, response, await response.Content.ReadAsStreamAsync(TestContext.Current.CancellationToken));
    }

    public static OutboundMessage Agent(string visitorId, string entryId, OutboundKind kind = OutboundKind.Text, string? text = null,
        IReadOnlyList<ChoiceOption>? choices = null) => new()
        {
            Channel = Channel,
            PlatformUserId = visitorId,
            EntryIdentifier = entryId,
            ConversationIdentifier = "conv-1",
            Kind = kind,
            Text = text ?? (kind is OutboundKind.Text or OutboundKind.Choices or OutboundKind.Progress ? $"text of {entryId}" : null),
            Choices = choices ?? [],
            SenderDisplayName = "Reservation Agent",
        };

    /// <summary>The canonical messages the page's POSTs put in the inbox (the pipeline's own receipts left out), in order.</summary>
    public static async Task<List<InboundMessage>> InboxAsync(this ConnectorHost host)
    {
        var database = host.Services.GetRequiredService<SqliteDatabase>();
        await using var connection = await database.OpenAsync(TestContext.Current.CancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT payload FROM inbox WHERE source = '{Channel}' AND key NOT LIKE 'byoc:%' ORDER BY id";
        var messages = new List<InboundMessage>();
        await using var reader = await command.ExecuteReaderAsync(TestContext.Current.CancellationToken);
        while (await reader.ReadAsync(TestContext.Current.CancellationToken))
        {
            messages.Add(PipelineJson.Deserialize<InboundMessage>(reader.GetString(0)));
        }

        return messages;
    }

    /// <summary>A correctly signed token of the test channel that expired a day ago.</summary>
    public static string ExpiredToken(string visitorId)
    {
        var past = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(TimeProvider.System.GetUtcNow().AddDays(-2));
        return new WebChatSessionTokens(Channel, Encoding.UTF8.GetBytes(SessionSecret), TimeSpan.FromHours(24), past).Issue(visitorId).Token;
    }
}
