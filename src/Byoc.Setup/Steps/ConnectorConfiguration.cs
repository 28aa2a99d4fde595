using System.Text.Json.Nodes;
using Byoc.Setup.Org;

namespace Byoc.Setup.Steps;

/// <summary>What the connector needs from the org once setup is done, ready to paste into its configuration.</summary>
public sealed record ConnectorConfiguration(
    string InstanceUrl,
    string OrgId,
    string ChannelAddressIdentifier,
    string AuthorizationContext,
    string Topic,
    string EventTypeField,
    string PayloadField)
{
    /// <summary>Reads the configuration from the org; null while the channel or the organization is not there yet.</summary>
    public static async Task<ConnectorConfiguration?> ReadAsync(SetupContext context, CancellationToken cancellationToken)
    {
        var channel = await ChannelStep.FindAsync(context, cancellationToken);
        var organizations = await context.Org.QueryAsync("SELECT Id FROM Organization", cancellationToken: cancellationToken);
        if (channel?.Str("ChannelAddressIdentifier") is not { } address || organizations is not [var organization, ..])
        {
            return null;
        }

        var package = context.Package;
        return new ConnectorConfiguration(context.Org.Connection.InstanceUrl.ToString().TrimEnd('/'), organization.Str("Id")![..15], address,
            package.ChannelDefinition, "/event/" + package.PlatformEvent, package.EventTypeField, package.PayloadField);
    }

    /// <summary>The connector's <c>appsettings.json</c> fragment (credentials, the key and the channel's secret and URL stay yours to add).</summary>
    public JsonObject ToAppSettings() => new()
    {
        ["Connector"] = new JsonObject
        {
            ["Salesforce"] = new JsonObject
            {
                [nameof(InstanceUrl)] = InstanceUrl,
                [nameof(OrgId)] = OrgId,
                [nameof(AuthorizationContext)] = AuthorizationContext,
                ["PubSub"] = new JsonObject { [nameof(Topic)] = Topic, [nameof(EventTypeField)] = EventTypeField, [nameof(PayloadField)] = PayloadField },
            },
            ["Webhook"] = new JsonObject
            {
                ["Channels"] = new JsonObject { ["webhook"] = new JsonObject { [nameof(ChannelAddressIdentifier)] = ChannelAddressIdentifier } },
            },
        },
    };
}
