using Byoc.Setup.Org;

namespace Byoc.Setup.Steps;

/// <summary>A Metadata deploy finished without success.</summary>
internal sealed class DeployFailedException(DeployResult result)
    : Exception($"Deploy {result.Id} {result.Status}: {string.Join("; ", result.Failures)}")
{
    public DeployResult Result { get; } = result;
}
