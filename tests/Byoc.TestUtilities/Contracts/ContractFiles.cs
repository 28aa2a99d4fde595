namespace Byoc.TestUtilities.Contracts;

/// <summary>
/// Where the tests find Salesforce's official Interaction Service contracts (the files of Salesforce's public
/// <c>interaction-service-apis</c> repository): the folder named by <see cref="Variable"/>, by default
/// <c>../shared/contracts/interaction-service-apis</c> beside the repository. The project never copies these files.
/// </summary>
public static class ContractFiles
{
    /// <summary>The setting that points the tests at a copy of the contract files.</summary>
    public const string Variable = "BYOC_CONTRACTS_DIR";

    /// <summary>The Interaction Service REST API (OpenAPI).</summary>
    public const string InboundApi = "inbound-interaction-api.yaml";

    /// <summary>The outbound platform-event payload (AsyncAPI).</summary>
    public const string OutboundEvents = "outbound-custom-event-payload.yaml";

    /// <summary>
    /// The contracts folder: <see cref="Variable"/> when set (a relative path is taken from the repository root), else
    /// the default beside the repository.
    /// </summary>
    public static string Directory =>
        Path.GetFullPath(Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } configured
            ? Path.Combine(RepositoryPaths.Root, configured)
            : Path.Combine(RepositoryPaths.Root, "..", "shared", "contracts", "interaction-service-apis"));

    /// <summary>True when both contract files are there.</summary>
    public static bool Present => File.Exists(PathOf(InboundApi)) && File.Exists(PathOf(OutboundEvents));

    /// <summary>The line a contract test is skipped with when the files are absent.</summary>
    public static string MissingReason =>
        $"Salesforce's contract files are not in {Directory}: set {Variable} to a copy of Salesforce's interaction-service-apis " +
        "repository (see CONTRIBUTING.md).";

    /// <summary>
    /// The full path of <paramref name="fileName"/>; skips the running test when the contract files are absent, or fails
    /// it in CI (<see cref="Prerequisite"/>).
    /// </summary>
    public static string Require(string fileName)
    {
        Prerequisite.Require(Present, MissingReason);
        return PathOf(fileName);
    }

    private static string PathOf(string fileName) => Path.Combine(Directory, fileName);
}
