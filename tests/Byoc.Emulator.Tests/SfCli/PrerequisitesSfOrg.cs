namespace Byoc.Emulator.Tests.SfCli;

/// <summary>An <see cref="SfOrg"/> seeded with only what the guide assumes before its steps (no provider setup).</summary>
public sealed class PrerequisitesSfOrg : SfOrg
{
    public PrerequisitesSfOrg()
        : base(["--Emulator:Seed=PrerequisitesOnly"])
    {
    }
}
