using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Byoc.Emulator.Auth;

/// <summary>
/// A JWT bearer assertion read as the OAuth 2.0 JWT bearer flow describes it (help article
/// <c>remoteaccess_oauth_jwt_flow</c>): a header naming <c>alg</c>, and the claims <c>iss</c>, <c>sub</c>, <c>aud</c> and
/// <c>exp</c>. Reading checks the shape and the JSON type of every claim, so that any assertion, signed or not, ends in a
/// named OAuth error instead of an exception.
/// </summary>
internal sealed record JwtBearerAssertion(
    string Algorithm, string SigningInput, byte[] Signature, string Issuer, string? Subject, IReadOnlyList<string> Audiences, JwtExpiry Expires)
{
    /// <summary>
    /// Reads the assertion, or names what is wrong with it. <c>exp</c> is a NumericDate: a JSON number, or a string of digits
    /// as in the help article's own example claim set (<c>"exp": "1333685628"</c>), which real orgs accept and clients such as
    /// simple-salesforce send. <see cref="JwtExpiry"/> says how its value is read.
    /// </summary>
    public static bool TryRead(string assertion, [NotNullWhen(true)] out JwtBearerAssertion? jwt, [NotNullWhen(false)] out string? error)
    {
        jwt = null;
        var parts = assertion.Split('.');
        if (parts.Length != 3)
        {
            error = "invalid assertion: a JWT has three dot-separated parts";
            return false;
        }

        if (!TryDecodeObject(parts[0], out var header) || !TryDecodeObject(parts[1], out var claims) ||
            !TryDecode(parts[2], out var signature))
        {
            error = "invalid assertion: a part is not a base64url-encoded JSON object";
            return false;
        }

        if (!TryReadString(header, "alg", out var algorithm, out error) ||
            !TryReadString(claims, "iss", out var issuer, out error) ||
            !TryReadOptionalString(claims, "sub", out var subject, out error) ||
            !TryReadAudiences(claims, out var audiences, out error) ||
            !TryReadExpiry(claims, out var expires, out error))
        {
            return false;
        }

        jwt = new JwtBearerAssertion(algorithm, parts[0] + "." + parts[1], signature, issuer, subject, audiences, expires);
        return true;
    }

    private static bool TryReadString(JsonElement element, string name, [NotNullWhen(true)] out string? value, [NotNullWhen(false)] out string? error)
    {
        if (!TryReadOptionalString(element, name, out value, out error))
        {
            return false;
        }

        if (value is null)
        {
            error = $"invalid assertion: {name} is missing";
            return false;
        }

        return true;
    }

    private static bool TryReadOptionalString(JsonElement element, string name, out string? value, [NotNullWhen(false)] out string? error)
    {
        value = null;
        error = null;
        if (!element.TryGetProperty(name, out var property) || property.ValueKind == JsonValueKind.Null)
        {
            return true;
        }

        if (property.ValueKind != JsonValueKind.String)
        {
            error = $"invalid assertion: {name} must be a string";
            return false;
        }

        value = property.GetString();
        return true;
    }

    private static bool TryReadAudiences(JsonElement claims, out IReadOnlyList<string> audiences, [NotNullWhen(false)] out string? error)
    {
        audiences = [];
        error = null;
        if (!claims.TryGetProperty("aud", out var aud) || aud.ValueKind == JsonValueKind.Null)
        {
            return true;
        }

        // RFC 7519 §4.1.3: a string, or an array of strings.
        var items = aud.ValueKind == JsonValueKind.Array ? [.. aud.EnumerateArray()] : new[] { aud };
        if (items.Any(item => item.ValueKind != JsonValueKind.String))
        {
            error = "invalid assertion: aud must be a string or an array of strings";
            return false;
        }

        audiences = [.. items.Select(item => item.GetString()!)];
        return true;
    }

    private static bool TryReadExpiry(JsonElement claims, out JwtExpiry expires, [NotNullWhen(false)] out string? error)
    {
        expires = default;
        error = null;
        if (!claims.TryGetProperty("exp", out var exp) || exp.ValueKind == JsonValueKind.Null)
        {
            error = "invalid assertion: exp is missing";
            return false;
        }

        decimal value = 0;
        var read = exp.ValueKind switch
        {
            JsonValueKind.Number => exp.TryGetDecimal(out value),
            JsonValueKind.String => decimal.TryParse(exp.GetString(), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out value),
            _ => false,
        };
        if (!read)
        {
            error = "invalid assertion: exp must be a NumericDate, the number of seconds since 1970-01-01T00:00:00Z";
            return false;
        }

        return JwtExpiry.TryCreate(value, out expires, out error);
    }

    private static bool TryDecodeObject(string part, out JsonElement element)
    {
        element = default;
        if (!TryDecode(part, out var bytes))
        {
            return false;
        }

        try
        {
            using var document = JsonDocument.Parse(bytes);
            element = document.RootElement.Clone();
            return element.ValueKind == JsonValueKind.Object;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    private static bool TryDecode(string part, out byte[] bytes)
    {
        var base64 = new StringBuilder(part.Length + 3).Append(part).Replace('-', '+').Replace('_', '/');
        base64.Append('=', (4 - (part.Length % 4)) % 4);
        bytes = new byte[base64.Length];
        if (Convert.TryFromBase64String(base64.ToString(), bytes, out var written))
        {
            bytes = bytes[..written];
            return true;
        }

        bytes = [];
        return false;
    }
}
