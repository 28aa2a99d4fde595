using Byoc.Emulator.Agents;
using Byoc.Emulator.Routing;

namespace Byoc.Emulator.Tests.Routing;

public sealed class RoutingOptionsValidationTests
{
    [Fact]
    public void Validate_BadRoutingAndAgentSettings_ReportsEveryKey()
    {
        var routing = new ValidateRoutingOptions().Validate(null, new RoutingOptions { RepCapacity = 0, InactivityTimeout = TimeSpan.Zero });
        var agents = new ValidateAgentOptions().Validate(null, new AgentOptions
        {
            ThinkTime = TimeSpan.FromSeconds(-1),
            Llm = new LlmOptions { BaseUrl = new Uri("ftp://x"), Timeout = TimeSpan.Zero },
        });

        Assert.Equal(["Routing:RepCapacity must be at least 1.", "Routing:InactivityTimeout must be positive."], routing.Failures);
        Assert.Equal(3, agents.Failures!.Count());
        Assert.Contains(agents.Failures!, f => f.StartsWith("Agents:Llm:BaseUrl", StringComparison.Ordinal));
    }

    [Fact]
    public void Validate_Defaults_Succeed()
    {
        Assert.True(new ValidateRoutingOptions().Validate(null, new RoutingOptions()).Succeeded);
        Assert.True(new ValidateAgentOptions().Validate(null, new AgentOptions()).Succeeded);
    }
}
