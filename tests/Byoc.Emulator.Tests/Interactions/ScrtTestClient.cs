using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Byoc.Emulator.Org.Records;
using Byoc.Emulator.Org.Seed;
using Byoc.TestUtilities.Contracts;

namespace Byoc.Emulator.Tests.Interactions;

/// <summary>
/// Calls the emulator's Interaction Service API the way the docs describe (headers, multipart with a 'json' part), and checks every
/// response body (and every request body the emulator accepted) against inbound-interaction-api.yaml when the contract files
/// are there (always in CI), so the endpoint tests also run in a clone without them.
/// </summary>
internal sealed class ScrtTestClient(TestEmulator emulator, string accessToken) : IDisposable
{
    private readonly HttpClient _http = emulator.CreateScrtClient();

    public string OrgId { get; set; } = emulator.Org.OrgId15;

    public string AuthorizationContext { get; set; } = SeededOrg.ChannelDefinitionDeveloperName;

    public string? AccessToken { get; set; } = accessToken;

    /// <summary>
    /// The contract every body is checked against: by default only when the contract files are there (always in CI); a
    /// contract test sets <see cref="ContractValidator.Inbound"/>, which skips it when they are absent.
    /// </summary>
    public ContractValidator? Contract { get; set; } = ContractValidator.InboundWhenPresent;

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

        var result = await SendAsync(HttpMethod.Post, "/api/v1/interactions", content);
        if (result.Status == HttpStatusCode.Accepted)
        {
            Contract?.AssertValid(json, "InteractionRequestJson");
        }

        return result;
    }

    public async Task<(HttpStatusCode Status, JsonObject Body)> SendJsonAsync(HttpMethod method, string path, JsonNode body)
    {
        var result = await SendAsync(method, path, new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json"));
        if ((int)result.Status < 300 && RequestSchema(path) is { } schema)
        {
            Contract?.AssertValid(body, schema);
        }

        return result;
    }

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
        var body = text.Length == 0 ? [] : JsonNode.Parse(text)!.AsObject();
        Contract?.AssertValid(body, ResponseSchema(path, (int)response.StatusCode < 300));
        return (response.StatusCode, body);
    }

    private static string? RequestSchema(string path) => path switch
    {
        "/api/v1/conversation" => "PostConversationRequest",
        "/api/v1/acknowledgement" => "AcknowledgementRequest",
        "/api/v1/capabilities" => "CapabilitiesRequest",
        _ => null,
    };

    /// <summary>The documented response schema: the success body, or the endpoint's "default" (error) body.</summary>
    private static string ResponseSchema(string path, bool success) => path switch
    {
        "/api/v1/interactions" when success => "PostInteractionResponse",
        "/api/v1/conversation" when success => "PostConversationResponse",
        "/api/v1/acknowledgement" => "AcknowledgementResponse",
        "/api/v1/capabilities" => "RegisterCapabilitiesResponse",
        _ => "Error",
    };

    public void Dispose() => _http.Dispose();
}
