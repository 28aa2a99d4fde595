using System.Text.Json;

namespace Byoc.Setup.Connection;

/// <summary>
/// The credentials a running emulated org exports to <c>credentials.json</c> in its state folder (<c>byoc emulator
/// credentials --json</c> prints the same), read as plain JSON: this library talks to the emulated org only through its
/// Salesforce APIs.
/// </summary>
public sealed record EmulatorState
{
    /// <summary>The state file's name in the emulated org's state folder.</summary>
    public const string FileName = "credentials.json";

    private static readonly JsonSerializerOptions s_json = new(JsonSerializerDefaults.Web);

    /// <summary>The OAuth login URL (the token endpoint's base).</summary>
    public required string LoginUrl { get; init; }

    /// <summary>The org's instance URL for the REST, Tooling, SOAP and Metadata APIs.</summary>
    public required string InstanceUrl { get; init; }

    /// <summary>The emulated Interaction Service (SCRT2) base URL; older state folders lack it.</summary>
    public string? ScrtUrl { get; init; }

    /// <summary>The Pub/Sub API's gRPC endpoint; older state folders lack it.</summary>
    public string? PubSubUrl { get; init; }

    /// <summary>Whether the Pub/Sub endpoint speaks TLS.</summary>
    public bool PubSubTls { get; init; }

    /// <summary>The PEM file of the local CA that signed the Pub/Sub certificate, when it speaks TLS.</summary>
    public string? PubSubCaFile { get; init; }

    /// <summary>The connected app's consumer key (the JWT's <c>iss</c>).</summary>
    public required string ConsumerKey { get; init; }

    /// <summary>The integration user the connector logs in as.</summary>
    public required string Username { get; init; }

    /// <summary>The org's administrator, who runs setup, doctor and verify.</summary>
    public string? AdminUsername { get; init; }

    /// <summary>The PEM file of the key that signs the JWT bearer grant.</summary>
    public required string PrivateKeyFile { get; init; }

    /// <summary>Reads <c>credentials.json</c> from the state folder of a running emulated org.</summary>
    public static EmulatorState Read(string stateDirectory)
    {
        var path = Path.Combine(Path.GetFullPath(stateDirectory), FileName);
        if (!File.Exists(path))
        {
            throw new OrgLoginException(
                $"No emulated org is running with state folder '{Path.GetFullPath(stateDirectory)}' ({FileName} is missing): start 'byoc up' or 'byoc emulator', or pass --state-dir.");
        }

        try
        {
            return JsonSerializer.Deserialize<EmulatorState>(File.ReadAllText(path), s_json)
                ?? throw new OrgLoginException($"{path} is empty.");
        }
        catch (JsonException ex)
        {
            throw new OrgLoginException($"{path} is not valid credentials JSON: {ex.Message}", ex);
        }
    }

    /// <summary>The JWT bearer login of the given user of the emulated org with its dev connected app.</summary>
    public JwtLoginSettings LoginAs(string username) => new(ConsumerKey, username, PrivateKeyFile, new Uri(LoginUrl));

    /// <summary>The administrator's login (setup needs admin rights); older state without the field falls back to the seeded admin.</summary>
    public JwtLoginSettings AdminLogin() => LoginAs(AdminUsername ?? "admin@byoc.emulated");
}
