using System.Reflection;
using System.Runtime.CompilerServices;
using Byoc.Bench.Scenarios;
using Byoc.Connector;
using Byoc.Core.Delivery;
using Byoc.Emulator;
using Byoc.Setup.Steps;
using Byoc.Storage;

namespace Byoc.Cli.Tests.Architecture;

/// <summary>
/// The shipped assemblies talk to each other through public members only: <c>InternalsVisibleTo</c> is for test projects
/// and the never-shipped micro-benchmarks (CONTRIBUTING.md, "Assembly boundaries").
/// </summary>
public sealed class AssemblyBoundaryTests
{
    public static TheoryData<string> ShippedAssemblies() =>
    [
        .. new[]
        {
            typeof(TransientFailures), typeof(StorageLocation), typeof(ConnectorApplication), typeof(EmulatorApplication),
            typeof(SetupRunner), typeof(BenchRunner), typeof(ExitCodes),
        }.Select(t => t.Assembly.GetName().Name!),
    ];

    [Theory]
    [MemberData(nameof(ShippedAssemblies))]
    public void InternalsVisibleTo_OnlyTestProjectsAndMicroBenchmarks(string assemblyName)
    {
        var assembly = Assembly.Load(assemblyName);

        var grants = assembly.GetCustomAttributes<InternalsVisibleToAttribute>().Select(a => a.AssemblyName).ToList();

        Assert.All(grants, grant => Assert.True(grant.EndsWith(".Tests", StringComparison.Ordinal) || grant == "Byoc.Benchmarks",
            $"{assemblyName} shows its internals to {grant}, which ships: give {grant} a public member instead."));
    }
}
