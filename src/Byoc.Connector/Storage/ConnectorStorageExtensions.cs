using Byoc.Storage;
using Byoc.Storage.Sqlite;
using Microsoft.Extensions.Options;

namespace Byoc.Connector.Storage;

/// <summary>Registers the durable stores of the configured provider (chosen when they are first used, after validation).</summary>
internal static class ConnectorStorageExtensions
{
    public static IHostApplicationBuilder AddConnectorStorage(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<ConnectorStorageOptions>().BindConfiguration(ConnectorStorageOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<ConnectorStorageOptions>, ConnectorStorageOptionsValidator>();
        services.AddDurableStores(sp =>
        {
            var options = Options(sp);
            return IsPostgres(options)
                ? StorageLocation.Postgres(options.ConnectionString!)
                : StorageLocation.Sqlite(options.Path!, SynchronousOf(options) ?? SqliteSynchronous.Normal);
        });
        return builder;
    }

    internal static bool IsPostgres(ConnectorStorageOptions options) =>
        string.Equals(options.Provider, "Postgres", StringComparison.OrdinalIgnoreCase);

    /// <summary>The configured SQLite synchronous mode, or null when the value is neither <c>Normal</c> nor <c>Full</c>.</summary>
    internal static SqliteSynchronous? SynchronousOf(ConnectorStorageOptions options) => options.Synchronous?.Trim().ToUpperInvariant() switch
    {
        "NORMAL" => SqliteSynchronous.Normal,
        "FULL" => SqliteSynchronous.Full,
        _ => null,
    };

    private static ConnectorStorageOptions Options(IServiceProvider services) =>
        services.GetRequiredService<IOptions<ConnectorStorageOptions>>().Value;
}
