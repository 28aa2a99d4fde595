using Microsoft.Extensions.Options;

namespace Byoc.Connector.Storage;

/// <summary>Checks <see cref="ConnectorStorageOptions"/> and names every wrong key.</summary>
internal sealed class ConnectorStorageOptionsValidator : IValidateOptions<ConnectorStorageOptions>
{
    public ValidateOptionsResult Validate(string? name, ConnectorStorageOptions options)
    {
        var errors = new List<string>();
        if (ConnectorStorageExtensions.IsPostgres(options))
        {
            if (string.IsNullOrWhiteSpace(options.ConnectionString))
            {
                errors.Add($"{ConnectorStorageOptions.Section}:ConnectionString is required when Provider is 'Postgres'.");
            }
        }
        else if (!string.Equals(options.Provider, "Sqlite", StringComparison.OrdinalIgnoreCase))
        {
            errors.Add($"{ConnectorStorageOptions.Section}:Provider must be 'Sqlite' or 'Postgres' (got '{options.Provider}').");
        }
        else
        {
            if (string.IsNullOrWhiteSpace(options.Path))
            {
                errors.Add($"{ConnectorStorageOptions.Section}:Path is required.");
            }

            if (ConnectorStorageExtensions.SynchronousOf(options) is null)
            {
                errors.Add($"{ConnectorStorageOptions.Section}:Synchronous must be 'Normal' or 'Full' (got '{options.Synchronous}').");
            }
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
