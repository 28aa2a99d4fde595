using System.Net;
using Byoc.Emulator.Faults;
using Microsoft.Extensions.Options;

namespace Byoc.Emulator.Hosting;

/// <summary>Checks <see cref="EmulatorOptions"/> and reports every problem with its configuration key.</summary>
internal sealed class ValidateEmulatorOptions : IValidateOptions<EmulatorOptions>
{
    public ValidateOptionsResult Validate(string? name, EmulatorOptions options)
    {
        var errors = new List<string>();
        const string Section = EmulatorOptions.SectionName;
        if (!IPAddress.TryParse(options.Host, out _))
        {
            errors.Add($"{Section}:Host must be an IP address, for example 127.0.0.1 (was '{options.Host}').");
        }

        foreach (var (key, port) in new[] { ("InstancePort", options.InstancePort), ("ScrtPort", options.ScrtPort), ("PubSubPort", options.PubSubPort) })
        {
            if (port is < 0 or > 65535)
            {
                errors.Add($"{Section}:{key} must be between 0 and 65535 (was {port}).");
            }
        }

        var fixedPorts = new[] { options.InstancePort, options.ScrtPort, options.PubSubPort }.Where(p => p > 0).ToList();
        if (fixedPorts.Count != fixedPorts.Distinct().Count())
        {
            errors.Add($"{Section}:InstancePort, ScrtPort and PubSubPort must differ (0 picks a free port).");
        }

        foreach (var (key, value) in new[]
        {
            ("SessionTimeout", options.SessionTimeout), ("PubSubKeepAlive", options.PubSubKeepAlive),
            ("PubSubIdleTimeout", options.PubSubIdleTimeout), ("EventRetention", options.EventRetention),
        })
        {
            if (value <= TimeSpan.Zero)
            {
                errors.Add($"{Section}:{key} must be positive (was {value}).");
            }
        }

        if (options.Faults.ErrorRate is < 0 or > 1)
        {
            errors.Add($"{Section}:Faults:ErrorRate must be between 0 and 1 (was {options.Faults.ErrorRate}).");
        }

        if (options.Faults.AttachmentUploadError is { } uploadError && !FaultOptions.AttachmentUploadErrorTypes.Contains(uploadError))
        {
            errors.Add($"{Section}:Faults:AttachmentUploadError must be one of {string.Join(", ", FaultOptions.AttachmentUploadErrorTypes)} (was '{uploadError}').");
        }

        if (string.IsNullOrWhiteSpace(options.StateDirectory))
        {
            errors.Add($"{Section}:StateDirectory must name a folder.");
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
