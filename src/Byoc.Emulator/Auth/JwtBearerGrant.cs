using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Text.Json;
using Byoc.Emulator.Hosting;
using Byoc.Emulator.Org.Records;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Byoc.Emulator.Auth;

/// <summary>
/// The OAuth 2.0 JWT bearer grant (interaction-service-api.md §3.2): an RS256 assertion signed with the connected app's key,
/// <c>iss</c> = consumer key, <c>sub</c> = an active username, <c>aud</c> = the login URL, <c>exp</c> in seconds, a few minutes ahead.
/// </summary>
internal sealed class JwtBearerGrant(
    DevConnectedApp app, OrgStore store, TokenResponses responses, EmulatorAddresses addresses, TimeProvider timeProvider) : IOAuthGrant
{
    /// <summary>How far ahead <c>exp</c> may lie; Salesforce samples use 3 minutes.</summary>
    public static readonly TimeSpan MaxLifetime = TimeSpan.FromMinutes(5);

    public string GrantType => "urn:ietf:params:oauth:grant-type:jwt-bearer";

    public ValueTask<IResult> HandleAsync(IFormCollection form, HttpContext context, CancellationToken cancellationToken)
    {
        var assertion = form["assertion"].ToString();
        return ValueTask.FromResult(Validate(assertion) is { } error ? OAuthError.InvalidGrant(error) : Issue(assertion));
    }

    private JsonHttpResult<TokenResponse> Issue(string assertion)
    {
        var claims = ReadClaims(assertion)!.Value;
        var user = FindActiveUser(claims.GetProperty("sub").GetString())!;
        return TypedResults.Json(responses.Issue(user.Id));
    }

    /// <summary>Null when the assertion is acceptable, otherwise the error description.</summary>
    private string? Validate(string assertion)
    {
        var parts = assertion.Split('.');
        if (parts.Length != 3)
        {
            return "invalid assertion";
        }

        JsonElement header;
        JsonElement claims;
        byte[] signature;
        try
        {
            header = JsonDocument.Parse(Base64UrlDecode(parts[0])).RootElement;
            claims = JsonDocument.Parse(Base64UrlDecode(parts[1])).RootElement;
            signature = Base64UrlDecode(parts[2]);
        }
        catch (Exception exception) when (exception is FormatException or JsonException)
        {
            return "invalid assertion";
        }

        if (header.ValueKind != JsonValueKind.Object || claims.ValueKind != JsonValueKind.Object ||
            !header.TryGetProperty("alg", out var alg) || alg.GetString() != "RS256")
        {
            return "invalid assertion: the JWT header must name alg RS256";
        }

        using var key = app.Certificate.GetRSAPublicKey()!;
        if (!key.VerifyData(Encoding.ASCII.GetBytes(parts[0] + "." + parts[1]), signature, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1))
        {
            return "invalid assertion: the signature does not verify against the connected app's certificate";
        }

        if (!claims.TryGetProperty("iss", out var iss) || iss.GetString() != app.ConsumerKey)
        {
            return "invalid assertion: iss is not the consumer key of a connected app";
        }

        if (!AudienceAccepted(claims))
        {
            return "audience is invalid";
        }

        if (!claims.TryGetProperty("exp", out var exp) || !exp.TryGetInt64(out var expSeconds))
        {
            return "invalid assertion: exp is missing";
        }

        var now = timeProvider.GetUtcNow();
        var expires = expSeconds > 100_000_000_000 ? DateTimeOffset.MaxValue : DateTimeOffset.FromUnixTimeSeconds(expSeconds);
        if (expires <= now)
        {
            return "expired authorization code";
        }

        if (expires > now + MaxLifetime)
        {
            return "invalid assertion: exp must be in seconds and at most a few minutes ahead";
        }

        var sub = claims.TryGetProperty("sub", out var subject) ? subject.GetString() : null;
        return FindActiveUser(sub) is null ? "user hasn't approved this consumer" : null;
    }

    private static JsonElement? ReadClaims(string assertion) =>
        JsonDocument.Parse(Base64UrlDecode(assertion.Split('.')[1])).RootElement;

    private SObjectRecord? FindActiveUser(string? username) =>
        string.IsNullOrEmpty(username) ? null : store.Lookup("User", "Username", username).FirstOrDefault(u => u.GetBoolean("IsActive"));

    private bool AudienceAccepted(JsonElement claims)
    {
        if (!claims.TryGetProperty("aud", out var aud))
        {
            return false;
        }

        var accepted = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
        {
            "https://login.salesforce.com",
            "https://test.salesforce.com",
            addresses.InstanceUrl.ToString().TrimEnd('/'),
        };
        var values = aud.ValueKind == JsonValueKind.Array ? aud.EnumerateArray().Select(a => a.GetString()) : [aud.GetString()];
        return values.Any(v => v is not null && accepted.Contains(v.TrimEnd('/')));
    }

    private static byte[] Base64UrlDecode(string value) => Convert.FromBase64String(
        value.Replace('-', '+').Replace('_', '/').PadRight(value.Length + ((4 - (value.Length % 4)) % 4), '='));
}
