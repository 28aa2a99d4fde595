using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json.Serialization;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Byoc.Setup.Connection;

/// <summary>
/// The OAuth 2.0 JWT bearer flow (interaction-service-api.md §3.2): an RS256 assertion with <c>iss</c> = consumer key,
/// <c>sub</c> = username, <c>aud</c> = login URL, <c>exp</c> in seconds, posted to <c>{loginUrl}/services/oauth2/token</c>.
/// </summary>
public static class JwtBearerLogin
{
    private static readonly TimeSpan s_assertionLifetime = TimeSpan.FromMinutes(3);

    /// <summary>Signs an assertion with the settings' key and exchanges it for an access token; throws <see cref="OrgLoginException"/> naming the org's refusal.</summary>
    public static async Task<OrgConnection> LoginAsync(JwtLoginSettings settings, HttpClient http, TimeProvider time, CancellationToken cancellationToken)
    {
        string pem;
        try
        {
            pem = await File.ReadAllTextAsync(settings.KeyFile, cancellationToken);
        }
        catch (IOException ex)
        {
            throw new OrgLoginException($"The key file '{settings.KeyFile}' could not be read: {ex.Message}", ex);
        }

        using var rsa = RSA.Create();
        try
        {
            rsa.ImportFromPem(pem);
        }
        catch (ArgumentException ex)
        {
            throw new OrgLoginException($"The key file '{settings.KeyFile}' holds no PEM RSA private key.", ex);
        }

        var audience = settings.LoginUrl.GetLeftPart(UriPartial.Authority);
        var assertion = new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Claims = new Dictionary<string, object>
            {
                ["iss"] = settings.ConsumerKey,
                ["sub"] = settings.Username,
                ["aud"] = audience,
                ["exp"] = (time.GetUtcNow() + s_assertionLifetime).ToUnixTimeSeconds(),
            },
            SigningCredentials = new SigningCredentials(
                new RsaSecurityKey(rsa) { CryptoProviderFactory = new CryptoProviderFactory { CacheSignatureProviders = false } },
                SecurityAlgorithms.RsaSha256),
        });
        using var content = new FormUrlEncodedContent(
        [
            new("grant_type", "urn:ietf:params:oauth:grant-type:jwt-bearer"),
            new("assertion", assertion),
        ]);
        HttpResponseMessage response;
        try
        {
            response = await http.PostAsync(new Uri(new Uri(audience), "/services/oauth2/token"), content, cancellationToken);
        }
        catch (HttpRequestException ex)
        {
            throw new OrgLoginException($"The token endpoint {audience} could not be reached: {ex.Message}", ex);
        }

        using (response)
        {
            var body = await response.Content.ReadFromJsonAsync<TokenBody>(cancellationToken);
            if (!response.IsSuccessStatusCode || body?.AccessToken is not { Length: > 0 } token)
            {
                throw new OrgLoginException(
                    $"JWT bearer login of '{settings.Username}' at {audience} failed: {(int)response.StatusCode} {body?.Error} {body?.ErrorDescription}".TrimEnd());
            }

            var instance = Uri.TryCreate(body.InstanceUrl, UriKind.Absolute, out var url) ? url : settings.LoginUrl;
            return new OrgConnection(instance, token, $"JWT bearer as {settings.Username}") { Scope = body.Scope };
        }
    }

    private sealed record TokenBody(
        [property: JsonPropertyName("access_token")] string? AccessToken,
        [property: JsonPropertyName("instance_url")] string? InstanceUrl,
        [property: JsonPropertyName("scope")] string? Scope,
        [property: JsonPropertyName("error")] string? Error,
        [property: JsonPropertyName("error_description")] string? ErrorDescription);
}
