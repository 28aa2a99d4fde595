using System.Text.Json;
using System.Text.Json.Serialization;

namespace Byoc.Connector.Salesforce.Wire;

/// <summary>JSON settings for the Interaction Service API and the outbound event payload: camelCase, nulls left out.</summary>
internal static class SalesforceJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };
}
