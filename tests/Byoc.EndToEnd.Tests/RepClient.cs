using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Byoc.TestUtilities;

namespace Byoc.EndToEnd.Tests;

/// <summary>A rep driven through the emulated org's rep API (<c>X-Byoc-Rep</c>), as <c>src/Byoc.Emulator/Console/REP-API.md</c> describes.</summary>
internal sealed class RepClient : IDisposable
{
    private readonly HttpClient _http;

    public RepClient(Uri instanceUrl, string username)
    {
        _http = new HttpClient { BaseAddress = instanceUrl, Timeout = TimeSpan.FromSeconds(15) };
        _http.DefaultRequestHeaders.Add("X-Byoc-Rep", username);
    }

    public async Task SetAvailableAsync()
    {
        using var response = await _http.PutAsJsonAsync("/console/api/presence", new { status = "Available" }, Ct);
        response.EnsureSuccessStatusCode();
    }

    public Task<JsonNode?> WorkAsync() => _http.GetFromJsonAsync<JsonNode>("/console/api/work", Ct);

    public async Task<JsonNode> AcceptAsync(string sessionId)
    {
        using var response = await _http.PostAsync($"/console/api/work/{sessionId}/accept", null, Ct);
        var text = await response.Content.ReadAsStringAsync(Ct);
        Assert.True(response.IsSuccessStatusCode, $"Accept answered {(int)response.StatusCode}: {text}");
        return JsonNode.Parse(text)!;
    }

    public async Task<string> SendAsync(string sessionId, string text)
    {
        using var response = await _http.PostAsJsonAsync($"/console/api/sessions/{sessionId}/messages", new { text }, Ct);
        var body = await response.Content.ReadAsStringAsync(Ct);
        Assert.True(response.IsSuccessStatusCode, $"Send answered {(int)response.StatusCode}: {body}");
        return JsonNode.Parse(body)!["identifier"]!.GetValue<string>();
    }

    /// <summary>Sends a file through the rep API (multipart); returns the published entry's identifier.</summary>
    public async Task<string> SendFileAsync(string sessionId, string name, string mimeType, byte[] content, string? text = null)
    {
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue(mimeType);
        form.Add(file, "file", name);
        if (text is not null)
        {
            form.Add(new StringContent(text), "text");
        }

        using var response = await _http.PostAsync($"/console/api/sessions/{sessionId}/attachments", form, Ct);
        var body = await response.Content.ReadAsStringAsync(Ct);
        Assert.True(response.IsSuccessStatusCode, $"Send file answered {(int)response.StatusCode}: {body}");
        return JsonNode.Parse(body)!["identifier"]!.GetValue<string>();
    }

    public async Task TypingAsync(string sessionId, bool started)
    {
        using var response = await _http.PostAsJsonAsync($"/console/api/sessions/{sessionId}/typing", new { started }, Ct);
        response.EnsureSuccessStatusCode();
    }

    public async Task<JsonNode> TranscriptAsync(string sessionId) =>
        (await _http.GetFromJsonAsync<JsonNode>($"/console/api/sessions/{sessionId}/transcript", Ct))!;

    /// <summary>Waits until the session is queued, then takes it.</summary>
    public async Task<JsonNode> AcceptQueuedAsync(string sessionId)
    {
        await WaitFor.ValueAsync(async () => (await WorkAsync())?["queued"]?.AsArray()
            .FirstOrDefault(w => w?["sessionId"]?.GetValue<string>() is { Length: >= 15 } id && string.Equals(id[..15], sessionId[..15], StringComparison.Ordinal)), $"session {sessionId} in the rep's queue");
        return await AcceptAsync(sessionId);
    }

    public void Dispose() => _http.Dispose();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;
}
