using Byoc.Core.Storage;
using Byoc.Storage.Sqlite;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Byoc.Connector.Storage;

/// <summary>Registers the durable stores.</summary>
internal static class ConnectorStorageExtensions
{
    public static IHostApplicationBuilder AddConnectorStorage(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.TryAddSingleton(TimeProvider.System);
        services.AddOptions<ConnectorStorageOptions>().BindConfiguration(ConnectorStorageOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<ConnectorStorageOptions>, ConnectorStorageOptionsValidator>();
        services.AddSingleton(sp => new SqliteDatabase(sp.GetRequiredService<IOptions<ConnectorStorageOptions>>().Value.Path!));
        services.AddSingleton<IInboxStore, SqliteInboxStore>();
        services.AddSingleton<IOutboxStore, SqliteOutboxStore>();
        services.AddSingleton<IConversationStore, SqliteConversationStore>();
        services.AddSingleton<IDeadLetterStore, SqliteDeadLetterStore>();
        services.AddSingleton<IChatLogStore, SqliteChatLogStore>();
        return builder;
    }
}
