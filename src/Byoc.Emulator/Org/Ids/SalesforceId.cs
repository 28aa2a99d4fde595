using System.Diagnostics.CodeAnalysis;

namespace Byoc.Emulator.Org.Ids;

/// <summary>
/// Salesforce record ids: 15 case-sensitive base-62 characters (3-character key prefix first), optionally followed by
/// the 3-character case-insensitive checksum that makes the 18-character form.
/// </summary>
internal static class SalesforceId
{
    private const string Base62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
    private const string ChecksumAlphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ012345";

    /// <summary>Builds the 18-character id for a key prefix and a per-prefix sequence number.</summary>
    public static string Create(string keyPrefix, long sequence)
    {
        if (keyPrefix.Length != 3)
        {
            throw new ArgumentException($"Key prefix '{keyPrefix}' must have 3 characters.", nameof(keyPrefix));
        }

        // Characters 4-5 are the pod/instance identifier on a real org; the emulated org uses "5g" everywhere.
        Span<char> id = stackalloc char[15];
        keyPrefix.AsSpan().CopyTo(id);
        id[3] = '5';
        id[4] = 'g';
        for (var i = 14; i >= 5; i--)
        {
            id[i] = Base62[(int)(sequence % 62)];
            sequence /= 62;
        }

        if (sequence != 0)
        {
            throw new ArgumentOutOfRangeException(nameof(sequence), "Sequence does not fit in ten base-62 digits.");
        }

        return To18(new string(id));
    }

    /// <summary>Appends the checksum to a 15-character id; an 18-character id is returned unchanged.</summary>
    public static string To18(string id)
    {
        if (id.Length == 18)
        {
            return id;
        }

        if (id.Length != 15)
        {
            throw new ArgumentException($"'{id}' is not a 15- or 18-character Salesforce id.", nameof(id));
        }

        Span<char> suffix = stackalloc char[3];
        for (var chunk = 0; chunk < 3; chunk++)
        {
            var bits = 0;
            for (var i = 0; i < 5; i++)
            {
                if (char.IsAsciiLetterUpper(id[(chunk * 5) + i]))
                {
                    bits |= 1 << i;
                }
            }

            suffix[chunk] = ChecksumAlphabet[bits];
        }

        return string.Concat(id, suffix);
    }

    /// <summary>The 15-character, case-sensitive form.</summary>
    public static string To15(string id) => id.Length >= 15 ? id[..15] : id;

    /// <summary>
    /// Parses a 15- or 18-character id to its canonical 18-character form; false when it is malformed or when an
    /// 18-character id's checksum does not match its first 15 characters.
    /// </summary>
    public static bool TryNormalize(string? value, [NotNullWhen(true)] out string? id)
    {
        id = null;
        if (value is null || (value.Length != 15 && value.Length != 18))
        {
            return false;
        }

        foreach (var c in value)
        {
            if (!char.IsAsciiLetterOrDigit(c))
            {
                return false;
            }
        }

        var canonical = To18(value[..15]);
        if (value.Length == 18 && !string.Equals(canonical[15..], value[15..], StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        id = canonical;
        return true;
    }

    /// <summary>True when both strings name the same record, in either form.</summary>
    public static bool AreEqual(string? left, string? right) =>
        left is not null && right is not null && left.Length >= 15 && right.Length >= 15 &&
        string.Equals(left[..15], right[..15], StringComparison.Ordinal);

    public static string KeyPrefixOf(string id) => id[..3];
}
