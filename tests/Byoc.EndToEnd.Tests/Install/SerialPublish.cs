namespace Byoc.EndToEnd.Tests.Install;

/// <summary>
/// Test classes that run <c>dotnet pack</c> or <c>dotnet publish</c> on src/Byoc.Cli: they share its restore file and
/// intermediate folders under artifacts/, so they never run in parallel.
/// </summary>
[CollectionDefinition(Name)]
public sealed class SerialPublish
{
    public const string Name = "dotnet pack and publish of src/Byoc.Cli";
}
