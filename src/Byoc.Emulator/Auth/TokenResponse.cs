using System.Text.Json.Serialization;

namespace Byoc.Emulator.Auth;

/// <summary>Salesforce's token endpoint success body (interaction-service-api.md §3.2).</summary>
internal sealed record TokenResponse(
    [property: JsonPropertyName("access_token")] string AccessToken,
    [property: JsonPropertyName("scope")] string Scope,
    [property: JsonPropertyName("instance_url")] string InstanceUrl,
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("token_type")] string TokenType,
    [property: JsonPropertyName("issued_at")] string IssuedAt,
    [property: JsonPropertyName("signature")] string Signature);
