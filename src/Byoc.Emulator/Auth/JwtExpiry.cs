using System.Diagnostics.CodeAnalysis;

namespace Byoc.Emulator.Auth;

/// <summary>
/// The <c>exp</c> claim of a JWT bearer assertion, read as seconds or as milliseconds since 1970-01-01T00:00:00Z.
/// </summary>
/// <remarks>
/// The help article (<c>remoteaccess_oauth_jwt_flow</c>) and RFC 7519 §2 define <c>exp</c> as a NumericDate in seconds, but
/// <c>sf org login jwt</c> (@salesforce/core <c>AuthInfo.tryJwtAuth</c>) signs <c>Date.now() + 300</c>, milliseconds, and real
/// orgs log it in. Whether a real org reads that value as milliseconds or as seconds far in the future is not documented, so
/// the emulated org accepts a value that is plausible as either (issue 19.1): below 10^11 (10^11 seconds is the year 5138,
/// 10^11 milliseconds 1973) it is seconds, from 10^11 up to 10^14 (the year 5138 again) milliseconds, and anything else is
/// refused as out of range. A millisecond value gets <see cref="MillisecondAllowance"/> past its time: the CLI's own value
/// is valid for 300 ms only, and real orgs accept it whatever the network and clock skew add (RFC 7519 §4.1.4 allows "some
/// small leeway, usually no more than a few minutes"). A value in seconds is checked without leeway, as before.
/// </remarks>
internal readonly record struct JwtExpiry(DateTimeOffset At, bool InMilliseconds)
{
    /// <summary>How long after its time an <c>exp</c> in milliseconds is still accepted.</summary>
    public static readonly TimeSpan MillisecondAllowance = TimeSpan.FromMinutes(3);

    private const decimal SecondsBelow = 100_000_000_000m;
    private const decimal MillisecondsBelow = 100_000_000_000_000m;

    /// <summary>Reads a NumericDate value, or names why it cannot be an expiry time.</summary>
    public static bool TryCreate(decimal value, out JwtExpiry expiry, [NotNullWhen(false)] out string? error)
    {
        expiry = default;
        error = null;
        if (value < 0 || value >= MillisecondsBelow)
        {
            error = "invalid assertion: exp is out of range: not a time between 1970 and the year 5138 in seconds or in milliseconds since 1970-01-01T00:00:00Z";
            return false;
        }

        var inMilliseconds = value >= SecondsBelow;
        var milliseconds = inMilliseconds ? value : value * 1000;
        expiry = new JwtExpiry(DateTimeOffset.FromUnixTimeMilliseconds((long)decimal.Truncate(milliseconds)), inMilliseconds);
        return true;
    }

    /// <summary>Whether the assertion can no longer be used at <paramref name="now"/>.</summary>
    public bool HasPassed(DateTimeOffset now) => (InMilliseconds ? At + MillisecondAllowance : At) <= now;
}
