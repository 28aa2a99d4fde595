namespace Byoc.Setup.Org;

/// <summary>
/// Whether Omni-Channel is switched on, read back from the org's <c>OmniChannelSettings</c> (full name <c>OmniChannel</c>,
/// field <c>enableOmniChannel</c>) with the Metadata API's <c>readMetadata</c>; the REST APIs do not expose it.
/// </summary>
/// <param name="Enabled">True when <c>enableOmniChannel</c> is <c>true</c>.</param>
/// <param name="Evidence">What the org answered, in words.</param>
internal sealed record OmniChannelSetting(bool Enabled, string Evidence)
{
    public const string Type = "OmniChannelSettings";

    public const string FullName = "OmniChannel";

    public const string Field = "enableOmniChannel";

    public static async Task<OmniChannelSetting> ReadAsync(OrgClient org, CancellationToken cancellationToken)
    {
        var record = await org.Metadata.ReadAsync(Type, FullName, cancellationToken);
        if (record is null)
        {
            return new OmniChannelSetting(false, $"readMetadata {Type} {FullName} answered no record.");
        }

        var value = MetadataClient.Field(record, Field)?.Trim();
        return new OmniChannelSetting(string.Equals(value, "true", StringComparison.OrdinalIgnoreCase),
            $"{Type} {FullName}: {Field}={value ?? "(absent)"}.");
    }
}
