using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Byoc.Bench.Hosting;
using Byoc.Bench.Workload;
using Byoc.Core.Channels;
using Byoc.Core.Delivery;
using Byoc.Emulator.Hosting;

namespace Byoc.Bench.Baselines;

/// <summary>
/// The ceiling's sender: the load driver calls the emulated Interaction Service API directly (<c>POST /api/v1/interactions</c>
/// with a JWT bearer token it mints itself, no inbox, no connector process, none of the connector's code). Its replies are
/// booked where the org publishes them (<see cref="ReplyTap"/>), so the ceiling is the org's round trip without the connector.
/// The requests are the ones interaction-service-api.md §4 describes: a multipart body with one <c>json</c> part.
/// </summary>
internal sealed class ScrtSender : IMessageSender, IDisposable
{
    private const int MessageIdAlreadyUsed = 10073;

    private readonly HttpClient _oauthHttp = new();
    private readonly HttpClient _scrtHttp = new(new SocketsHttpHandler { MaxConnectionsPerServer = 1024 });
    private readonly EmulatorCredentials _credentials;
    private readonly string _channelAddress;
    private readonly Uri _interactions;
    private readonly RSA _key = RSA.Create();
    private readonly SemaphoreSlim _tokenLock = new(1, 1);
    private string? _token;

    public ScrtSender(EmulatorCredentials credentials)
    {
        _credentials = credentials;
        _channelAddress = credentials.ChannelAddressIdentifier ?? throw new InvalidOperationException("The org has no BYOC channel.");
        _interactions = new Uri(new Uri(credentials.ScrtUrl.TrimEnd('/') + "/"), "api/v1/interactions");
        _key.ImportFromPem(File.ReadAllText(credentials.PrivateKeyFile));
    }

    public async Task<DeliveryOutcomeKind> SendAsync(int user, string messageId, string text, CancellationToken cancellationToken)
    {
        var body = Body(user, messageId, text);
        var token = _token ?? await RenewTokenAsync(null, cancellationToken);
        for (var attempt = 0; ; attempt++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, _interactions) { Content = Multipart(body) };
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            request.Headers.Add("OrgId", _credentials.OrgId);
            request.Headers.Add("AuthorizationContext", _credentials.ChannelDefinitionDeveloperName);
            request.Headers.Add("RequestId", Guid.NewGuid().ToString());
            HttpResponseMessage response;
            try
            {
                response = await _scrtHttp.SendAsync(request, cancellationToken);
            }
            catch (HttpRequestException)
            {
                return DeliveryOutcomeKind.Retryable;
            }

            using (response)
            {
                if (response.StatusCode == HttpStatusCode.Unauthorized && attempt == 0)
                {
                    token = await RenewTokenAsync(token, cancellationToken);
                    continue;
                }

                if (response.IsSuccessStatusCode)
                {
                    return DeliveryOutcomeKind.Succeeded;
                }

                var status = (int)response.StatusCode;
                return await ErrorCodeAsync(response, cancellationToken) == MessageIdAlreadyUsed ? DeliveryOutcomeKind.Succeeded
                    : TransientFailures.IsTransient(status) ? DeliveryOutcomeKind.Retryable
                    : DeliveryOutcomeKind.Permanent;
            }
        }
    }

    public void Dispose()
    {
        _key.Dispose();
        _tokenLock.Dispose();
        _oauthHttp.Dispose();
        _scrtHttp.Dispose();
    }

    private string Body(int user, string messageId, string text)
    {
        // The same entry id for every retry of a message, so the org answers a repeat with 10073 rather than a second entry.
        var entryId = new Guid(SHA256.HashData(Encoding.UTF8.GetBytes("bench-ceiling\n" + messageId)).AsSpan(0, 16)).ToString();
        var from = new EndUserIdentifier(ConnectorConfiguration.WebhookChannel, BenchText.PlatformUserId(user)).ToString();
        return new JsonObject
        {
            ["to"] = _channelAddress,
            ["from"] = from,
            ["interactions"] = new JsonArray(new JsonObject
            {
                ["timestamp"] = TimeProvider.System.GetUtcNow().ToUnixTimeMilliseconds(),
                ["interactionType"] = "EntryInteraction",
                ["payload"] = new JsonObject
                {
                    ["id"] = entryId,
                    ["entryType"] = "Message",
                    ["abstractMessage"] = new JsonObject
                    {
                        ["messageType"] = "StaticContentMessage",
                        ["id"] = entryId,
                        ["staticContent"] = new JsonObject { ["formatType"] = "Text", ["text"] = text },
                    },
                },
            }),
        }.ToJsonString();
    }

    private static MultipartFormDataContent Multipart(string json)
    {
        var content = new MultipartFormDataContent("bench-" + Guid.NewGuid().ToString("N"));
        var part = new StringContent(json, Encoding.UTF8, "application/json");
        part.Headers.ContentDisposition = new ContentDispositionHeaderValue("form-data") { Name = "\"json\"" };
        content.Add(part);
        return content;
    }

    private static async Task<int?> ErrorCodeAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        try
        {
            return JsonNode.Parse(await response.Content.ReadAsStringAsync(cancellationToken))?["code"]?.GetValue<int>();
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException or FormatException)
        {
            return null;
        }
    }

    /// <summary>A new token from the JWT bearer grant (interaction-service-api.md §3.2), once for all senders that saw <paramref name="rejected"/>.</summary>
    private async Task<string> RenewTokenAsync(string? rejected, CancellationToken cancellationToken)
    {
        await _tokenLock.WaitAsync(cancellationToken);
        try
        {
            if (_token is not null && _token != rejected)
            {
                return _token;
            }

            using var response = await _oauthHttp.PostAsync(new Uri(new Uri(_credentials.LoginUrl), "/services/oauth2/token"),
                new FormUrlEncodedContent(
                [
                    new("grant_type", "urn:ietf:params:oauth:grant-type:jwt-bearer"),
                    new("assertion", Assertion()),
                ]), cancellationToken);
            response.EnsureSuccessStatusCode();
            var body = JsonNode.Parse(await response.Content.ReadAsStringAsync(cancellationToken));
            return _token = body?["access_token"]?.GetValue<string>() ?? throw new InvalidOperationException("The token answer has no access_token.");
        }
        finally
        {
            _tokenLock.Release();
        }
    }

    private string Assertion()
    {
        static string Segment(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        var header = Segment(Encoding.UTF8.GetBytes("""{"alg":"RS256"}"""));
        var claims = Segment(Encoding.UTF8.GetBytes(new JsonObject
        {
            ["iss"] = _credentials.ConsumerKey,
            ["sub"] = _credentials.Username,
            ["aud"] = new Uri(_credentials.LoginUrl).GetLeftPart(UriPartial.Authority),
            ["exp"] = TimeProvider.System.GetUtcNow().AddMinutes(3).ToUnixTimeSeconds(),
        }.ToJsonString()));
        var signed = header + "." + claims;
        return signed + "." + Segment(_key.SignData(Encoding.ASCII.GetBytes(signed), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1));
    }
}
