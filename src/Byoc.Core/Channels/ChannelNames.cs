namespace Byoc.Core.Channels;

/// <summary>
/// The rule for channel names, the same on every platform: a name appears in URLs (<c>/channels/{name}</c>) and starts
/// the end-user client identifier (<c>{name}:{platform user id}</c>), so it is 1 to <see cref="MaxLength"/> ASCII
/// letters, digits, <c>-</c> and <c>_</c>, and unique across all platforms.
/// </summary>
public static class ChannelNames
{
    /// <summary>The longest channel name.</summary>
    public const int MaxLength = 64;

    /// <summary>The rule in words, for validation messages.</summary>
    public const string Rule = "the channel name may only contain letters, digits, '-' and '_' (at most 64)";

    /// <summary>Whether <paramref name="name"/> follows the rule.</summary>
    public static bool IsValid(string? name) =>
        name is { Length: > 0 and <= MaxLength } && name.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');
}
