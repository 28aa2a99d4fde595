using Microsoft.Extensions.Options;

namespace Byoc.Connector.Attachments;

/// <summary>Checks <see cref="AttachmentOptions"/> and names every wrong key.</summary>
internal sealed class AttachmentOptionsValidator : IValidateOptions<AttachmentOptions>
{
    private const string S = AttachmentOptions.Section;

    public ValidateOptionsResult Validate(string? name, AttachmentOptions options)
    {
        var errors = new List<string>();
        if (string.IsNullOrWhiteSpace(options.Directory))
        {
            errors.Add($"{S}:Directory is required.");
        }

        if (options.MaxInboundBytes is < 1 or > AttachmentOptions.SalesforceMaxBytes)
        {
            errors.Add($"{S}:MaxInboundBytes must be between 1 and {AttachmentOptions.SalesforceMaxBytes} (got {options.MaxInboundBytes}).");
        }

        if (options.MaxDownloadBytes < 1)
        {
            errors.Add($"{S}:MaxDownloadBytes must be at least 1 (got {options.MaxDownloadBytes}).");
        }

        if (options.DownloadTimeout <= TimeSpan.Zero)
        {
            errors.Add($"{S}:DownloadTimeout must be positive (got {options.DownloadTimeout}).");
        }

        if (options.Retention != TimeSpan.Zero && options.Retention < AttachmentOptions.MinRetention)
        {
            errors.Add($"{S}:Retention must be 0 (keep files forever) or at least {AttachmentOptions.MinRetention} (got {options.Retention}).");
        }

        foreach (var mime in options.InboundMimeTypes.Where(m => !m.Contains('/', StringComparison.Ordinal) || m.Contains(';', StringComparison.Ordinal)))
        {
            errors.Add($"{S}:InboundMimeTypes has '{mime}', which is not a type/subtype MIME type.");
        }

        foreach (var host in options.AllowedHosts.Where(h => !HostAllowList.IsValidPattern(h)))
        {
            errors.Add($"{S}:AllowedHosts has '{host}'; expected a host name, optionally starting with '*.'.");
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
