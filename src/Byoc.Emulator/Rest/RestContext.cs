using Byoc.Emulator.Org.Schema;

namespace Byoc.Emulator.Rest;

/// <summary>Which REST family a request came through: the API version in its path and data vs Tooling API.</summary>
internal sealed record RestContext(string Version, ApiSurface Surface)
{
    public bool IsTooling => Surface == ApiSurface.Tooling;

    /// <summary><c>/services/data/vNN.0</c> or <c>/services/data/vNN.0/tooling</c>.</summary>
    public string BasePath => IsTooling ? $"/services/data/v{Version}/tooling" : $"/services/data/v{Version}";

    public string SObjectUrl(string type, string id) => $"{BasePath}/sobjects/{type}/{id}";

    /// <summary>Salesforce versions look like <c>66.0</c>; the sf CLI ignores anything else (org-emulation.md §2.5).</summary>
    public static bool IsValidVersion(string? version) =>
        version is { Length: 4 } && char.IsAsciiDigit(version[0]) && version[0] != '0' && char.IsAsciiDigit(version[1]) &&
        version.EndsWith(".0", StringComparison.Ordinal);
}
