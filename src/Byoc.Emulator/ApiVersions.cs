namespace Byoc.Emulator;

/// <summary>The REST API versions the emulated org advertises at <c>/services/data</c>.</summary>
internal static class ApiVersions
{
    public const string Latest = "66.0";

    public static IReadOnlyList<ApiVersion> All { get; } =
    [
        new("Winter '25", "/services/data/v62.0", "62.0"),
        new("Spring '25", "/services/data/v63.0", "63.0"),
        new("Summer '25", "/services/data/v64.0", "64.0"),
        new("Winter '26", "/services/data/v65.0", "65.0"),
        new("Spring '26", "/services/data/v66.0", "66.0"),
    ];

    internal sealed record ApiVersion(string Label, string Url, string Version);
}
