using Byoc.Core.Storage;
using Byoc.Storage.Postgres;
using Byoc.Storage.Sqlite;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Byoc.Connector.Storage;

/// <summary>Registers the durable stores of the configured provider (chosen when they are first used, after validation).</summary>
internal static class ConnectorStorageExtensions
{
    public static IHostApplicationBuilder AddConnectorStorage(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.TryAddSingleton(TimeProvider.System);
        services.AddOptions<ConnectorStorageOptions>().BindConfiguration(ConnectorStorageOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<ConnectorStorageOptions>, ConnectorStorageOptionsValidator>();
        services.AddSingleton(sp => new SqliteDatabase(Options(sp).Path!, SynchronousOf(Options(sp)) ?? SqliteSynchronous.Normal));
        services.AddSingleton(sp => new PostgresDatabase(Options(sp).ConnectionString!));
        services.AddSingleton<IInboxStore>(sp => IsPostgres(Options(sp))
            ? ActivatorUtilities.CreateInstance<PostgresInboxStore>(sp)
            : ActivatorUtilities.CreateInstance<SqliteInboxStore>(sp));
        services.AddSingleton<IOutboxStore>(sp => IsPostgres(Options(sp))
            ? ActivatorUtilities.CreateInstance<PostgresOutboxStore>(sp)
            : ActivatorUtilities.CreateInstance<SqliteOutboxStore>(sp));
        services.AddSingleton<IConversationStore>(sp => IsPostgres(Options(sp))
            ? ActivatorUtilities.CreateInstance<PostgresConversationStore>(sp)
            : ActivatorUtilities.CreateInstance<SqliteConversationStore>(sp));
        services.AddSingleton<IDeadLetterStore>(sp => IsPostgres(Options(sp))
            ? ActivatorUtilities.CreateInstance<PostgresDeadLetterStore>(sp)
            : ActivatorUtilities.CreateInstance<SqliteDeadLetterStore>(sp));
        services.AddSingleton<IChatLogStore>(sp => IsPostgres(Options(sp))
            ? ActivatorUtilities.CreateInstance<PostgresChatLogStore>(sp)
            : ActivatorUtilities.CreateInstance<SqliteChatLogStore>(sp));
        services.AddSingleton<IEndUserStateStore>(sp => IsPostgres(Options(sp))
            ? ActivatorUtilities.CreateInstance<PostgresEndUserStateStore>(sp)
            : ActivatorUtilities.CreateInstance<SqliteEndUserStateStore>(sp));
        services.AddSingleton<ILeaderElection>(sp => IsPostgres(Options(sp))
            ? ActivatorUtilities.CreateInstance<PostgresLeaderElection>(sp)
            : ActivatorUtilities.CreateInstance<SqliteLeaderElection>(sp));
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
