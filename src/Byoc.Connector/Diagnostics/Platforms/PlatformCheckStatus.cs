namespace Byoc.Connector.Diagnostics.Platforms;

/// <summary>The verdict of one <see cref="IPlatformCheck"/>.</summary>
public enum PlatformCheckStatus
{
    /// <summary>The platform answered as the channel needs.</summary>
    Pass,

    /// <summary>Something is wrong; the result's fix says what to do.</summary>
    Fail,

    /// <summary>The check could not run with what the configuration holds (no public URL to compare with).</summary>
    Skip,
}
