namespace Byoc.Connector.Attachments;

/// <summary>Host names files may come from: exact names, or <c>*.example.com</c> for every subdomain of example.com.</summary>
internal sealed class HostAllowList(IEnumerable<string> patterns)
{
    private readonly string[] _patterns = [.. patterns.Select(p => p.Trim().TrimEnd('.').ToLowerInvariant())];

    public bool Allows(string host)
    {
        var name = host.TrimEnd('.').ToLowerInvariant();
        return _patterns.Any(p => p.StartsWith("*.", StringComparison.Ordinal)
            ? name.EndsWith(p[1..], StringComparison.Ordinal) && name.Length > p.Length - 1
            : name == p);
    }

    public static bool IsValidPattern(string pattern)
    {
        var name = pattern.StartsWith("*.", StringComparison.Ordinal) ? pattern[2..] : pattern;
        return name.Length > 0 && Uri.CheckHostName(name) != UriHostNameType.Unknown && !name.Contains('*', StringComparison.Ordinal);
    }
}
