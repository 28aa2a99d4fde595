namespace Byoc.Emulator.Org.Records;

/// <summary>Where the emulated org keeps its records.</summary>
internal sealed class OrgStoreOptions
{
    /// <summary>
    /// Path of the SQLite database file; null keeps the org in memory only (tests).
    /// </summary>
    /// <value>The default is null.</value>
    public string? DatabasePath { get; set; }
}
