using System.Security.Cryptography;
using System.Text.Json.Serialization;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Byoc.Connector.Salesforce;

/// <summary>
/// Mints access tokens with the OAuth 2.0 JWT bearer flow (interaction-service-api.md §3.2): an RS256 assertion with
/// iss/sub/aud/exp (seconds, at most 3 minutes ahead) posted to <c>{LoginUrl}/services/oauth2/token</c>. Caches the
/// token, re-mints it before it expires and once when Salesforce rejects it.
/// </summary>
internal sealed partial class JwtBearerTokenProvider(
    HttpClient httpClient,
    IOptions<SalesforceOptions> options,
    TimeProvider timeProvider,
    ILogger<JwtBearerTokenProvider> logger) : ISalesforceTokenProvider, IDisposable
{
    private const string TokenPath = "/services/oauth2/token";
    private readonly SemaphoreSlim _lock = new(1, 1);
    private readonly JsonWebTokenHandler _handler = new() { SetDefaultTimesOnTokenCreation = false };
    private SalesforceToken? _current;
    private RSA? _key;

    public async Task<SalesforceToken> GetTokenAsync(CancellationToken cancellationToken)
    {
        var current = Volatile.Read(ref _current);
        if (current is not null && IsFresh(current))
        {
            return current;
        }

        await _lock.WaitAsync(cancellationToken);
        try
        {
            current = _current;
            if (current is not null && IsFresh(current))
            {
                return current;
            }

            return await MintAndStoreAsync(cancellationToken);
        }
        finally
        {
            _lock.Release();
        }
    }

    public async Task<SalesforceToken> RenewAsync(SalesforceToken rejected, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(rejected);
        await _lock.WaitAsync(cancellationToken);
        try
        {
            var current = _current;
            if (current is not null && !ReferenceEquals(current, rejected) && IsFresh(current))
            {
                return current;
            }

            Log.TokenRejected(logger);
            return await MintAndStoreAsync(cancellationToken);
        }
        finally
        {
            _lock.Release();
        }
    }

    public void Dispose()
    {
        _lock.Dispose();
        _key?.Dispose();
    }

    private bool IsFresh(SalesforceToken token) =>
        timeProvider.GetUtcNow() < token.ExpiresAt - options.Value.TokenRefreshMargin;

    private async Task<SalesforceToken> MintAndStoreAsync(CancellationToken cancellationToken)
    {
        var token = await MintAsync(cancellationToken);
        Volatile.Write(ref _current, token);
        Log.TokenMinted(logger, token.InstanceUrl, token.ExpiresAt);
        return token;
    }

    private async Task<SalesforceToken> MintAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var loginUrl = settings.LoginUrl!;
        var now = timeProvider.GetUtcNow();
        var assertion = CreateAssertion(settings, now);
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(loginUrl, TokenPath))
        {
            Content = new FormUrlEncodedContent(
            [
                new("grant_type", "urn:ietf:params:oauth:grant-type:jwt-bearer"),
                new("assertion", assertion),
            ]),
        };
        using var timeoutCts = new CancellationTokenSource(settings.RequestTimeout, timeProvider);
        using var linkedCts = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeoutCts.Token);
        HttpResponseMessage response;
        try
        {
            response = await httpClient.SendAsync(request, linkedCts.Token);
        }
        catch (OperationCanceledException ex) when (!cancellationToken.IsCancellationRequested)
        {
            throw new SalesforceAuthenticationException($"The token endpoint {loginUrl} did not answer within {settings.RequestTimeout}.", ex);
        }
        catch (HttpRequestException ex)
        {
            throw new SalesforceAuthenticationException($"The token endpoint {loginUrl} could not be reached: {ex.Message}", ex);
        }

        using (response)
        {
            if (!response.IsSuccessStatusCode)
            {
                var error = await ReadErrorAsync(response, linkedCts.Token);
                throw new SalesforceAuthenticationException(
                    $"The token endpoint {loginUrl} answered {(int)response.StatusCode}: {error?.Error ?? "no error code"}" +
                    $" ({error?.Description ?? "no description"}).");
            }

            var body = await response.Content.ReadFromJsonAsync<TokenResponse>(linkedCts.Token);
            if (body?.AccessToken is not { Length: > 0 } accessToken)
            {
                throw new SalesforceAuthenticationException($"The token endpoint {loginUrl} answered without an access_token.");
            }

            var instanceUrl = settings.InstanceUrl
                ?? (Uri.TryCreate(body.InstanceUrl, UriKind.Absolute, out var fromResponse) ? fromResponse : null)
                ?? throw new SalesforceAuthenticationException($"The token endpoint {loginUrl} answered without an instance_url.");
            return new SalesforceToken(accessToken, instanceUrl, GetExpiry(accessToken, now, settings));
        }
    }

    private string CreateAssertion(SalesforceOptions settings, DateTimeOffset now)
    {
        _key ??= LoadKey(settings.PrivateKeyPath!);
        var descriptor = new SecurityTokenDescriptor
        {
            Claims = new Dictionary<string, object>
            {
                ["iss"] = settings.ConsumerKey!,
                ["sub"] = settings.Username!,
                ["aud"] = settings.LoginUrl!.GetLeftPart(UriPartial.Authority),
                // Seconds since the epoch (RFC 7519), not milliseconds: interaction-service-api.md §3.2.
                ["exp"] = (now + settings.AssertionLifetime).ToUnixTimeSeconds(),
            },
            SigningCredentials = new SigningCredentials(
                new RsaSecurityKey(_key)
                {
                    // The library caches signers by key material; the cache would outlive this instance's RSA object.
                    CryptoProviderFactory = new CryptoProviderFactory { CacheSignatureProviders = false },
                },
                SecurityAlgorithms.RsaSha256),
        };
        return _handler.CreateToken(descriptor);
    }

    private DateTimeOffset GetExpiry(string accessToken, DateTimeOffset now, SalesforceOptions settings)
    {
        if (_handler.CanReadToken(accessToken))
        {
            var jwt = _handler.ReadJsonWebToken(accessToken);
            if (jwt.TryGetPayloadValue<long>("exp", out var exp))
            {
                return DateTimeOffset.FromUnixTimeSeconds(exp);
            }
        }

        return now + settings.AssumedTokenLifetime;
    }

    private static RSA LoadKey(string path)
    {
        var rsa = RSA.Create();
        try
        {
            rsa.ImportFromPem(File.ReadAllText(path));
            return rsa;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or CryptographicException)
        {
            rsa.Dispose();
            throw new SalesforceAuthenticationException(
                $"The private key at {SalesforceOptions.Section}:PrivateKeyPath ('{path}') could not be read as a PEM RSA key: {ex.Message}", ex);
        }
    }

    private static async Task<TokenError?> ReadErrorAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        try
        {
            return await response.Content.ReadFromJsonAsync<TokenError>(cancellationToken);
        }
        catch (System.Text.Json.JsonException)
        {
            return null;
        }
    }

    private sealed record TokenResponse(
        [property: JsonPropertyName("access_token")] string? AccessToken,
        [property: JsonPropertyName("instance_url")] string? InstanceUrl);

    private sealed record TokenError(
        [property: JsonPropertyName("error")] string? Error,
        [property: JsonPropertyName("error_description")] string? Description);
}
