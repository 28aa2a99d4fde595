using System.Security.Cryptography;
using System.Text;

namespace Byoc.Connector.Salesforce.Translation;

/// <summary>
/// Deterministic entry ids: the same platform message always becomes the same Salesforce entry id, so a retry after a
/// lost response cannot create a second entry (Salesforce answers 10073 for a repeated id instead).
/// </summary>
internal static class EntryIds
{
    public static string For(string scope, string key)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"byoc\n{scope}\n{key}"));
        var bytes = hash.AsSpan(0, 16);
        bytes[6] = (byte)((bytes[6] & 0x0F) | 0x80); // RFC 9562 version 8 (custom).
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80); // RFC 9562 variant.
        return new Guid(bytes, bigEndian: true).ToString();
    }
}
