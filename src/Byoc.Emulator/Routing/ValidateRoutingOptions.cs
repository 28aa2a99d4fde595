using Microsoft.Extensions.Options;

namespace Byoc.Emulator.Routing;

/// <summary>Checks <see cref="RoutingOptions"/> and reports every error with its configuration key.</summary>
internal sealed class ValidateRoutingOptions : IValidateOptions<RoutingOptions>
{
    public ValidateOptionsResult Validate(string? name, RoutingOptions options)
    {
        List<string> errors = [];
        if (options.RepCapacity < 1)
        {
            errors.Add($"{RoutingOptions.SectionName}:{nameof(options.RepCapacity)} must be at least 1.");
        }

        foreach (var (key, value) in new[]
        {
            (nameof(options.InactivityTimeout), options.InactivityTimeout),
            (nameof(options.InactiveSessionEndAfter), options.InactiveSessionEndAfter),
            (nameof(options.InactivitySweepInterval), options.InactivitySweepInterval),
        })
        {
            if (value <= TimeSpan.Zero)
            {
                errors.Add($"{RoutingOptions.SectionName}:{key} must be positive.");
            }
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
