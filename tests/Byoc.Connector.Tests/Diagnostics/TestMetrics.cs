using System.Diagnostics.Metrics;
using Byoc.Connector.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace Byoc.Connector.Tests.Diagnostics;

/// <summary>A <see cref="ConnectorMetrics"/> on its own meter factory, for components built by hand in tests.</summary>
internal static class TestMetrics
{
    private static readonly IMeterFactory s_factory = new ServiceCollection().AddMetrics().BuildServiceProvider().GetRequiredService<IMeterFactory>();

    public static ConnectorMetrics Create() => new(s_factory);
}
