using System.CommandLine;

namespace Byoc.Cli.Commands.DeadLetters;

/// <summary>The options every <c>byoc deadletters</c> command shares: where the connector is, its admin key, JSON output.</summary>
internal sealed class AdminConnectionOptions
{
    public const string ApiKeyVariable = "BYOC_ADMIN_API_KEY";
    public const string UrlVariable = "BYOC_CONNECTOR_URL";

    public Option<Uri> Url { get; } = new("--url")
    {
        Description = $"The running connector (env {UrlVariable}).",
        DefaultValueFactory = _ => new Uri(Environment.GetEnvironmentVariable(UrlVariable) is { Length: > 0 } url ? url : "http://127.0.0.1:5080"),
        CustomParser = result =>
        {
            var text = result.Tokens.Count > 0 ? result.Tokens[^1].Value : string.Empty;
            if (Uri.TryCreate(text, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https")
            {
                return uri;
            }

            result.AddError($"--url '{text}' is not an absolute http or https URL.");
            return null;
        },
    };

    public Option<string?> ApiKey { get; } = new("--api-key")
    {
        Description = $"The connector's admin key, Connector:Admin:ApiKey (env {ApiKeyVariable}; byoc up keeps it in .byoc/up-secrets.json).",
    };

    public Option<bool> Json { get; } = new("--json") { Description = "Print the connector's JSON answer instead of a table." };

    public void AddTo(Command command)
    {
        command.Options.Add(Url);
        command.Options.Add(ApiKey);
        command.Options.Add(Json);
    }

    /// <summary>The key from the option or the environment; null when neither has one.</summary>
    public string? ResolveApiKey(ParseResult parseResult) =>
        parseResult.GetValue(ApiKey) is { Length: > 0 } key ? key
        : Environment.GetEnvironmentVariable(ApiKeyVariable) is { Length: > 0 } fromEnv ? fromEnv
        : null;
}
