using Microsoft.Extensions.Options;

namespace Byoc.Connector.Pipeline;

/// <summary>Checks <see cref="DeliveryOptions"/> and names every wrong key.</summary>
internal sealed class DeliveryOptionsValidator : IValidateOptions<DeliveryOptions>
{
    private const string S = DeliveryOptions.Section;

    public ValidateOptionsResult Validate(string? name, DeliveryOptions options)
    {
        var errors = new List<string>();
        if (options.BaseDelay <= TimeSpan.Zero)
        {
            errors.Add($"{S}:BaseDelay must be positive (got {options.BaseDelay}).");
        }

        if (options.MaxDelay < options.BaseDelay)
        {
            errors.Add($"{S}:MaxDelay must not be shorter than {S}:BaseDelay.");
        }

        if (options.MaxAttempts < 1)
        {
            errors.Add($"{S}:MaxAttempts must be at least 1 (got {options.MaxAttempts}).");
        }

        if (options.PollInterval <= TimeSpan.Zero)
        {
            errors.Add($"{S}:PollInterval must be positive (got {options.PollInterval}).");
        }

        if (options.Lease <= TimeSpan.Zero)
        {
            errors.Add($"{S}:Lease must be positive (got {options.Lease}).");
        }

        if (options.BatchSize < 1)
        {
            errors.Add($"{S}:BatchSize must be at least 1 (got {options.BatchSize}).");
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
