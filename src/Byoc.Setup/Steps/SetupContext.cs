using Byoc.Setup.Org;
using Byoc.Setup.Package;

namespace Byoc.Setup.Steps;

/// <summary>The org, the package and the options one setup run works with, plus the ids its steps found on the way.</summary>
public sealed class SetupContext(OrgClient org, ProviderPackage package, SetupOptions options)
{
    /// <summary>The org being set up, signed in as the administrator.</summary>
    public OrgClient Org { get; } = org;

    /// <summary>The provider package to deploy.</summary>
    public ProviderPackage Package { get; } = package;

    /// <summary>What this run sets up.</summary>
    public SetupOptions Options { get; } = options;

    /// <summary>The agent's <c>BotDefinition.Id</c>, once the prerequisites step found it.</summary>
    public string? AgentId { get; set; }

    /// <summary>The fallback queue's <c>Group.Id</c>, once the queue step found it.</summary>
    public string? QueueId { get; set; }

    /// <summary>Deploys components and turns a failed deploy into an exception naming each problem.</summary>
    internal async Task DeployAsync(IReadOnlyCollection<MetadataComponent> components, CancellationToken cancellationToken)
    {
        var result = await Org.Metadata.DeployAsync(MetadataZip.Build(components), Options.DeployTimeout, cancellationToken);
        if (!result.Success)
        {
            throw new DeployFailedException(result);
        }
    }
}
