using System.Security.Cryptography;
using System.Text;
using Byoc.Core.Channels;

namespace Byoc.Connector.Pipeline;

/// <summary>
/// The end-user client identifier the conversation map stores for an end user. For every end user the front door
/// accepts it is the <see cref="EndUserIdentifier"/> <c>{channel}:{platform user id}</c> (at most 240 characters). Earlier
/// versions accepted longer ids and stored them plain up to 255 characters and past that as
/// <c>{channel}:sha256:{hex}</c>; this computes those too, so that a conversation they stored is still found.
/// </summary>
internal static class EndUserIdentifiers
{
    private const int EarlierMaxLength = 255;

    /// <summary>The identifier stored for the end user (see the summary for the earlier forms).</summary>
    public static string For(string channel, string platformUserId)
    {
        var plain = new EndUserIdentifier(channel, platformUserId).ToString();
        if (plain.Length <= EarlierMaxLength)
        {
            return plain;
        }

        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(plain)));
        return $"{channel[..Math.Min(channel.Length, 100)]}:sha256:{hash}";
    }
}
