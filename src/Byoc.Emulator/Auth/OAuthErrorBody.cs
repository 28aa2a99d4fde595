using System.Text.Json.Serialization;

namespace Byoc.Emulator.Auth;

/// <summary>The OAuth error body.</summary>
internal sealed record OAuthErrorBody(
    [property: JsonPropertyName("error")] string Error,
    [property: JsonPropertyName("error_description")] string ErrorDescription);
