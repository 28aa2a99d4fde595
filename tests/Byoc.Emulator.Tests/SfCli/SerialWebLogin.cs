namespace Byoc.Emulator.Tests.SfCli;

/// <summary>Test classes that run <c>sf org login web</c>: its callback listener has the fixed port 1717, so they never run in parallel.</summary>
[CollectionDefinition(Name)]
public sealed class SerialWebLogin
{
    public const string Name = "sf org login web";
}
