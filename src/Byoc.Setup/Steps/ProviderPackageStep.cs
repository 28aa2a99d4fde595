using System.Text.Json.Nodes;
using Byoc.Setup.Org;

namespace Byoc.Setup.Steps;

/// <summary>
/// Guide step 3: the provider package (platform event with its two fields, channel definition, SCRT permission set,
/// fallback queue, Omni-Channel settings) deployed by the Metadata API. Up to date when the event, its fields, the channel
/// definition and the permission set's Read+Create are in place. Omni-Channel is read back and enabled by step 2
/// (<see cref="MessagingStep"/>); the package deploys the same settings again.
/// </summary>
internal sealed class ProviderPackageStep : ISetupStep
{
    public string Title => "3. Provider package (event, channel definition, permission set, Omni-Channel)";

    public async Task<StepPlan> PlanAsync(SetupContext context, CancellationToken cancellationToken)
    {
        var missing = await MissingAsync(context, cancellationToken);
        return missing.Count == 0
            ? StepPlan.Done($"{context.Package.PlatformEvent} with {context.Package.EventTypeField} and {context.Package.PayloadField}, " +
                $"{context.Package.ChannelDefinition}, {context.Package.PermissionSet} Read+Create present.")
            : StepPlan.Change($"deploy {context.Package.Components.Count} components (missing: {string.Join(", ", missing)})");
    }

    public Task ApplyAsync(SetupContext context, CancellationToken cancellationToken) =>
        context.DeployAsync(context.Package.Components, cancellationToken);

    internal static async Task<List<string>> MissingAsync(SetupContext context, CancellationToken cancellationToken)
    {
        var org = context.Org;
        var package = context.Package;
        var missing = new List<string>();
        var describe = await org.DescribeAsync(package.PlatformEvent, cancellationToken);
        if (describe is null)
        {
            missing.Add(package.PlatformEvent);
        }
        else
        {
            var fields = describe["fields"]?.AsArray().OfType<JsonObject>().Select(f => f.Str("name")).ToHashSet(StringComparer.OrdinalIgnoreCase) ?? [];
            missing.AddRange(new[] { package.EventTypeField, package.PayloadField }.Where(f => !fields.Contains(f)).Select(f => $"{package.PlatformEvent}.{f}"));
        }

        var definitions = await org.QueryAsync(
            $"SELECT Id FROM ConversationChannelDefinition WHERE DeveloperName={Soql.Quote(package.ChannelDefinition)}", cancellationToken: cancellationToken);
        if (definitions.Count == 0)
        {
            missing.Add(package.ChannelDefinition);
        }

        var permissions = await org.QueryAsync(
            "SELECT Id, PermissionsRead, PermissionsCreate FROM ObjectPermissions " +
            $"WHERE Parent.Name={Soql.Quote(package.PermissionSet)} AND SobjectType={Soql.Quote(package.PlatformEvent)}", cancellationToken: cancellationToken);
        if (!permissions.Any(p => p.Bool("PermissionsRead") && p.Bool("PermissionsCreate")))
        {
            missing.Add($"{package.PermissionSet} Read+Create on {package.PlatformEvent}");
        }

        return missing;
    }
}
