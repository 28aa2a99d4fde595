using Microsoft.Extensions.Options;

namespace Byoc.Connector.AdapterSample.Tests.Acme;

/// <summary>Names every missing key of every Acme channel.</summary>
internal sealed class AcmeChannelOptionsValidator : IValidateOptions<AcmeChannelOptions>
{
    /// <inheritdoc/>
    public ValidateOptionsResult Validate(string? name, AcmeChannelOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = new List<string>();
        foreach (var (channel, settings) in options.Channels)
        {
            var key = $"{AcmeChannelOptions.Section}:Channels:{channel}";
            if (string.IsNullOrWhiteSpace(settings.ChannelAddressIdentifier))
            {
                errors.Add($"{key}:ChannelAddressIdentifier is required.");
            }

            if (string.IsNullOrEmpty(settings.AuthToken) || string.IsNullOrEmpty(settings.VerifyToken))
            {
                errors.Add($"{key}:AuthToken and {key}:VerifyToken are required.");
            }
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
