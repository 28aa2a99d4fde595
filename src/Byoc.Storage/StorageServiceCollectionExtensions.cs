using Byoc.Core.Storage;
using Byoc.Storage.Postgres;
using Byoc.Storage.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Byoc.Storage;

/// <summary>
/// The one public way into this assembly: registers the store contracts of <c>Byoc.Core.Storage</c> on the provider a
/// <see cref="StorageLocation"/> names. The stores themselves stay internal.
/// </summary>
public static class StorageServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="IInboxStore"/>, <see cref="IOutboxStore"/>, <see cref="IConversationStore"/>,
    /// <see cref="IDeadLetterStore"/>, <see cref="IChatLogStore"/>, <see cref="IEndUserStateStore"/> and
    /// <see cref="ILeaderElection"/> as singletons. The location is asked for when a store is first resolved (after options
    /// validation), and only that provider's database is opened. Adds <see cref="TimeProvider.System"/> unless a
    /// <see cref="TimeProvider"/> is registered.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="location">Where the stores live.</param>
    /// <returns>The service collection.</returns>
    public static IServiceCollection AddDurableStores(this IServiceCollection services, Func<IServiceProvider, StorageLocation> location)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(location);
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(location);
        services.AddSingleton(sp => new SqliteDatabase(Location(sp).SqlitePath!, Location(sp).Synchronous));
        services.AddSingleton(sp => new PostgresDatabase(Location(sp).PostgresConnectionString!));
        services.AddSingleton<IInboxStore>(sp => Location(sp).IsPostgres
            ? ActivatorUtilities.CreateInstance<PostgresInboxStore>(sp)
            : ActivatorUtilities.CreateInstance<SqliteInboxStore>(sp));
        services.AddSingleton<IOutboxStore>(sp => Location(sp).IsPostgres
            ? ActivatorUtilities.CreateInstance<PostgresOutboxStore>(sp)
            : ActivatorUtilities.CreateInstance<SqliteOutboxStore>(sp));
        services.AddSingleton<IConversationStore>(sp => Location(sp).IsPostgres
            ? ActivatorUtilities.CreateInstance<PostgresConversationStore>(sp)
            : ActivatorUtilities.CreateInstance<SqliteConversationStore>(sp));
        services.AddSingleton<IDeadLetterStore>(sp => Location(sp).IsPostgres
            ? ActivatorUtilities.CreateInstance<PostgresDeadLetterStore>(sp)
            : ActivatorUtilities.CreateInstance<SqliteDeadLetterStore>(sp));
        services.AddSingleton<IChatLogStore>(sp => Location(sp).IsPostgres
            ? ActivatorUtilities.CreateInstance<PostgresChatLogStore>(sp)
            : ActivatorUtilities.CreateInstance<SqliteChatLogStore>(sp));
        services.AddSingleton<IEndUserStateStore>(sp => Location(sp).IsPostgres
            ? ActivatorUtilities.CreateInstance<PostgresEndUserStateStore>(sp)
            : ActivatorUtilities.CreateInstance<SqliteEndUserStateStore>(sp));
        services.AddSingleton<ILeaderElection>(sp => Location(sp).IsPostgres
            ? ActivatorUtilities.CreateInstance<PostgresLeaderElection>(sp)
            : ActivatorUtilities.CreateInstance<SqliteLeaderElection>(sp));
        return services;
    }

    private static StorageLocation Location(IServiceProvider services) => services.GetRequiredService<StorageLocation>();
}
