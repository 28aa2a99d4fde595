namespace Byoc.Emulator.Org.Seed;

/// <summary>How much of the setup guide the freshly created emulated org has already done.</summary>
internal enum SeedProfile
{
    /// <summary>The guide completed: provider package, BYOC channel, queue and agent routing in place (the default for <c>byoc up</c>).</summary>
    Complete,

    /// <summary>Only the guide's prerequisites: org, users, agent with an active version, licence, service channel.</summary>
    PrerequisitesOnly,
}
