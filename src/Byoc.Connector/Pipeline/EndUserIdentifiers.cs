using System.Security.Cryptography;
using System.Text;

namespace Byoc.Connector.Pipeline;

/// <summary>
/// The end-user client identifier sent to Salesforce as <c>from</c>: <c>{channel}:{platform user id}</c>, hashed when it
/// would exceed the 255-character limit (interaction-service-api.md §4.3).
/// </summary>
internal static class EndUserIdentifiers
{
    private const int MaxLength = 255;

    public static string For(string channel, string platformUserId)
    {
        var plain = $"{channel}:{platformUserId}";
        if (plain.Length <= MaxLength)
        {
            return plain;
        }

        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(plain)));
        return $"{channel[..Math.Min(channel.Length, 100)]}:sha256:{hash}";
    }
}
