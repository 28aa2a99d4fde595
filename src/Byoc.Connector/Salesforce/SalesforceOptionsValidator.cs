using Microsoft.Extensions.Options;

namespace Byoc.Connector.Salesforce;

/// <summary>Checks <see cref="SalesforceOptions"/> at start-up and reports every missing or wrong key by its path.</summary>
internal sealed class SalesforceOptionsValidator : IValidateOptions<SalesforceOptions>
{
    private const string S = SalesforceOptions.Section;

    public ValidateOptionsResult Validate(string? name, SalesforceOptions options)
    {
        var errors = new List<string>();
        RequireUrl(errors, $"{S}:LoginUrl", options.LoginUrl);
        Require(errors, $"{S}:ConsumerKey", options.ConsumerKey);
        Require(errors, $"{S}:Username", options.Username);
        Require(errors, $"{S}:OrgId", options.OrgId);
        Require(errors, $"{S}:AuthorizationContext", options.AuthorizationContext);
        RequireUrl(errors, $"{S}:ScrtUrl", options.ScrtUrl);
        if (options.InstanceUrl is { IsAbsoluteUri: false })
        {
            errors.Add($"{S}:InstanceUrl must be an absolute http(s) URL.");
        }

        if (Require(errors, $"{S}:PrivateKeyPath", options.PrivateKeyPath) && !File.Exists(options.PrivateKeyPath))
        {
            errors.Add($"{S}:PrivateKeyPath points to '{options.PrivateKeyPath}', which does not exist.");
        }

        if (options.AssertionLifetime <= TimeSpan.Zero || options.AssertionLifetime > TimeSpan.FromMinutes(3))
        {
            errors.Add($"{S}:AssertionLifetime must be more than 0 and at most 00:03:00 (got {options.AssertionLifetime}).");
        }

        Positive(errors, $"{S}:RequestTimeout", options.RequestTimeout);
        Positive(errors, $"{S}:AssumedTokenLifetime", options.AssumedTokenLifetime);
        Positive(errors, $"{S}:CapabilitiesInterval", options.CapabilitiesInterval);
        if (options.TokenRefreshMargin < TimeSpan.Zero || options.TokenRefreshMargin >= options.AssumedTokenLifetime)
        {
            errors.Add($"{S}:TokenRefreshMargin must be at least 0 and shorter than {S}:AssumedTokenLifetime.");
        }

        var pubSub = options.PubSub;
        if (pubSub.Enabled)
        {
            RequireUrl(errors, $"{S}:PubSub:Endpoint", pubSub.Endpoint);
            if (Require(errors, $"{S}:PubSub:Topic", pubSub.Topic) && !pubSub.Topic!.StartsWith('/'))
            {
                errors.Add($"{S}:PubSub:Topic must look like /event/<Event API name> (got '{pubSub.Topic}').");
            }

            Require(errors, $"{S}:PubSub:EventTypeField", pubSub.EventTypeField);
            Require(errors, $"{S}:PubSub:PayloadField", pubSub.PayloadField);
            if (pubSub.BatchSize is < 1 or > 100)
            {
                errors.Add($"{S}:PubSub:BatchSize must be between 1 and 100 (got {pubSub.BatchSize}).");
            }

            if (pubSub.CaFile is { Length: > 0 } caFile && !File.Exists(caFile))
            {
                errors.Add($"{S}:PubSub:CaFile points to '{caFile}', which does not exist.");
            }

            Positive(errors, $"{S}:PubSub:ReconnectBaseDelay", pubSub.ReconnectBaseDelay);
            if (pubSub.ReconnectMaxDelay < pubSub.ReconnectBaseDelay)
            {
                errors.Add($"{S}:PubSub:ReconnectMaxDelay must not be shorter than {S}:PubSub:ReconnectBaseDelay.");
            }

            Positive(errors, $"{S}:PubSub:CallDeadline", pubSub.CallDeadline);
            Positive(errors, $"{S}:PubSub:StandbyRetryInterval", pubSub.StandbyRetryInterval);
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    private static bool Require(List<string> errors, string key, string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            errors.Add($"{key} is required.");
            return false;
        }

        return true;
    }

    private static void RequireUrl(List<string> errors, string key, Uri? value)
    {
        if (value is null)
        {
            errors.Add($"{key} is required.");
        }
        else if (!value.IsAbsoluteUri || (value.Scheme != Uri.UriSchemeHttps && value.Scheme != Uri.UriSchemeHttp))
        {
            errors.Add($"{key} must be an absolute http(s) URL (got '{value}').");
        }
    }

    private static void Positive(List<string> errors, string key, TimeSpan value)
    {
        if (value <= TimeSpan.Zero)
        {
            errors.Add($"{key} must be positive (got {value}).");
        }
    }
}
