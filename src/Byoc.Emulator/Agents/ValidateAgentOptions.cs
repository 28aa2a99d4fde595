using Microsoft.Extensions.Options;

namespace Byoc.Emulator.Agents;

/// <summary>Checks <see cref="AgentOptions"/> and reports every error with its configuration key.</summary>
internal sealed class ValidateAgentOptions : IValidateOptions<AgentOptions>
{
    public ValidateOptionsResult Validate(string? name, AgentOptions options)
    {
        List<string> errors = [];
        if (options.ThinkTime < TimeSpan.Zero)
        {
            errors.Add($"{AgentOptions.SectionName}:{nameof(options.ThinkTime)} must not be negative.");
        }

        if (options.Llm.BaseUrl is { } url && (!url.IsAbsoluteUri || url.Scheme is not ("http" or "https")))
        {
            errors.Add($"{AgentOptions.SectionName}:Llm:BaseUrl must be an absolute http or https URL.");
        }

        if (options.Llm.Timeout <= TimeSpan.Zero)
        {
            errors.Add($"{AgentOptions.SectionName}:Llm:Timeout must be positive.");
        }

        if (options.DefinitionsPath is { } path && !Directory.Exists(path))
        {
            errors.Add($"{AgentOptions.SectionName}:{nameof(options.DefinitionsPath)} '{path}' does not exist.");
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
