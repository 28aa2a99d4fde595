using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Byoc.Emulator.Org.Records;
using Byoc.Emulator.Org.Seed;

namespace Byoc.Emulator.Tests.Interactions;

/// <summary>Calls the emulator's Interaction Service API the way the docs describe (headers, multipart with a 'json' part).</summary>
internal sealed class ScrtTestClient(TestEmulator emulator, string accessToken) : IDisposable
{
    private readonly HttpClient _http = emulator.CreateScrtClient();

    public string OrgId { get; set; } = emulator.Org.OrgId15;

    public string AuthorizationContext { get; set; } = SeededOrg.ChannelDefinitionDeveloperName;

    public string? AccessToken { get; set; } = accessToken;

    public string ChannelAddress => emulator.Get<OrgStore>().Lookup("MessagingChannel", "DeveloperName", SeededOrg.ChannelDeveloperName)[0]
        .GetString("ChannelAddressIdentifier")!;

    public static async Task<ScrtTestClient> CreateAsync(TestEmulator emulator) => new(emulator, await emulator.GetAccessTokenAsync());

    public static JsonObject TextInteraction(string to, string from, string text, string? id = null)
    {
        id ??= Guid.NewGuid().ToString();
        return new JsonObject
        {
            ["to"] = to,
            ["from"] = from,
            ["interactions"] = new JsonArray(new JsonObject
            {
                ["timestamp"] = 1718000000000,
                ["interactionType"] = "EntryInteraction",
                ["payload"] = new JsonObject
                {
                    ["id"] = id,
                    ["entryType"] = "Message",
                    ["abstractMessage"] = new JsonObject
                    {
                        ["messageType"] = "StaticContentMessage",
                        ["id"] = id,
                        ["staticContent"] = new JsonObject { ["formatType"] = "Text", ["text"] = text },
                    },
                },
            }),
        };
    }

    public static JsonObject Interaction(string to, string from, JsonObject interaction) =>
        new() { ["to"] = to, ["from"] = from, ["interactions"] = new JsonArray(interaction) };

    public Task<(HttpStatusCode Status, JsonObject Body)> PostInteractionAsync(JsonObject json) =>
        PostInteractionAsync(json.ToJsonString(), null);

    public async Task<(HttpStatusCode Status, JsonObject Body)> PostInteractionAsync(
        string json, (string Name, string FileName, string ContentType, byte[] Content)? file, string jsonPartName = "json",
        bool quotedBoundary = false)
    {
        var boundary = "----byoc" + Guid.NewGuid().ToString("N");
        var content = new MultipartFormDataContent(boundary);
        content.Headers.ContentType = MediaTypeHeaderValue.Parse(
            $"multipart/form-data; boundary={(quotedBoundary ? "\"" + boundary + "\"" : boundary)}");
        var jsonPart = new StringContent(json, Encoding.UTF8, "application/json");
        content.Add(jsonPart, jsonPartName);
        if (file is { } f)
        {
            var filePart = new ByteArrayContent(f.Content);
            filePart.Headers.ContentType = MediaTypeHeaderValue.Parse(f.ContentType);
            content.Add(filePart, f.Name, f.FileName);
        }

        return await SendAsync(HttpMethod.Post, "/api/v1/interactions", content);
    }

    public Task<(HttpStatusCode Status, JsonObject Body)> SendJsonAsync(HttpMethod method, string path, JsonNode body) =>
        SendAsync(method, path, new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json"));

    public async Task<(HttpStatusCode Status, JsonObject Body)> SendAsync(HttpMethod method, string path, HttpContent? content)
    {
        using var request = new HttpRequestMessage(method, path) { Content = content };
        if (AccessToken is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", AccessToken);
        }

        request.Headers.Add("OrgId", OrgId);
        request.Headers.Add("AuthorizationContext", AuthorizationContext);
        request.Headers.Add("RequestId", Guid.NewGuid().ToString());
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        using var response = await _http.SendAsync(request, TestContext.Current.CancellationToken);
        var text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        return (response.StatusCode, text.Length == 0 ? [] : JsonNode.Parse(text)!.AsObject());
    }

    public void Dispose() => _http.Dispose();
}
